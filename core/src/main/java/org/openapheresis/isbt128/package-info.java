/**
 * Reads and writes the ISBT 128 data structures that label a cell product (ICCBBA ST-001 v6.2.2): the Donation
 * Identification Number with its flags and ISO/IEC 7064 mod 37-2 check character, product code, blood groups,
 * collection and expiry dates, product divisions, chain of identity identifier and the compound message of a 2-D
 * symbol, each an immutable record validated at construction and refused with a keyed problem when malformed.
 * The central decision: structure is code, meaning is data — the formats of ST-001 are implemented here, while the
 * licensed ICCBBA product description codes are loaded by the unit as a table ({@link
 * org.openapheresis.isbt128.ProductDescriptionTable}), never compiled in.
 */
package org.openapheresis.isbt128;
