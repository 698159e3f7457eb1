/**
 * The plan contract (plan-v1) at the boundary of the core: reads a request given as a JSON-like tree
 * (maps, lists, numbers, strings, booleans, as any JSON parser produces) into validated records, reporting
 * every problem at once with the field path. The edges parse text; this package decides what is valid.
 */
package org.openapheresis.contract;
