package org.openapheresis.gvhd;

/** What a chimerism result was measured in: unsorted blood or a sorted lineage. */
public enum ChimerismCompartment {
    /** Unsorted peripheral blood leucocytes. */
    WHOLE_BLOOD("whole blood"),
    /** Sorted CD3+ T cells. */
    CD3_T_CELLS("CD3+ T cells"),
    /** Sorted CD33+ myeloid cells. */
    CD33_MYELOID("CD33+ myeloid cells");

    private final String label;

    ChimerismCompartment(String label) {
        this.label = label;
    }

    /** @return the compartment as shown to users, e.g. {@code CD3+ T cells} */
    public String label() {
        return label;
    }
}
