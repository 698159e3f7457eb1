/**
 * Several sessions for one patient: a regular schedule (e.g. five exchanges every 48 hours) or a list of
 * steps that may mix procedure types (exchanges, then IVIG). The simulated body is carried from each session
 * through the time between sessions (redistribution, synthesis, recovery) into the next.
 */
package org.openapheresis.course;
