package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Data Structure 023, Compound Message, {@code =+aabbb} (ST-001 v6.2.2 §2.4.23), followed by the data structures it
 * joins into one string for a 2-D symbol: {@code aa} how many follow, {@code bbb} 000 for an undefined sequence (which
 * ICCBBA encourages) or the number of an ICCBBA-specified sequence in table W2 [RT017]. The structures follow with no
 * intervening characters, each with its data identifier; nationally defined structures and compound messages are not
 * allowed inside.
 *
 * <p>The reader checks the count, as ST-001 asks. It does not check the order that an ICCBBA-specified sequence
 * prescribes: table W2 [RT017] is maintained on the ICCBBA website and is not shipped here, so a caller that relies
 * on a specified sequence checks {@link #structures()} against it.
 *
 * @param referenceNumber {@code bbb}, 0..999; 0 for an undefined sequence
 * @param structures the data structures that follow, 1..99, none a compound message
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.23 and §4.3</a>
 */
public record CompoundMessage(int referenceNumber, List<DataStructure> structures) implements DataStructure {

    /** Characters of the data content {@code aabbb}. */
    public static final int CONTENT_LENGTH = 5;
    /** Most data structures {@code aa} can announce. */
    public static final int MAX_STRUCTURES = 99;
    /** {@code bbb} of an undefined sequence. */
    public static final int UNDEFINED_SEQUENCE = 0;

    public CompoundMessage {
        Objects.requireNonNull(structures, "structures");
        structures = List.copyOf(structures);
        List<Problem> problems = new ArrayList<>();
        if (referenceNumber < 0 || referenceNumber > 999) {
            problems.add(Problem.of("compoundMessage.referenceNumber", MessageKey.OUT_OF_RANGE, referenceNumber, 0,
                    999));
        }
        if (structures.isEmpty() || structures.size() > MAX_STRUCTURES) {
            problems.add(Problem.of("compoundMessage.structures", MessageKey.OUT_OF_RANGE, structures.size(), 1,
                    MAX_STRUCTURES));
        }
        if (structures.stream().anyMatch(s -> s instanceof CompoundMessage)) {
            problems.add(Problem.of("compoundMessage.structures", MessageKey.COMPOUND_MESSAGE_NESTED));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A compound message of undefined sequence, the form ICCBBA encourages. */
    public static CompoundMessage of(DataStructure... structures) {
        return new CompoundMessage(UNDEFINED_SEQUENCE, Arrays.asList(structures));
    }

    /** @return whether {@code bbb} is 000: the count is given, the order is not */
    public boolean undefinedSequence() {
        return referenceNumber == UNDEFINED_SEQUENCE;
    }

    /** @return the first structure of the given type, if the message carries one */
    public <T extends DataStructure> Optional<T> find(Class<T> type) {
        return structures.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public DataStructureType type() {
        return DataStructureType.COMPOUND_MESSAGE;
    }

    /** @return {@code aabbb}, the content of Data Structure 023 itself */
    @Override
    public String dataContent() {
        return Digits.pad(structures.size(), 2) + Digits.pad(referenceNumber, 3);
    }

    /** @return {@code =+aabbb} followed by every structure's {@link DataStructure#encode()} */
    @Override
    public String encode() {
        return "=+" + dataContent() + structures.stream().map(DataStructure::encode).collect(Collectors.joining());
    }
}
