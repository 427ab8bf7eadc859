/**
 * Revisions: every change to an article, author or tag is recorded by Hibernate Envers with who made it
 * and when. Editors list an item's revisions, read one, compare two and restore an earlier one as a new
 * change (the restore itself is a revision, so nothing is ever overwritten).
 */
package galley.revisions;
