/**
 * The server's load run (not a unit test): a small closed-loop HTTP load generator against the real server on
 * loopback, for docs/benchmarks.md.
 */
package org.openapheresis.server.load;
