package org.openapheresis.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.Plan;

/**
 * The one JSON mapper of the contract. Requests are parsed into plain maps and lists (duplicate keys and
 * trailing garbage are malformed, not guessed at) for the core readers to validate; plans are written with
 * the record component names, which are the contract's names.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    /** Applies the contract's settings to a mapper (the HTTP server uses the same settings). */
    public static ObjectMapper configure(ObjectMapper m) {
        m.registerModule(new Jdk8Module());
        m.registerModule(new JavaTimeModule());
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        m.enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);
        m.enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.addMixIn(Plan.Prediction.class, OmitNulls.class);
        m.addMixIn(Plan.Collected.class, OmitNulls.class);
        m.addMixIn(Plan.ReplacementUse.class, OmitNulls.class);
        m.addMixIn(Plan.Photopheresis.class, OmitNulls.class);
        m.addMixIn(Plan.Column.class, OmitNulls.class);
        m.addMixIn(Plan.class, PlanMixin.class);
        SimpleModule numbers = new SimpleModule("whole-numbers");
        numbers.addSerializer(Double.class, new WholeNumberSerializer());
        numbers.addSerializer(double.class, new WholeNumberSerializer());
        numbers.addSerializer(java.util.OptionalDouble.class, new WholeNumberSerializer.OfOptional());
        m.registerModule(numbers);
        m.addMixIn(CourseResult.class, CourseMixin.class);
        return m;
    }

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses JSON text into maps, lists, numbers, strings, booleans and nulls.
     *
     * @throws MalformedJsonException with the line and column of the first error
     */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** Parses a stream (the CLI's file or standard input). */
    public static Object parse(InputStream in) {
        try {
            return MAPPER.readValue(in, Object.class);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MalformedJsonException malformed(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String what = e.getOriginalMessage();
        int cut = what.indexOf('\n');
        if (cut > 0) {
            what = what.substring(0, cut);
        }
        // Jackson's parenthesised parser location ("(start marker at [Source: ...])") is internal detail.
        int internal = what.indexOf(" (start marker at [Source:");
        if (internal > 0) {
            what = what.substring(0, internal);
        }
        return new MalformedJsonException("malformed JSON" + where + ": " + what, e);
    }

    /**
     * Reads stored JSON back as the record it was written from (a plan, a warning list): the server keeps the
     * core's types from the planner to the database and back.
     */
    public static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Reads stored JSON back as a generic type (a list of records). */
    public static <T> T read(String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not of the expected type: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes a value as compact JSON (for storage). */
    public static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Writes a value as indented JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Omits the fields that do not apply (a prediction's nadir, a product's absent counts). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class OmitNulls {
    }

    /**
     * Omits a plan's timeline and uncertainty bands when they were not asked for, and the parts of a photopheresis or
     * a column procedure in the plans of other types.
     */
    abstract static class PlanMixin {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Plan.Photopheresis photopheresis();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Plan.Column column();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Plan.TreatmentSchedule treatmentSchedule();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract List<Map<String, Double>> timeline();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract org.openapheresis.variation.Bands uncertainty();
    }

    /** Omits a course's timeline and uncertainty bands when they were not asked for. */
    abstract static class CourseMixin {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract List<Map<String, Double>> timeline();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract org.openapheresis.variation.Bands uncertainty();
    }
}
