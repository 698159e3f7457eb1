/**
 * Teaching mode: a virtual patient whose own kinetics are hidden, planned by a learner, then revealed.
 */
package org.openapheresis.server.teaching;
