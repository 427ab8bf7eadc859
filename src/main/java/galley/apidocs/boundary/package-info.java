/** The generated OpenAPI document: what the generator cannot know from the annotations alone. */
package galley.apidocs.boundary;
