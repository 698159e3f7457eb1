/**
 * Time-stepped simulation of what a procedure does to the body: proteins and cells in an intravascular and
 * an extravascular pool with redistribution, synthesis and catabolism; fluids in and out; citrate and the
 * ionised calcium that follows it. Linear two-pool equations are integrated with fixed-step RK4; with
 * redistribution and synthesis switched off they reduce to the one-compartment formula 1 - e^(-V/PV).
 */
package org.openapheresis.kinetics;
