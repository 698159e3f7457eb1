/**
 * The tamper-evident audit log: every read and write of patient data, each entry chaining the hash of the
 * one before, and a verifier that recomputes the chain.
 */
package org.openapheresis.server.audit;
