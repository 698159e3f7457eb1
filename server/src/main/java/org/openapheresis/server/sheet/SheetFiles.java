package org.openapheresis.server.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The sheet's data files on the class path: the language list and the glossaries are tab-separated tables. */
final class SheetFiles {

    private SheetFiles() {
    }

    /** A file on the class path, open; refused when it is not there. */
    static InputStream open(String name) {
        InputStream in = SheetFiles.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path");
        }
        return in;
    }

    /** The rows of a tab-separated file on the class path, without blank and {@code #} lines. */
    static List<String[]> rows(String name, int columns) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = open(name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != columns) {
                    throw new IllegalStateException(name + " line " + (n + 1) + ": " + columns
                            + " tab-separated columns expected");
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                out.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        return out;
    }
}
