/**
 * Follow-up visits after donor lymphocyte infusion: the acute GVHD findings as entered, their MAGIC organ stages and
 * overall grade as computed by the core when the visit was recorded, and the donor chimerism results. Visits are
 * appended and never changed (a correction is a new record naming the one it corrects); the grades since a date are
 * offered to the DLI hold rule. Chronic GVHD assessments sit beside them: the eight NIH organ scores as entered and the
 * global severity as computed at recording, with the trend of the recorded severity that a photopheresis order
 * naming an assessment as its indication shows.
 */
package org.openapheresis.server.followup;
