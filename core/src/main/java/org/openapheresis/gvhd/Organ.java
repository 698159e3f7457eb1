package org.openapheresis.gvhd;

/** The four target organs that the MAGIC criteria stage (Harris 2016). */
public enum Organ {
    SKIN("skin"),
    LIVER("liver"),
    UPPER_GI("upper GI"),
    LOWER_GI("lower GI");

    private final String label;

    Organ(String label) {
        this.label = label;
    }

    /** @return the organ as written in the MAGIC table, e.g. {@code lower GI} */
    public String label() {
        return label;
    }

    /** @return the highest stage the organ has: 1 for upper GI (persistent or not), 4 for the others */
    public int maxStage() {
        return this == UPPER_GI ? 1 : 4;
    }
}
