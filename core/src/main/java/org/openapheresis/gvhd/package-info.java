/**
 * Acute graft-versus-host disease at follow-up: organ findings as entered, their MAGIC stages and overall grade
 * (Harris, Biol Blood Marrow Transplant 2016), donor chimerism, and the rule that holds the next donor lymphocyte
 * infusion when grade II or more was recorded since the last dose.
 * Plain values and pure functions; every number carries its unit in its name and its source in its javadoc.
 */
package org.openapheresis.gvhd;
