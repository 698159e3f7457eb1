package org.openapheresis.isbt128;

import java.util.Arrays;
import java.util.Optional;

/**
 * The data structures of ST-001 v6.2.2 Table 2 [RT003] with their numbers and data identifiers, so that a text can be
 * recognised, and refused with a clear message when this codec does not read it. The Donation Identification Number
 * has the one-character identifier {@code =} here: its second identifier character is also its first data character
 * (ST-001 §2.1).
 *
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.1–2.3, Table 2</a>
 */
public enum DataStructureType {
    DONATION_IDENTIFICATION_NUMBER(1, "Donation Identification Number", "=", true),
    BLOOD_GROUPS(2, "Blood Groups [ABO and RhD]", "=%", true),
    PRODUCT_CODE(3, "Product Code", "=<", true),
    EXPIRATION_DATE(4, "Expiration Date", "=>", true),
    EXPIRATION_DATE_AND_TIME(5, "Expiration Date and Time", "&>", true),
    COLLECTION_DATE(6, "Collection Date", "=*", true),
    COLLECTION_DATE_AND_TIME(7, "Collection Date and Time", "&*", true),
    PRODUCTION_DATE(8, "Production Date", "=}", false),
    PRODUCTION_DATE_AND_TIME(9, "Production Date and Time", "&}", false),
    SPECIAL_TESTING_GENERAL(10, "Special Testing: General", "&(", false),
    SPECIAL_TESTING_RED_BLOOD_CELL_ANTIGENS_RETIRED(11, "Special Testing: Red Blood Cell Antigens (retired)", "={", false),
    SPECIAL_TESTING_RED_BLOOD_CELL_ANTIGENS_GENERAL(12, "Special Testing: Red Blood Cell Antigens - General", "=\\", false),
    SPECIAL_TESTING_RED_BLOOD_CELL_ANTIGENS_FINNISH(13, "Special Testing: Red Blood Cell Antigens - Finnish", "&\\", false),
    SPECIAL_TESTING_PLATELET_HLA(14, "Special Testing: Platelet HLA and Platelet Specific Antigens", "&{", false),
    SPECIAL_TESTING_HLA_A_B_RETIRED(15, "Special Testing: HLA-A and -B Alleles (retired)", "=[", false),
    SPECIAL_TESTING_HLA_DRB1_RETIRED(16, "Special Testing: HLA-DRB1 Alleles (retired)", "=\"", false),
    CONTAINER_MANUFACTURER_AND_CATALOG_NUMBER(17, "Container Manufacturer and Catalog Number", "=)", false),
    CONTAINER_LOT_NUMBER(18, "Container Lot Number", "&)", false),
    DONOR_IDENTIFICATION_NUMBER(19, "Donor Identification Number", "=;", false),
    STAFF_MEMBER_IDENTIFICATION_NUMBER(20, "Staff Member Identification Number", "='", false),
    MANUFACTURER_AND_CATALOG_NUMBER_OTHER_ITEMS(21, "Manufacturer and Catalog Number: Items Other Than Containers", "=-", false),
    LOT_NUMBER_OTHER_ITEMS(22, "Lot Number: Items Other Than Containers", "&-", false),
    COMPOUND_MESSAGE(23, "Compound Message", "=+", true),
    PATIENT_DATE_OF_BIRTH(24, "Patient Date of Birth", "=#", false),
    PATIENT_IDENTIFICATION_NUMBER(25, "Patient Identification Number", "&#", false),
    EXPIRATION_MONTH_AND_YEAR(26, "Expiration Month and Year", "=]", false),
    TRANSFUSION_TRANSMITTED_INFECTION_MARKER(27, "Transfusion Transmitted Infection Marker", "&\"", false),
    PRODUCT_CONSIGNMENT(28, "Product Consignment", "=$", false),
    DIMENSIONS(29, "Dimensions", "&$", false),
    RED_CELL_ANTIGENS_WITH_TEST_HISTORY(30, "Red Cell Antigens with Test History", "&%", false),
    FLEXIBLE_DATE_AND_TIME(31, "Flexible Date and Time", "=(", false),
    PRODUCT_DIVISIONS(32, "Product Divisions", "=,", true),
    PROCESSING_FACILITY_INFORMATION_CODE(33, "Processing Facility Information Code", "&+", false),
    PROCESSOR_PRODUCT_IDENTIFICATION_CODE(34, "Processor Product Identification Code", "=/", false),
    MPHO_LOT_NUMBER(35, "MPHO Lot Number", "&,1", false),
    MPHO_SUPPLEMENTAL_IDENTIFICATION_NUMBER(36, "MPHO Supplemental Identification Number", "&,2", false),
    GLOBAL_REGISTRATION_IDENTIFIER_FOR_DONORS_RETIRED(37, "Global Registration Identifier for Donors (retired)", "&,3", false),
    SINGLE_EUROPEAN_CODE(38, "Single European Code (SEC)", "&,4", false),
    GLOBAL_REGISTRATION_IDENTIFIER_FOR_DONORS(39, "Global Registration Identifier for Donors", "&:", false),
    CHAIN_OF_IDENTITY_IDENTIFIER(40, "Chain of Identity Identifier", "&/", true),
    /** Reserved for a nationally specified Donor Identification Number (ST-001 §2.5.2); no ICCBBA number. */
    NATIONAL_DONOR_IDENTIFICATION_NUMBER(0, "Nationally Specified Donor Identification Number", "&;", false),
    /** Confidential Unit Exclusion Status (ST-001 §2.5.3), nationally defined; no ICCBBA number. */
    CONFIDENTIAL_UNIT_EXCLUSION_STATUS(0, "Confidential Unit Exclusion Status", "&!", false),
    /** {@code &a}–{@code &z}: data structures not defined by ICCBBA (ST-001 §2.5.1); no ICCBBA number. */
    NOT_DEFINED_BY_ICCBBA(0, "Data structure not defined by ICCBBA", "&a-&z", false);

