package org.openapheresis.kinetics;

/** The volume an analyte's intravascular concentration refers to. */
public enum Space {
    /** Dissolved in plasma (proteins): concentration = amount / plasma volume. */
    PLASMA,
    /** Carried by whole blood (cells): concentration = amount / blood volume. */
    BLOOD
}
