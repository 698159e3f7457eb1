/**
 * Cell products from collection to infusion: the product record made by the lab from a completed collection (its
 * ISBT 128 DIN from the unit's facility and sequence, its product code and division), its status from quarantine
 * through a two-person release to issue and infusion (or discard), its division into aliquots, storage,
 * cryopreservation and thaw, and the bedside check that refuses a wrong product. Every event is appended to the
 * product's chain of custody and never changed.
 */
package org.openapheresis.server.product;
