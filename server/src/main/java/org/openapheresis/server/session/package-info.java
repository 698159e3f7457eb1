/**
 * Sessions: one procedure on one day on a machine and a chair (a machine is never booked twice at once), from
 * scheduling through start (with the plan's warnings acknowledged) to completion or abort, with its run
 * values, vitals, fluids, labs and adverse events, and the comparison of what happened with the plan.
 */
package org.openapheresis.server.session;
