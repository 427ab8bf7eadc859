/**
 * Hostile and malformed requests, for every feature at once: body size limits, strict JSON bodies (UTF-8,
 * nesting depth, Unicode NFC), cross-origin access and the security headers of every response.
 */
package galley.requests;
