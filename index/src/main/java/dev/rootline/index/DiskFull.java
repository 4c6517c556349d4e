package dev.rootline.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Recognises a full disk behind whatever exception carried it (Lucene rethrows the writer's tragic cause,
 * wrapped or as the cause of an {@code AlreadyClosedException} on another thread), so the user reads one line
 * naming what could not be written instead of an internal error.
 */
public final class DiskFull {
    private DiskFull() {
    }

    /** The operating system's words for it, or null when {@code t} is not a full disk or quota. */
    public static String reason(Throwable t) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        if (t != null) {
            todo.add(t);
        }
        while (!todo.isEmpty()) {
            Throwable x = todo.poll();
            if (!seen.add(x)) {
                continue;
            }
            String m = x.getMessage();
            if (x instanceof IOException && m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")
                        || lower.contains("not enough space on the disk")) {
                    return x instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : m;
                }
            }
            if (x.getCause() != null) {
                todo.add(x.getCause());
            }
            todo.addAll(java.util.List.of(x.getSuppressed()));
        }
        return null;
    }

    /** The one-line error for a full disk met while writing {@code what} at {@code where}. */
    public static IndexException writing(String what, Path where, String reason, Throwable cause) {
        return new IndexException("disk full (" + reason + ") while writing " + what + " at " + where
                + ": free some space and run the same command again", cause);
    }
}
