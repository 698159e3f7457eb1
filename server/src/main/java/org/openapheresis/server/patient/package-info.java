/**
 * Patients and donors: demographics, coverage, clinical facts (allergies, medications, contraindication
 * facts) and the lab history a plan is computed from.
 */
package org.openapheresis.server.patient;