    private final int number;
    private final String title;
    private final String dataIdentifier;
    private final boolean supported;

    DataStructureType(int number, String title, String dataIdentifier, boolean supported) {
        this.number = number;
        this.title = title;
        this.dataIdentifier = dataIdentifier;
        this.supported = supported;
    }

    /** @return the ST-001 data structure number, 1..40; 0 for the nationally defined structures of §2.5 */
    public int number() {
        return number;
    }

    /** @return the number as ST-001 writes it, e.g. {@code 001}, or {@code none} for §2.5 structures */
    public String numberText() {
        return number == 0 ? "none" : Digits.pad(number, 3);
    }

    /** @return the name in ST-001 Table 2 */
    public String title() {
        return title;
    }

    /** @return the data identifier, e.g. {@code =<}; {@code =} for the DIN, whose second character is data */
    public String dataIdentifier() {
        return dataIdentifier;
    }

    /** @return whether {@link Isbt128#parse} reads this structure */
    public boolean supported() {
        return supported;
    }

    /** @return e.g. {@code data structure 003 (Product Code)} */
    public String describe() {
        return "data structure " + numberText() + " (" + title + ")";
    }

    /**
     * Recognises the data structure a text begins with, from its data identifier (ST-001 §2.1).
     *
     * @return the type, or empty when the text begins with no data identifier of Table 2
     */
    public static Optional<DataStructureType> recognise(String text, int start) {
        if (text.length() - start < 2) {
            return Optional.empty();
        }
        char first = text.charAt(start);
        char second = text.charAt(start + 1);
        if (first == '=' && CharSet.FIN_FIRST.allows(second)) {
            return Optional.of(DONATION_IDENTIFICATION_NUMBER);
        }
        if (first == '&' && second >= 'a' && second <= 'z') {
            return Optional.of(NOT_DEFINED_BY_ICCBBA);
        }
        String two = text.substring(start, start + 2);
        String three = text.length() - start >= 3 ? text.substring(start, start + 3) : two;
        return Arrays.stream(values())
                .filter(t -> t.dataIdentifier.equals(t.dataIdentifier.length() == 3 ? three : two))
                .findFirst();
    }
}
