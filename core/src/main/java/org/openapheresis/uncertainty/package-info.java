/**
 * Uncertainty bands: a seeded, reproducible Monte Carlo over virtual patients (each a draw of every model
 * parameter from its published spread) gives the 5th, 50th and 95th percentiles of every predicted value and of
 * the time course, for a plan and for a course, and ranks the parameters by how much of the spread they drive.
 */
package org.openapheresis.uncertainty;
