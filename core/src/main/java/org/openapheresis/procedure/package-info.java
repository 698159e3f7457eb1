/**
 * One procedure planned for one patient: the request (patient, recipient, procedure), the planners of each
 * procedure type, and the plan they return (contract plan-v1). {@link org.openapheresis.procedure.Planner} is
 * the single entry point; it dispatches on the sealed {@link org.openapheresis.procedure.ProcedureSpec}.
 */
package org.openapheresis.procedure;
