/** Languages: BCP 47 tags, their validation and canonical form. */
package galley.i18n.control;
