package org.openapheresis.server.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A container of a storage unit that holds products in positions: a rack's box in a tank or freezer, a canister, a
 * refrigerator's shelf. Its positions are the cells of a grid, rows lettered from {@code A}, columns numbered from
 * {@code 1} ({@code A1} top left; a 9 × 9 cryobox has {@code A1} to {@code I9}), as cryoboxes are marked.
 *
 * @param name the container's path inside its unit, parts separated by {@code " / "}, e.g. {@code rack 2 / box 5}
 * @param rows rows of the grid, 1 to {@value #MAX_ROWS} (lettered A to Z)
 * @param columns columns of the grid, 1 to {@value #MAX_COLUMNS}
 */
public record StorageContainer(String id, String unitId, String name, int rows, int columns, Instant createdAt,
        String createdBy) {

    /** Most rows a grid has: one letter each. */
    public static final int MAX_ROWS = 26;
    /** Most columns a grid has. */
    public static final int MAX_COLUMNS = 50;
    private static final Pattern POSITION = Pattern.compile("([A-Za-z])\\s*(\\d{1,2})");

    public StorageContainer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitId, "unitId");
        name = normalName(name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a container has a name");
        }
        if (rows < 1 || rows > MAX_ROWS || columns < 1 || columns > MAX_COLUMNS) {
            throw new IllegalArgumentException("a container's grid is 1 to " + MAX_ROWS + " rows by 1 to " + MAX_COLUMNS
                    + " columns");
        }
    }

    /** A container path as written everywhere: its parts stripped and joined by {@code " / "}. */
    public static String normalName(String name) {
        return Arrays.stream(name.split("/")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" / "));
    }

    /** The key two names of one unit may not share: the normal name, lower case. */
    public static String nameKey(String name) {
        return normalName(name).toLowerCase(Locale.ROOT);
    }

    public int capacity() {
        return rows * columns;
    }

    /** The last position of the grid, e.g. {@code I9}. */
    public String lastPosition() {
        return position(rows - 1, columns - 1);
    }

    /** Every position, row by row: A1, A2, ..., B1, ... */
    public List<String> positions() {
        List<String> out = new ArrayList<>(capacity());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out.add(position(r, c));
            }
        }
        return out;
    }

    private static String position(int row, int column) {
        return (char) ('A' + row) + Integer.toString(column + 1);
    }

    /**
     * The position as this grid names it ({@code b 3} → {@code B3}), when the text is a letter and a number inside
     * the grid; empty otherwise.
     */
    public Optional<String> position(String text) {
        Matcher m = POSITION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int row = Character.toUpperCase(m.group(1).charAt(0)) - 'A';
        int column = Integer.parseInt(m.group(2)) - 1;
        return row < rows && column >= 0 && column < columns ? Optional.of(position(row, column)) : Optional.empty();
    }

    /** What a container shows of itself in a unit's list: how many positions it has and how many are taken. */
    public record Summary(StorageContainer container, int capacity, int occupied) {
    }
}
