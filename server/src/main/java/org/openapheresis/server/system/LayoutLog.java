package org.openapheresis.server.system;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log into the server's SLF4J log: its warnings and errors as such, its per-document notes and timings
 * ("Using fast-mode renderer", "TIME: parse stylesheets") at debug. Without it openhtmltopdf prints them to the console
 * through java.util.logging for every label and every printed document. Installed by {@link Pdf} and by the label
 * renderer.
 */
public final class LayoutLog implements XRLogger {

    private static final Logger LOG = LoggerFactory.getLogger("org.openapheresis.server.system.layout");

    private LayoutLog() {
    }

    /** Installs the adapter as openhtmltopdf's logger, once per JVM (openhtmltopdf keeps one logger for all documents). */
    public static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof LayoutLog)) {
            XRLog.setLoggerImpl(new LayoutLog());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        int l = level.intValue();
        if (l >= Level.SEVERE.intValue()) {
            LOG.error("{}: {}", where, msg, th);
        } else if (l >= Level.WARNING.intValue()) {
            LOG.warn("{}: {}", where, msg, th);
        } else {
            LOG.debug("{}: {}", where, msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // The level is the SLF4J configuration's.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        int l = diagnostic.getLevel().intValue();
        return l >= Level.SEVERE.intValue() ? LOG.isErrorEnabled()
                : l >= Level.WARNING.intValue() ? LOG.isWarnEnabled() : LOG.isDebugEnabled();
    }
}
