/**
 * The catalogue the UI asks for instead of keeping copies: procedure types with their dose fields, units, ranges
 * and required labs (from the core's reader), lab fields, the session vocabularies, the indications table and the
 * roles. Read-only; it composes what the features own.
 */
package org.openapheresis.server.catalog;
