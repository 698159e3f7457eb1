package org.openapheresis.server.printout;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Paper;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * The unit's settings for its printed documents: read by every document route for what a request leaves out, changed
 * by the administrator (versioned: a change made on a stale version is refused with the current settings).
 */
public final class PrintSettingsService {

    private final PrintSettingsStore store;
    private final Clock clock;
    /** The tags the patient sheet is written in; the default language must be one. */
    private final List<String> sheetLanguages;

    public PrintSettingsService(PrintSettingsStore store, Clock clock, List<String> sheetLanguages) {
        this.store = store;
        this.clock = clock;
        this.sheetLanguages = List.copyOf(sheetLanguages);
    }

    /** The settings as kept. */
    public PrintSettings current(Handle h) {
        return store.read(h);
    }

    /**
     * Replaces the settings when they are still at {@code expectedVersion}.
     *
     * @throws InvalidInputException 422 on {@code paper} (not a4 or letter) or {@code sheetLanguage} (not a
     *     language the sheet is written in)
     * @throws DomainException a stale version, with the current settings
     */
    public PrintSettings update(Handle h, Actor by, String paper, String sheetLanguage, int expectedVersion) {
        Paper p = Paper.ofCode(paper).orElseThrow(() -> InvalidInputException.of("paper", MessageKey.NOT_ONE_OF, paper,
                "a4, letter"));
        if (!sheetLanguages.contains(sheetLanguage)) {
            throw InvalidInputException.of("sheetLanguage", MessageKey.NOT_ONE_OF, sheetLanguage,
                    String.join(", ", sheetLanguages));
        }
        PrintSettings current = store.read(h);
        if (current.version() != expectedVersion) {
            throw DomainException.stale(current.version(), current);
        }
        PrintSettings next = new PrintSettings(expectedVersion + 1, p.code(), sheetLanguage, Times.now(clock),
                by.username());
        if (!store.update(h, next, expectedVersion)) {
            PrintSettings now = store.read(h);
            throw DomainException.stale(now.version(), now);
        }
        return store.read(h);
    }
}
