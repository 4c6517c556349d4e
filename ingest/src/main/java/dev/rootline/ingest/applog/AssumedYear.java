package dev.rootline.ingest.applog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The year for timestamps that carry none (syslog {@code Jun 14 15:16:01}), as syslog readers guess it:
 * the year of a reference date (the file's last-modified time), or the year before when the date would
 * otherwise lie more than a day after the reference (a December line in a file last written in January).
 * Remembers whether it was needed, so the parser can warn once per file that times rest on a guess.
 */
final class AssumedYear {
    private final LocalDate reference;
    private boolean used;

    AssumedYear(LocalDate reference) {
        this.reference = reference;
    }

    /** From the file's modification time in the given zone; today if the file system cannot say. */
    static AssumedYear ofFile(Path path, ZoneId zone) {
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(path).toInstant();
        } catch (IOException | UnsupportedOperationException e) {
            modified = Instant.now();
        }
        return new AssumedYear(LocalDate.ofInstant(modified, zone));
    }

    int yearOf(int month, int day) {
        used = true;
        int year = reference.getYear();
        try {
            if (LocalDate.of(year, month, day).isAfter(reference.plusDays(1))) {
                return year - 1;
            }
        } catch (DateTimeException e) {
            // Feb 29 in a common year or a month 13: the caller's date check rejects it
        }
        return year;
    }

    int referenceYear() {
        return reference.getYear();
    }

    boolean used() {
        return used;
    }
}
