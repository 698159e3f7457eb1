/**
 * The server side of OpenApheresis: everything that speaks a protocol or stores data. For now the JSON
 * translation of the plan contract shared by the CLI and the HTTP API.
 */
package org.openapheresis.server;
