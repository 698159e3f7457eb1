/**
 * Follow-up visits after donor lymphocyte infusion: the acute GVHD findings as entered, their MAGIC organ stages and
 * overall grade as computed by the core when the visit was recorded, and the donor chimerism results. Visits are
 * appended and never changed (a correction is a new record naming the one it corrects); the grades since a date are
 * offered to the DLI hold rule.
 */
package org.openapheresis.server.followup;
