package org.openapheresis.server.product;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a product's chain of custody, as appended; never changed.
 *
 * @param seq 1 for the first event of the product, then one more for each
 * @param type what happened, e.g. {@code release-verified}
 * @param at when it happened
 * @param recordedAt when it was recorded
 * @param by who did it (signed in)
 * @param verifier the second person, for a verified release
 * @param location where the product was (stored in, issued to)
 * @param temperatureC temperature at the event, °C, when measured
 * @param statusAfter the product's status after the event
 * @param details what else the event says (reason, DMSO %, aliquots, dose), keys as the API names them
 */
public record ProductEvent(int seq, EventType type, Instant at, Instant recordedAt, String by, Optional<String> verifier,
        Optional<String> location, Optional<Double> temperatureC, ProductStatus statusAfter, Map<String, Object> details) {

    public ProductEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        details = Map.copyOf(details);
    }

    /** The kinds of event. */
    public enum EventType {
        COLLECTED("collected"),
        RELEASE_PREPARED("release-prepared"),
        RELEASE_VERIFIED("release-verified"),
        STORED("stored"),
        MOVED("moved"),
        REMOVED("removed"),
        CRYOPRESERVED("cryopreserved"),
        THAWED("thawed"),
        VOLUME_REDUCED("volume-reduced"),
        T_CELL_DEPLETED("t-cell-depleted"),
        DIVIDED("divided"),
        DIVIDED_FROM("divided-from"),
        ISSUED("issued"),
        INFUSED("infused"),
        DISCARDED("discarded");

        private final String code;

        EventType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** @return the code, as the API writes it */
        @Override
        public String toString() {
            return code;
        }

        public static Optional<EventType> fromCode(String code) {
            return java.util.Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
        }
    }
}
