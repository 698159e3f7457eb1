/**
 * Billing: the procedure codes a completed session earns by the code rule table (data, each row with its source),
 * the unit's price list with its history, the charge items (created once per session, corrected by a new row with
 * a reason), the patients' coverages, and the patient's estimate for an order. It reads sessions and orders; no
 * clinical feature depends on it.
 */
package org.openapheresis.server.billing;
