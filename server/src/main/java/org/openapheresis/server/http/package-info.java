/**
 * The HTTP edge: the one route table, authentication and authorisation of every request, the JSON problem
 * translator and the OpenAPI document generated from the table.
 */
package org.openapheresis.server.http;
