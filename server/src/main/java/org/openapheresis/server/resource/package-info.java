/**
 * The unit's resources: its separators (machines) and its chairs and beds, as records an administrator keeps.
 * Sessions are booked on them, and the booking takes the resource's row lock, so two bookings of one machine or
 * chair at once can never both pass the overlap check, on any number of server processes.
 */
package org.openapheresis.server.resource;
