package org.openapheresis.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import org.openapheresis.server.json.Json;
import org.openapheresis.server.json.MalformedJsonException;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.Problem;

/** Reads a request file (or standard input for {@code -}) and translates input errors to exit code 2. */
final class InputFile {

    private InputFile() {
    }

    /**
     * Parses the file, hands the tree to {@code action}, and returns its exit code; any input problem is
     * printed one line each to {@code err} and gives exit code 2.
     */
    static int with(String file, PrintWriter err, Function<Object, Integer> action) {
        if (!"-".equals(file) && Files.isDirectory(Path.of(file))) {
            err.println(file + ": is a directory, not a request file");
            return Main.EXIT_INVALID_INPUT;
        }
        Object tree;
        try {
            tree = parse(file);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return Main.EXIT_INVALID_INPUT;
        } catch (IOException e) {
            err.println(file + ": cannot be read (" + e.getMessage() + ")");
            return Main.EXIT_INVALID_INPUT;
        } catch (MalformedJsonException e) {
            err.println(file + ": " + e.getMessage());
            return Main.EXIT_INVALID_INPUT;
        }
        try {
            return action.apply(tree);
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                err.println(p.line());
            }
            return Main.EXIT_INVALID_INPUT;
        }
    }

    private static Object parse(String file) throws IOException {
        if ("-".equals(file)) {
            return Json.parse(System.in);
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return Json.parse(in);
        }
    }
}
