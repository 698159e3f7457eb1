/**
 * Seeds a realistic demo unit (staff of each role, patients, orders and a week of sessions) for
 * {@code serve --demo}.
 */
package org.openapheresis.server.demo;
