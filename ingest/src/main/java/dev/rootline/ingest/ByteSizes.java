package dev.rootline.ingest;

import java.util.Locale;

/** Byte counts as people read them: {@code 812 B}, {@code 3.6 MiB}. */
public final class ByteSizes {
    private ByteSizes() {
    }

    public static String human(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
