/**
 * Accounts, roles and sessions: slow salted password hashes, login throttling kept in the database, and the
 * access policy that mirrors the roles table of contract api-v1 (deny by default).
 */
package org.openapheresis.server.auth;
