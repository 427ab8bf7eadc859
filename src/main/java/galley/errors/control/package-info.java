/**
 * The ways a request can fail that are the caller's to fix. Services throw these; the boundary turns
 * them into RFC 9457 problem responses. Nothing here knows about HTTP.
 */
package galley.errors.control;
