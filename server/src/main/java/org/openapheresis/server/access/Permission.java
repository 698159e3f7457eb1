package org.openapheresis.server.access;

/**
 * What a route does, in the words of the roles table of contract api-v1. Every route names one; the
 * {@link AccessPolicy} says which roles hold it.
 */
public enum Permission {
    /** Anyone, without logging in: health, login, the OpenAPI document. */
    PUBLIC,
    /** Any logged-in user: who am I, log out, catalogues. */
    AUTHENTICATED,
    /** List, create and edit accounts (name, role, active). */
    USERS_MANAGE,
    /** Keep the unit's lists of machines and chairs. */
    RESOURCES_MANAGE,
    /** Set another user's password (reset). */
    USERS_PASSWORD_RESET,
    /** Sign another user out everywhere. */
    USERS_SESSIONS_END,
    /** Change one's own password (with the current one). */
    OWN_PASSWORD,
    AUDIT_READ,
    PLANS,
    PATIENTS_READ,
    /** Register and edit a person's demographics and coverage. */
    PATIENTS_WRITE,
    /** Read a person's clinical record: history, measurements, the lab history. */
    PATIENTS_CLINICAL_READ,
    /** Record a person's clinical facts: height, weight, allergies, medications, contraindications, labs. */
    PATIENTS_CLINICAL_WRITE,
    ORDERS_CREATE,
    ORDERS_SIGN,
    ORDERS_READ,
    SESSIONS_SCHEDULE,
    /** Plan the week with the solver and book a proposal. */
    SCHEDULE_PLAN,
    /** Keep the unit's rota: nurses' shifts, days the unit is closed, machines out of service. */
    ROTA_MANAGE,
    SESSIONS_READ,
    SESSIONS_RECORD,
    SESSIONS_CLINICAL_READ,
    /** Read cell products: where they are, their custody, their labels. */
    PRODUCTS_READ,
    /** The lab's steps: make a product of a collection, release, store, freeze, thaw, divide, issue, discard. */
    PRODUCTS_RECORD,
    /** Check a product at the bedside and record its infusion. */
    PRODUCTS_INFUSE,
    /** Record a follow-up visit after donor lymphocyte infusion: acute GVHD findings and chimerism. */
    FOLLOWUP_RECORD,
    /** Read a patient's follow-up visits: GVHD findings, stages, grade and chimerism. */
    FOLLOWUP_READ,
    /** Order the escalating schedule of donor lymphocyte infusions on a lymphocyte collection order; skip a dose. */
    DLI_SCHEDULE_ORDER,
    /** Read a recipient's DLI schedules: each dose, its due date, status and aliquot. */
    DLI_SCHEDULE_READ,
    /** Read charge items, coverages and an order's cost estimate: codes and amounts, no clinical values. */
    CHARGES_READ,
    /** Bill a completed session and correct a charge item, with a reason (a new item; nothing is changed). */
    CHARGES_CORRECT,
    /** Record a patient's coverage: payer, plan, plan year, deductible, coinsurance, out-of-pocket maximum. */
    COVERAGE_WRITE,
    /**
     * Read an order's coverage check: the guideline category, whether the patient's payer covers the indication by the
     * coverage rules, and whether prior authorisation is needed and recorded. Codes, categories and payer terms, no
     * clinical values.
     */
    COVERAGE_CHECK_READ,
    /** Read the unit's price list (chargemaster) with its history. */
    PRICE_LIST_READ,
    /** Set prices: a new price closes the period of the one it follows. */
    PRICE_LIST_EDIT;

    /** @return the code a client checks, e.g. {@code orders.sign} */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }
}
