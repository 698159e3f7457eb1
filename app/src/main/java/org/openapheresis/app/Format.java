package org.openapheresis.app;

/** Output formats of the plan and course commands. */
enum Format {
    json,
    text
}
