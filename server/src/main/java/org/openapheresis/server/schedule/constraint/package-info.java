/**
 * The rules a week's plan is scored by, one class each (hard: what must hold for a plan to be booked; medium: as
 * few moves of sessions already booked as possible; soft: what makes a plan kinder to patients and staff), with
 * the provider that lists them all.
 */
package org.openapheresis.server.schedule.constraint;
