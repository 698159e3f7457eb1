/**
 * Planning the week: every unscheduled session of the signed orders, and the booked sessions that may move, placed
 * on a start, a machine, a chair and a nurse by a constraint solver (Timefold Solver) under the unit's rules. A
 * proposal is shown with its score in words before it is booked, and it is booked whole through the sessions'
 * own service (the database's guarantee against double booking), or not at all when the data it was made on
 * changed.
 */
package org.openapheresis.server.schedule;
