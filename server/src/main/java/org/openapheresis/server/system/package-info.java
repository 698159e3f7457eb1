/**
 * What every feature of the server shares and no feature owns: the domain's refusals (not found, a conflict
 * with a record's state, too many attempts) with their stable keys. Services throw them; the one HTTP translator
 * answers them. Also the one engine that prints a document's XHTML as a PDF on A4 or US Letter ({@link
 * org.openapheresis.server.system.Pdf}).
 */
package org.openapheresis.server.system;
