package org.openapheresis.procedure;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One sample of a timeline: {@code minute} first, then the reported values in their order, as a read-only map (for
 * the JSON and for readers by name) that equals a {@code LinkedHashMap} of the same entries.
 *
 * <p>Why not a {@code LinkedHashMap}: a Monte Carlo run writes tens of thousands of samples (1000 virtual patients,
 * every 5 minutes, a course's every hour) and reads them back by position. A hash map of boxed values cost more
 * than the simulation that filled it; here a sample is its minute, a {@link Names} shared by every sample of a run,
 * and one array of values, read by position ({@link #name(int)}, {@link #value(int)}) without boxing. The arrays are
 * never exposed or changed.
 */
public final class TimelinePoint extends AbstractMap<String, Double> {

    /** The key of the sample minute, the first entry of every point. */
    public static final String MINUTE = "minute";

    /** The names of a run's samples after {@code minute}, in their order; shared by the samples. */
    public static final class Names {
        private final String[] names;

        private Names(String[] names) {
            for (int i = 0; i < names.length; i++) {
                boolean repeated = false;
                for (int j = 0; j < i; j++) {
                    repeated |= names[i] != null && names[i].equals(names[j]);
                }
                if (names[i] == null || names[i].equals(MINUTE) || repeated) {
                    throw new IllegalArgumentException("timeline names must be distinct, not null and not minute: "
                            + Arrays.toString(names));
                }
            }
            this.names = names;
        }

        /** The names, in order (each once, none of them {@code minute}). */
        public static Names of(String... names) {
            return new Names(names.clone());
        }

        public int size() {
            return names.length;
        }
    }

    private final double minute;
    private final Names names;
    private final double[] values;

    private TimelinePoint(double minute, Names names, double[] values) {
        this.minute = minute;
        this.names = names;
        this.values = values;
    }

    /**
     * The sample at {@code minute} with one value per name ({@code values} is copied, so a recorder may reuse it).
     */
    public static TimelinePoint of(double minute, Names names, double[] values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + values.length + " values");
        }
        return new TimelinePoint(minute, names, values.clone());
    }

    /** This sample at another minute (a session's sample placed in its course), the values shared. */
    public TimelinePoint atMinute(double otherMinute) {
        return new TimelinePoint(otherMinute, names, values);
    }

    public double minute() {
        return minute;
    }

    /** The names after {@code minute}; the same object for every sample of a run. */
    public Names names() {
        return names;
    }

    /** The {@code k}th name after {@code minute}. */
    public String name(int k) {
        return names.names[k];
    }

    /** The value of the {@code k}th name after {@code minute}. */
    public double value(int k) {
        return values[k];
    }

    @Override
    public int size() {
        return values.length + 1;
    }

    @Override
    public boolean containsKey(Object key) {
        return MINUTE.equals(key) || indexOf(key) >= 0;
    }

    @Override
    public Double get(Object key) {
        if (MINUTE.equals(key)) {
            return minute;
        }
        int k = indexOf(key);
        return k < 0 ? null : values[k];
    }

    private int indexOf(Object key) {
        for (int k = 0; k < values.length; k++) {
            if (names.names[k].equals(key)) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return TimelinePoint.this.size();
            }

            @Override
            public Iterator<Map.Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next = -1;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, Double> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int k = next++;
                        return k < 0 ? new SimpleImmutableEntry<>(MINUTE, minute)
                                : new SimpleImmutableEntry<>(names.names[k], values[k]);
                    }
                };
            }
        };
    }
}
