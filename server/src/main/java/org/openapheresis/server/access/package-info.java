/**
 * Who may do what: the roles, the permissions routes name, the access policy (the roles table, deny by default)
 * and the caller of a request. Below every feature and below the HTTP edge, so both can name a permission.
 */
package org.openapheresis.server.access;
