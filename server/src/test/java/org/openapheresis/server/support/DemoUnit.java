package org.openapheresis.server.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapheresis.server.OpenApheresisServer;

/**
 * The demo unit as {@code serve --demo} starts it, on H2 and a random port, with the demo staff password the start
 * prints once (read from what it printed, as a person reads it).
 *
 * @param server the running server
 * @param staffPassword the password of every demo staff account
 */
public record DemoUnit(OpenApheresisServer server, String staffPassword) {

    private static final Pattern PASSWORD = Pattern.compile("Demo staff password \\(shown only once\\): (\\S+)");

    /** Starts it; fails when the start prints no staff password. */
    public static DemoUnit start() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenApheresisServer server = OpenApheresisServer.start(Databases.config(Databases.Kind.H2).withDemo(true),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        Matcher m = PASSWORD.matcher(out.toString(StandardCharsets.UTF_8));
        if (!m.find()) {
            server.close();
            throw new AssertionError("the demo start printed no staff password:\n" + out);
        }
        return new DemoUnit(server, m.group(1));
    }

    /** A client of it. */
    public Api api() {
        return new Api(server.port());
    }
}
