/**
 * Accounts and sessions: one password policy, slow salted password hashes checked at one cost on every path,
 * and login throttling per account and per address counted in the database under a row lock.
 */
package org.openapheresis.server.auth;
