package org.openapheresis.server.printout;

import org.jdbi.v3.core.Handle;
import org.openapheresis.server.db.Times;

/** The one row of {@code print_settings}. */
public final class PrintSettingsStore {

    /** The settings as kept. */
    public PrintSettings read(Handle h) {
        return h.createQuery("SELECT version, paper, sheet_language, updated_at, updated_by FROM print_settings "
                + "WHERE id = 'unit'").map((rs, c) -> new PrintSettings(rs.getInt(1), rs.getString(2), rs.getString(3),
                        Times.fromDb(rs.getTimestamp(4).toLocalDateTime()), rs.getString(5))).one();
    }

    /** Replaces them when they are still at {@code expectedVersion}; false when not. */
    public boolean update(Handle h, PrintSettings s, int expectedVersion) {
        return h.createUpdate("UPDATE print_settings SET version = version + 1, paper = :paper, sheet_language = :lang, "
                + "updated_at = :at, updated_by = :by WHERE id = 'unit' AND version = :expected")
                .bind("paper", s.paper()).bind("lang", s.sheetLanguage()).bind("at", Times.toDb(s.updatedAt()))
                .bind("by", s.updatedBy()).bind("expected", expectedVersion).execute() == 1;
    }
}
