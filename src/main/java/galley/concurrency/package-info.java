/**
 * Safe concurrent editing: entity versions as ETags, If-Match required on changes (428 without, 412 when
 * stale), and JSON Merge Patch. The services lock the row they change and compare versions, so of two
 * editors who read the same version, exactly one succeeds.
 */
package galley.concurrency;
