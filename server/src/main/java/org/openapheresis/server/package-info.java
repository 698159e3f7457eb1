/**
 * The server side of OpenApheresis: the unit's HTTP server ({@link org.openapheresis.server.OpenApheresisServer})
 * assembled from feature packages, and the JSON translation of the plan contract shared by the CLI and the API.
 */
package org.openapheresis.server;
