/**
 * The database: connection pool, Flyway migrations shared by H2 and PostgreSQL, and small helpers for ids
 * and times. Every piece of state lives here so several server processes can share one PostgreSQL.
 */
package org.openapheresis.server.db;
