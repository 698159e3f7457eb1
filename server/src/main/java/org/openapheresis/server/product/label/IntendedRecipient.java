package org.openapheresis.server.product.label;

import java.util.ArrayList;
import java.util.List;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.Problem;

/**
 * The patient a product is collected for, printed on the label of an autologous or directed product: for an autologous
 * product the donor is the recipient. FACT-JACIE's label content table asks for the recipient's name and identifier on
 * every label "if applicable" (as summarised in the JPAC Red Book, chapter 22.12, Table 22.2).
 *
 * @param name the recipient's name as it is to be printed, 1..{@value #MAX_NAME_LENGTH} characters
 * @param identifier the recipient's identifier in the unit (e.g. the medical record number),
 *     1..{@value #MAX_IDENTIFIER_LENGTH} characters
 * @see <a href="http://transfusionguidelines.org.uk/red-book/chapter-22-haemopoietic-progenitor-cells/22-12-labelling-packaging-transportation-and-temperature-controls">JPAC
 *     Red Book 22.12, Table 22.2 (label content adapted from FACT-JACIE)</a>
 */
public record IntendedRecipient(String name, String identifier) {

    /** Characters of a name that fit the label's recipient line. */
    public static final int MAX_NAME_LENGTH = 60;
    /** Characters of an identifier that fit the label's recipient line. */
    public static final int MAX_IDENTIFIER_LENGTH = 30;

    public IntendedRecipient {
        List<Problem> problems = new ArrayList<>();
        LabelText.check(problems, "intendedRecipient.name", name, MAX_NAME_LENGTH);
        LabelText.check(problems, "intendedRecipient.identifier", identifier, MAX_IDENTIFIER_LENGTH);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
