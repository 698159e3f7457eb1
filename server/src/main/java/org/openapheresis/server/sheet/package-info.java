/**
 * The patient information sheet: a plain-language page made from the patient's own order, plan, recorded access,
 * candidacy checks and cost estimate, answered as HTML or as a PDF. Its text is kept below a reading grade a patient
 * reads easily (Flesch-Kincaid, tested), and every medical word is explained where it is first used.
 */
package org.openapheresis.server.sheet;
