/**
 * The unit's printed clinical documents: the plan sheet of an order (its course and the plan's numbers, each with
 * its unit, with the warnings, assumptions and sources) and the summary of a session (the run sheet at the chair and
 * the record after it). Each is written as XHTML from the record, made anew on every read, and answered as HTML or
 * as a PDF from the same engine as the patient sheet.
 */
package org.openapheresis.server.printout;
