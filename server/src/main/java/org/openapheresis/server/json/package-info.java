/**
 * JSON text in and out for the plan contract: one configured Jackson mapper that parses requests into the
 * plain tree the core's readers validate, and writes the core's plan records with the contract's names.
 */
package org.openapheresis.server.json;
