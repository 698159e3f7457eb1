/**
 * What cuts across every feature of the core: the keyed problems that invalid input produces and the
 * exception that carries them, allowed ranges, constants that carry their unit and source ({@code Sourced}),
 * and the rounding used when numbers leave the core.
 * Nothing here knows about procedures or patients; features depend on this package, never the reverse.
 */
package org.openapheresis.system;
