/**
 * The runnable jar: the {@code openapheresis} command line (plan, course and serve). Each command
 * parses, calls one thing in the core or the server, and translates errors: exit 2 with one line per
 * problem, never a stack trace.
 */
package org.openapheresis.app;
