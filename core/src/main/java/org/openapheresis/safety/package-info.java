/**
 * Safety warnings of a plan: one rule per stable code, each reading the plan's computed facts and saying
 * what to do. Rules never change the plan; they only warn, so nothing is clamped in silence.
 */
package org.openapheresis.safety;
