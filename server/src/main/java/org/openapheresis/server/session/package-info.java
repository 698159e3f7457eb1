/**
 * Sessions: one procedure on one day, from scheduling through start to completion or abort, with its run
 * values, vitals, fluids, labs and adverse events, and the comparison of what happened with the plan.
 */
package org.openapheresis.server.session;
