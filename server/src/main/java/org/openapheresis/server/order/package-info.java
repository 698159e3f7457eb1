/**
 * Orders (prescriptions): indication, procedure, schedule and guideline category; the plan computed from
 * the patient record; physician signature and acknowledgement of warnings.
 */
package org.openapheresis.server.order;
