package org.openapheresis.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes whole doubles as JSON integers ({@code 5319}, not {@code 5319.0}); the value is unchanged. */
final class WholeNumberSerializer extends StdSerializer<Double> {

    private static final long serialVersionUID = 1L;

    /** Largest magnitude written as an integer; above it a double is not exact anyway. */
    private static final double MAX_EXACT = 9.007199254740992E15;

    WholeNumberSerializer() {
        super(Double.class);
    }

    /** The same for an optional number: the number, or null when empty. */
    static final class OfOptional extends StdSerializer<java.util.OptionalDouble> {

        private static final long serialVersionUID = 1L;
        private static final WholeNumberSerializer NUMBER = new WholeNumberSerializer();

        OfOptional() {
            super(java.util.OptionalDouble.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, java.util.OptionalDouble value) {
            return value == null || value.isEmpty();
        }

        @Override
        public void serialize(java.util.OptionalDouble value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            if (value.isPresent()) {
                NUMBER.serialize(value.getAsDouble(), gen, provider);
            } else {
                gen.writeNull();
            }
        }
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        double v = value;
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < MAX_EXACT && !(v == 0 && 1 / v < 0)) {
            gen.writeNumber((long) v);
        } else {
            gen.writeNumber(v);
        }
    }
}
