package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Reads ISBT 128 data structures from the text a scanner or a 2-D symbol gives. As ST-001 v6.2.2 §2.2 requires, it
 * first recognises the data identifier and then checks the length and format of the content, so that, for example,
 * a Special Testing bar code scanned at a blood groups prompt is refused rather than read as a blood group.
 *
 * <p>The text is read as given: no spaces, no control characters (a scanner's trailing carriage return is the
 * edge's to remove). Every problem names the caller's field; positions count from 1 in the text given.
 *
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.1–2.4 and Table 2</a>
 */
public final class Isbt128 {

    private static final Map<Class<? extends DataStructure>, DataStructureType> TYPES = Map.of(
            DonationIdentificationNumber.class, DataStructureType.DONATION_IDENTIFICATION_NUMBER,
            BloodGroups.class, DataStructureType.BLOOD_GROUPS,
            ProductCode.class, DataStructureType.PRODUCT_CODE,
            ExpirationDate.class, DataStructureType.EXPIRATION_DATE,
            ExpirationDateTime.class, DataStructureType.EXPIRATION_DATE_AND_TIME,
            CollectionDate.class, DataStructureType.COLLECTION_DATE,
            CollectionDateTime.class, DataStructureType.COLLECTION_DATE_AND_TIME,
            ProductDivisions.class, DataStructureType.PRODUCT_DIVISIONS,
            ChainOfIdentityIdentifier.class, DataStructureType.CHAIN_OF_IDENTITY_IDENTIFIER,
            CompoundMessage.class, DataStructureType.COMPOUND_MESSAGE);

    private Isbt128() {
    }

    /**
     * Reads one data structure, or a compound message with the structures it carries.
     *
     * @param field the field the text came from (e.g. {@code scannedDin}), named in every problem
     * @param text the whole data structure, data identifier included, e.g. {@code =<S1128V00}
     * @return the record of the data structure the identifier names
     * @throws InvalidInputException for an unknown or unsupported data identifier, the wrong length, a character not
     *     allowed, an impossible date or time, a check that does not match, or a code outside its table
     */
    public static DataStructure parse(String field, String text) {
        requireText(field, text);
        return whole(field, text, recognise(field, text, 0));
    }

    /**
     * Reads one data structure of the type a prompt expects, refusing any other before its content is read.
     *
     * @param expected the record class, e.g. {@code BloodGroups.class}
     * @throws InvalidInputException as {@link #parse(String, String)}, and for a data structure of another type
     */
    public static <T extends DataStructure> T parse(String field, String text, Class<T> expected) {
        requireText(field, text);
        DataStructureType wanted = TYPES.get(expected);
        if (wanted == null) {
            throw new IllegalArgumentException(expected + " is not a data structure record");
        }
        Optional<DataStructureType> found = DataStructureType.recognise(text, 0);
        if (found.isPresent() && found.get() != wanted) {
            throw InvalidInputException.of(field, MessageKey.WRONG_DATA_STRUCTURE, wanted.describe(),
                    found.get().describe());
        }
        return expected.cast(whole(field, text, recognise(field, text, 0)));
    }

    private static DataStructure whole(String field, String text, DataStructureType type) {
        if (type == DataStructureType.COMPOUND_MESSAGE) {
            return compound(field, text);
        }
        int length = totalLength(type);
        if (text.length() != length) {
            throw InvalidInputException.of(field, MessageKey.WRONG_LENGTH, text, text.length(), length);
        }
        return read(field, text, 0, type);
    }

    /** The type of the data structure at {@code start}, refusing unknown and unsupported identifiers. */
    private static DataStructureType recognise(String field, String text, int start) {
        Optional<DataStructureType> type = DataStructureType.recognise(text, start);
        if (type.isEmpty()) {
            throw InvalidInputException.of(field, MessageKey.UNKNOWN_DATA_IDENTIFIER,
                    text.substring(start, Math.min(text.length(), start + 3)));
        }
        DataStructureType t = type.get();
        if (!t.supported()) {
            String identifier = t == DataStructureType.NOT_DEFINED_BY_ICCBBA
                    ? text.substring(start, start + 2) : t.dataIdentifier();
            throw InvalidInputException.of(field, MessageKey.UNSUPPORTED_DATA_STRUCTURE, t.numberText(), t.title(),
                    identifier);
        }
        return t;
    }

    /** Characters of a supported data structure, data identifier included (for the compound message, its header). */
    private static int totalLength(DataStructureType type) {
        return switch (type) {
            case DONATION_IDENTIFICATION_NUMBER -> 1 + DonationIdentificationNumber.CONTENT_LENGTH;
            case BLOOD_GROUPS -> 2 + BloodGroups.CONTENT_LENGTH;
            case PRODUCT_CODE -> 2 + ProductCode.CONTENT_LENGTH;
            case EXPIRATION_DATE, COLLECTION_DATE -> 2 + OrdinalDates.DATE_LENGTH;
            case EXPIRATION_DATE_AND_TIME, COLLECTION_DATE_AND_TIME -> 2 + OrdinalDates.DATE_TIME_LENGTH;
            case PRODUCT_DIVISIONS -> 2 + ProductDivisions.CONTENT_LENGTH;
            case CHAIN_OF_IDENTITY_IDENTIFIER -> 2 + ChainOfIdentityIdentifier.CONTENT_LENGTH;
            case COMPOUND_MESSAGE -> 2 + CompoundMessage.CONTENT_LENGTH;
            default -> throw new IllegalArgumentException(type + " is not supported");
        };
    }

    /** Reads a supported, non-compound data structure at {@code start}; the caller checked its length. */
    private static DataStructure read(String field, String text, int start, DataStructureType type) {
        return switch (type) {
            case DONATION_IDENTIFICATION_NUMBER -> DonationIdentificationNumber.parseAt(field, text, start);
            case BLOOD_GROUPS -> BloodGroups.parseAt(field, text, start);
            case PRODUCT_CODE -> ProductCode.parseAt(field, text, start);
            case EXPIRATION_DATE -> ExpirationDate.parseAt(field, text, start);
            case EXPIRATION_DATE_AND_TIME -> ExpirationDateTime.parseAt(field, text, start);
            case COLLECTION_DATE -> CollectionDate.parseAt(field, text, start);
            case COLLECTION_DATE_AND_TIME -> CollectionDateTime.parseAt(field, text, start);
            case PRODUCT_DIVISIONS -> ProductDivisions.parseAt(field, text, start);
            case CHAIN_OF_IDENTITY_IDENTIFIER -> ChainOfIdentityIdentifier.parseAt(field, text, start);
            default -> throw new IllegalArgumentException(type + " is not read here");
        };
    }

    /** Reads {@code =+aabbb} and the structures that follow it to the end of the text (ST-001 §2.4.23). */
    private static CompoundMessage compound(String field, String text) {
        int header = totalLength(DataStructureType.COMPOUND_MESSAGE);
        if (text.length() < header) {
            throw InvalidInputException.of(field, MessageKey.WRONG_LENGTH, text, text.length(), header);
        }
        List<Problem> problems = new ArrayList<>();
        CharSet.DIGIT.check(problems, field, text, 2, 4, "number of data structures");
        CharSet.DIGIT.check(problems, field, text, 4, header, "compound message reference number");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int announced = Digits.parse(text, 2, 4);
        int reference = Digits.parse(text, 4, header);
        if (announced == 0) {
            throw InvalidInputException.of(field, MessageKey.OUT_OF_RANGE, 0, 1, CompoundMessage.MAX_STRUCTURES);
        }
        List<DataStructure> structures = new ArrayList<>();
        int at = header;
        while (at < text.length()) {
            DataStructureType type = recognise(field, text, at);
            if (type == DataStructureType.COMPOUND_MESSAGE) {
                throw InvalidInputException.of(field, MessageKey.COMPOUND_MESSAGE_NESTED);
            }
            int length = totalLength(type);
            if (text.length() - at < length) {
                throw InvalidInputException.of(field, MessageKey.WRONG_LENGTH, text.substring(at), text.length() - at,
                        length);
            }
            structures.add(read(field, text, at, type));
            at += length;
        }
        if (structures.size() != announced) {
            throw InvalidInputException.of(field, MessageKey.COMPOUND_COUNT_MISMATCH, announced, structures.size());
        }
        return new CompoundMessage(reference, structures);
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw InvalidInputException.of(field, MessageKey.REQUIRED);
        }
    }
}
