/**
 * The plan and course endpoints: the plan contract served over HTTP with the same readers, planners and
 * JSON mapper as the command line, so both answer identically.
 */
package org.openapheresis.server.planning;
