package org.openapheresis.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where the web UI's files are served from. From a class folder (tests, a development run) that folder itself;
 * from the server's jar, a private temporary copy of the jar's {@code web/} entries, made at start. Serving them
 * from inside the jar made the HTTP server mount the whole jar (tens of thousands of entries) as a zip file
 * system on every start, most of a second; copying the few dozen files the UI has takes milliseconds, because
 * the jar is already open for class loading. The copy is removed when the process ends.
 */
public final class WebFiles {

    private WebFiles() {
    }

    /**
     * The folder the files of the classpath folder {@code folder} (e.g. {@code web}) are served from.
     *
     * @throws IllegalStateException when the folder is not on the class path
     */
    public static Path folder(String folder) {
        URL url = WebFiles.class.getClassLoader().getResource(folder + "/");
        if (url == null) {
            throw new IllegalStateException("the web UI's files (" + folder + "/) are not on the class path");
        }
        try {
            return switch (url.getProtocol()) {
                case "file" -> Path.of(url.toURI());
                case "jar" -> copyOut(((JarURLConnection) url.openConnection()).getJarFileURL(), folder);
                default -> throw new IllegalStateException("cannot serve the web UI from " + url);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web UI's files from " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot serve the web UI from " + url, e);
        }
    }

    /** Copies the jar's entries under {@code folder/} into a new private temporary folder. */
    static Path copyOut(URL jar, String folder) throws IOException {
        Path target = Files.createTempDirectory("openapheresis-web-"); // owner-only on POSIX
        deleteOnExit(target);
        String prefix = folder + "/";
        try (JarFile file = new JarFile(Path.of(toUri(jar)).toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.getName().startsWith(prefix) || e.isDirectory()) {
                    continue;
                }
                Path out = target.resolve(e.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("the jar entry " + e.getName() + " points outside " + folder + "/");
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static java.net.URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("not a file: " + url, e);
        }
    }

    private static void deleteOnExit(Path root) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary copy of public UI files: nothing of the unit's in it
            }
        }, "openapheresis-web-cleanup"));
    }
}
