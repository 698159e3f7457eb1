/**
 * Graft-versus-host disease at follow-up: acute GVHD organ findings as entered, their MAGIC stages and overall grade
 * (Harris, Biol Blood Marrow Transplant 2016), donor chimerism, the rule that holds the next donor lymphocyte
 * infusion when grade II or more was recorded since the last dose, the escalating DLI schedule and the bedside check of
 * an aliquot against its next dose; and chronic GVHD, the eight NIH organ scores and
 * their global severity (Jagasia, Biol Blood Marrow Transplant 2015) with its trend over a patient's assessments.
 * Plain values and pure functions; every number carries its unit in its name and its source in its javadoc.
 */
package org.openapheresis.gvhd;
