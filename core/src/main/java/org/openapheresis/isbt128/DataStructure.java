package org.openapheresis.isbt128;

/**
 * One ISBT 128 data structure: a data identifier followed by fixed-format data content (ST-001 v6.2.2 §2). Each
 * record validates its content at construction, so a value of this type is always one that can be encoded;
 * {@link Isbt128#parse} reads any of them from text.
 *
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2</a>
 */
public sealed interface DataStructure
        permits DonationIdentificationNumber, BloodGroups, ProductCode, ExpirationDate, ExpirationDateTime,
        CollectionDate, CollectionDateTime, ProductDivisions, ChainOfIdentityIdentifier, CompoundMessage {

    /** @return which data structure of ST-001 Table 2 this is */
    DataStructureType type();

    /** @return the data content, without the data identifier (for the DIN: {@code αppppyynnnnnnff}, 15 characters) */
    String dataContent();

    /**
     * @return the full data structure as a bar code or a 2-D symbol carries it, data identifier included, e.g.
     *     {@code =<S1128V00}; {@link Isbt128#parse} reads it back to an equal record
     */
    String encode();
}
