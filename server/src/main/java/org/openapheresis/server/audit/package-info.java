/**
 * The tamper-evident audit log: every read and write of patient data, each entry carrying an HMAC under a key
 * kept outside the database over its fields and the MAC of the one before, signed checkpoints of the head in an
 * append-only file, and a verifier that checks both (docs/architecture/audit.md).
 */
package org.openapheresis.server.audit;
