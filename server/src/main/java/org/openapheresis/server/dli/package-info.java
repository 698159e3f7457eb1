/**
 * The escalating schedule of donor lymphocyte infusions a physician orders on a lymphocyte collection: its doses
 * (CD3+ per kg of the recipient) and the intervals between them, each dose's status (planned, due, held for GVHD,
 * given, skipped) with the aliquot that matches it, and the bedside check that the aliquot is the dose the schedule
 * expects next. The schedule is written once; what becomes of each dose is appended and never changed.
 */
package org.openapheresis.server.dli;
