package org.openapheresis.server.product.label;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.isbt128.BloodGroups;
import org.openapheresis.isbt128.CollectionDateTime;
import org.openapheresis.isbt128.CollectionType;
import org.openapheresis.isbt128.CompoundMessage;
import org.openapheresis.isbt128.DataStructure;
import org.openapheresis.isbt128.DinFlags;
import org.openapheresis.isbt128.DonationIdentificationNumber;
import org.openapheresis.isbt128.ExpirationDateTime;
import org.openapheresis.isbt128.ProductCode;
import org.openapheresis.isbt128.ProductDescription;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * What the ISBT 128 label of one cellular therapy product carries, in the four quadrants of ST-001 v6.2.2 and a 2-D
 * symbol: the Donation Identification Number with its facility, the ABO/RhD groups, the product code with its
 * description from the unit's table, the expiry with the special testing, and the recipient of an autologous or
 * directed product. Every data structure is the core's record, so each bar code is valid by construction; every
 * eye-readable text of a data structure is derived from that record here ({@link #bloodGroupsText()},
 * {@link #expirationText()}, {@link #printedDin()}), so the text a nurse reads cannot disagree with the code a scanner
 * reads. A label that lacks something it needs is refused at construction with every problem, each naming its field
 * ({@code label.donationIdentificationNumber}, …).
 *
 * <p>The blood groups are required. FACT-JACIE lists "ABO and Rh of donor" in the label content at the completion of
 * processing and at distribution, on the label or accompanying it (JPAC Red Book 22.12, Table 22.2); this label
 * prints them. UNVERIFIED: whether ST-004 (ISBT 128 Labeling of Cellular Therapy Products, a licensed document not
 * read here) lets some labels leave the upper right quadrant empty.
 *
 * <p>The statement of intended use ({@link #intendedUseStatement()}) is the product code's type of collection (ST-001
 * Table 7) in capitals, e.g. {@code FOR AUTOLOGOUS USE ONLY}; a product whose type of collection names a recipient
 * (autologous, directed, designated, dedicated, medical exception; {@link #RECIPIENT_NAMED}) needs the
 * {@link IntendedRecipient}. That FACT-JACIE asks for the recipient's name and identifier "if applicable" is verified
 * (JPAC Red Book 22.12, Table 22.2); which types of collection make it applicable is this project's reading,
 * UNVERIFIED against ST-004.
 *
 * @param donationIdentificationNumber Data Structure 001, the DIN and its flags
 * @param facilityName the name of the facility that assigned the DIN, printed under it, 1..{@value #MAX_FACILITY_NAME_LENGTH}
 *     characters
 * @param bloodGroups Data Structure 002
 * @param productCode Data Structure 003
 * @param productDescription the row of the unit's product description table for {@code productCode}'s description code;
 *     an example row (not an ICCBBA code) is refused
 * @param expiration Data Structure 005, local to the facility
 * @param collection Data Structure 007, when the collection ended, local to the facility; printed and carried in the
 *     compound message when present
 * @param specialTesting special testing to print in the lower right quadrant, 1..{@value #MAX_SPECIAL_TESTING_LENGTH}
 *     characters when present (text only: the codec does not encode Special Testing data structures)
 * @param intendedRecipient the recipient of an autologous or directed product; required for the types of
 *     collection of {@link #RECIPIENT_NAMED}
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4, §4.3 and Appendix C</a>
 * @see <a href="http://transfusionguidelines.org.uk/red-book/chapter-22-haemopoietic-progenitor-cells/22-12-labelling-packaging-transportation-and-temperature-controls">JPAC
 *     Red Book 22.12, Table 22.2 (label content adapted from FACT-JACIE)</a>
 */
public record LabelContent(DonationIdentificationNumber donationIdentificationNumber, String facilityName,
        BloodGroups bloodGroups, ProductCode productCode, ProductDescription productDescription,
        ExpirationDateTime expiration, Optional<CollectionDateTime> collection, Optional<String> specialTesting,
        Optional<IntendedRecipient> intendedRecipient) {

    /** Characters of a facility name that fit under the DIN. */
    public static final int MAX_FACILITY_NAME_LENGTH = 60;
    /** Characters of special testing that fit the lower right quadrant. */
    public static final int MAX_SPECIAL_TESTING_LENGTH = 120;
    /** Characters of a product description that fit the lower left quadrant. */
    public static final int MAX_DESCRIPTION_LENGTH = 140;

    /** The types of collection (ST-001 Table 7) whose product is for a named recipient, so its label names them. */
    public static final Set<CollectionType> RECIPIENT_NAMED = Set.copyOf(EnumSet.of(
            CollectionType.AUTOLOGOUS_ELIGIBLE_FOR_CROSSOVER, CollectionType.AUTOLOGOUS_ONLY,
            CollectionType.AUTOLOGOUS_ONLY_BIOHAZARD, CollectionType.AUTOLOGOUS_CONTAINS_ALLOGENEIC,
            CollectionType.VOLUNTEER_DIRECTED_ELIGIBLE_FOR_CROSSOVER, CollectionType.PAID_DIRECTED_ELIGIBLE_FOR_CROSSOVER,
            CollectionType.DIRECTED_RECIPIENT_ONLY, CollectionType.DIRECTED_RECIPIENT_ONLY_LIMITED_EXPOSURE,
            CollectionType.DIRECTED_RECIPIENT_ONLY_BIOHAZARD, CollectionType.MEDICAL_EXCEPTION, CollectionType.DESIGNATED,
            CollectionType.DEDICATED, CollectionType.DESIGNATED_BIOHAZARD, CollectionType.DIRECTED_ONLY,
            CollectionType.DIRECTED_BIOHAZARDOUS, CollectionType.DIRECTED_ELIGIBLE_FOR_CROSSOVER));

    /** The types of collection that need no statement on the label: the default and "not specified". */
    private static final Set<CollectionType> NO_STATEMENT =
            Set.copyOf(EnumSet.of(CollectionType.VOLUNTEER_ALLOGENEIC, CollectionType.NOT_SPECIFIED));

    /** Day, month and year as ST-001 Appendix C prints them ({@code 29 JAN 2018}), then the 24-hour time. */
    private static final DateTimeFormatter EYE_READABLE = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.ENGLISH);

    public LabelContent {
        List<Problem> problems = new ArrayList<>();
        required(problems, "label.donationIdentificationNumber", donationIdentificationNumber);
        LabelText.check(problems, "label.facilityName", facilityName, MAX_FACILITY_NAME_LENGTH);
        required(problems, "label.bloodGroups", bloodGroups);
        required(problems, "label.expiration", expiration);
        required(problems, "label.collection", collection);
        required(problems, "label.specialTesting", specialTesting);
        required(problems, "label.intendedRecipient", intendedRecipient);
        boolean hasCode = required(problems, "label.productCode", productCode);
        boolean hasDescription = required(problems, "label.productDescription", productDescription);
        if (hasCode && hasDescription) {
            descriptionProblems(problems, productCode, productDescription);
        }
        if (specialTesting != null && specialTesting.isPresent()) {
            LabelText.check(problems, "label.specialTesting", specialTesting.get(), MAX_SPECIAL_TESTING_LENGTH);
        }
        if (productCode != null && intendedRecipient != null && intendedRecipient.isEmpty()) {
            productCode.collectionType().filter(RECIPIENT_NAMED::contains).ifPresent(type -> problems.add(
                    Problem.of("label.intendedRecipient", MessageKey.REQUIRED_WHEN,
                            "for type of collection " + type.code() + " (" + type.description() + ")")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the label cannot be printed", problems);
        }
    }

    /**
     * @return the DIN as printed for people, without its check character: facility, year and sequence separated by
     *     spaces, e.g. {@code A9999 26 123456} (ST-001 §7.5.1.1)
     */
    public String printedDin() {
        String printed = donationIdentificationNumber.din().printed();
        return printed.substring(0, printed.lastIndexOf(' '));
    }

    /** @return the keyboard entry check character K, printed in a box after the DIN (ST-001 §7.5) */
    public char checkCharacter() {
        return donationIdentificationNumber.din().checkCharacter();
    }

    /**
     * @return the flag characters to print beside the DIN: Type 1 and Type 2 flags are printed, flags not used
     *     ({@code 00}) and Type 3 check flags are not (ST-001 §2.4.1 and §7.5, as the core's {@code Din.parsePrinted}
     *     reads them)
     */
    public Optional<String> printedFlags() {
        DinFlags flags = donationIdentificationNumber.flags();
        return flags.kind() == DinFlags.Kind.NOT_USED || flags.kind() == DinFlags.Kind.CHECK
                ? Optional.empty() : Optional.of(flags.code());
    }

    /** @return the ABO group as the upper right quadrant prints it large: {@code O}, {@code A}, {@code B} or {@code AB} */
    public String aboText() {
        return bloodGroups.abo().name();
    }

    /** @return the RhD type as printed under the ABO group: {@code RhD POSITIVE} or {@code RhD NEGATIVE} */
    public String rhDText() {
        return "RhD " + bloodGroups.rhD().name();
    }

    /** @return the whole eye-readable blood group, e.g. {@code O RhD POSITIVE} */
    public String bloodGroupsText() {
        return aboText() + " " + rhDText();
    }

    /** @return the expiry as printed, e.g. {@code 29 JAN 2026 23:59} (local to the facility) */
    public String expirationText() {
        return eyeReadable(expiration.dateTime());
    }

    /** @return when the collection ended, as printed, e.g. {@code 27 JAN 2026 14:30} */
    public Optional<String> collectionText() {
        return collection.map(c -> eyeReadable(c.dateTime()));
    }

    /**
     * @return the statement of the product's type of collection (ST-001 Table 7) in capitals, e.g. {@code FOR
     *     AUTOLOGOUS USE ONLY}; empty for the default (volunteer allogeneic), for "not specified" and for product
     *     families without a type of collection
     */
    public Optional<String> intendedUseStatement() {
        return productCode.collectionType().filter(t -> !NO_STATEMENT.contains(t))
                .map(t -> t.description().toUpperCase(Locale.ROOT));
    }

    /**
     * @return the data structures of the linear bar codes, in the order of the quadrants: DIN, blood groups, product
     *     code, expiry
     */
    public List<DataStructure> linearStructures() {
        return List.of(donationIdentificationNumber, bloodGroups, productCode, expiration);
    }

    /**
     * @return the compound message (ST-001 §2.4.23) of the label's 2-D symbol, of undefined sequence as ICCBBA
     *     encourages: the DIN, blood groups, product code, expiry and, when present, the collection date and time
     */
    public CompoundMessage compoundMessage() {
        List<DataStructure> structures = new ArrayList<>(linearStructures());
        collection.ifPresent(structures::add);
        return new CompoundMessage(CompoundMessage.UNDEFINED_SEQUENCE, structures);
    }

    private static String eyeReadable(LocalDateTime dateTime) {
        return EYE_READABLE.format(dateTime).toUpperCase(Locale.ROOT);
    }

    private static boolean required(List<Problem> problems, String field, Object value) {
        if (value == null) {
            problems.add(Problem.of(field, MessageKey.REQUIRED));
            return false;
        }
        return true;
    }

    private static void descriptionProblems(List<Problem> problems, ProductCode code, ProductDescription description) {
        String field = "label.productDescription";
        if (!description.code().equals(code.descriptionCode())) {
            problems.add(Problem.of(field, MessageKey.NOT_ONE_OF, description.code(), code.descriptionCode()));
        } else if (description.example()) {
            problems.add(Problem.of(field, MessageKey.INVALID, description.code()
                    + " is an example row of " + description.source() + ", not a code to label a product with"));
        } else if (description.name().length() > MAX_DESCRIPTION_LENGTH) {
            problems.add(Problem.of(field, MessageKey.TOO_LONG, MAX_DESCRIPTION_LENGTH));
        }
    }
}
