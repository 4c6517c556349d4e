package dev.rootline.ingest.applog;

import dev.rootline.ingest.Level;
import dev.rootline.ingest.Timestamps;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Recognises Spring Boot's default console header, the one Clouddriver writes:
 * <pre>
 * 2024-10-29 23:15:19.078 ERROR 1 --- [ Thread-26089] c.n.s.c.k.s.KubernetesCredentials : message
 * 2025-07-08T10:25:30.836Z  INFO 1 --- [myapp] [           main] o.s.b.SpringApplication : message
 * </pre>
 * Timestamp with {@code .} or {@code ,} millis, optional {@code Z} or offset (none: {@code --log-timezone});
 * level padded to five; any PID or none; {@code ---}; an optional {@code [appname]} (Spring Boot 3); the
 * thread, padded or cut to 15 characters, which may itself hold brackets ({@code [Engine[Tomcat]]]}); the
 * logger; {@code " : "} and the message. A header whose timestamp was cut off ({@code " WARN 1 --- […"})
 * still starts an event, without a time; a header cut after the thread (terminal wrapping) has no logger.
 *
 * <p>Two transport wrappers are unwrapped: the journald prefix {@code Oct 03 10:12:22 host clouddriver[5929]: }
 * (its timestamp has no year, so only the Spring Boot header behind it dates the line), and, for a whole
 * file whose lines start so, the {@code I  }/{@code E  } severity column of a Stackdriver console copy,
 * where every non-blank row is one log entry.
 */
final class SpringBootSyntax implements LineSyntax {
    private static final String[] LEVEL_NAMES = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
    private static final Level[] LEVELS = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL};
    /** Spring Boot pads or cuts the thread name to this width ({@code %15.15t}). */
    private static final int THREAD_WIDTH = 15;
    private static final int SNIFF_LINES = 20;

    private final ZoneId zone;
    private final boolean consoleCopy;

    SpringBootSyntax(ZoneId zone, boolean consoleCopy) {
        this.zone = zone;
        this.consoleCopy = consoleCopy;
    }

    /** The syntax for a file, given its head: console-copy mode only when the head shows the severity column. */
    static SpringBootSyntax forHead(String head, ZoneId zone) {
        return new SpringBootSyntax(zone, isConsoleCopy(head));
    }

    @Override
    public String body(String line) {
        if (consoleCopy) {
            return hasSeverityColumn(line) ? line.substring(3) : line;
        }
        int j = journaldPrefixEnd(line);
        return j > 0 ? line.substring(j) : line;
    }

    @Override
    public LogHeader header(String line, String body) {
        LogHeader h = parse(body, zone);
        if (h != null || !consoleCopy || !hasSeverityColumn(line) || body.isBlank()) {
            return h;
        }
        return LogHeader.of(null, Level.parse(line.substring(0, 1)), body);
    }

    /** True if any line of the head is a Spring Boot header (after unwrapping). */
    boolean anyHeader(String head) {
        int start = 0;
        int n = head.length();
        while (start < n) {
            int nl = head.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            String line = head.substring(start, end);
            if (parse(body(line), zone) != null) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** The header fields of a Spring Boot line, or null if it is not one. */
    static LogHeader parse(String s, ZoneId zone) {
        int n = s.length();
        if (n < 12) {
            return null;
        }
        char c0 = s.charAt(0);
        Instant time = null;
        int i;
        if (c0 >= '0' && c0 <= '9') {
            int end = TimestampLayout.isoEnd(s);
            if (end < 0 || (time = Timestamps.parse(s.substring(0, end), zone)) == null) {
                return null;
            }
            i = end;
        } else if (c0 == ' ' || (c0 >= 'A' && c0 <= 'Z')) {
            i = 0;
        } else {
            return null;
        }
        i = skipSpaces(s, i);
        int lv = levelAt(s, i);
        if (lv < 0) {
            return null;
        }
        i = skipSpaces(s, i + LEVEL_NAMES[lv].length());
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        i = skipSpaces(s, i);
        if (!s.startsWith("--- ", i)) {
            return null;
        }
        i = skipSpaces(s, i + 3);
        int[] groups = new int[6];
        int count = 0;
        while (i < n && s.charAt(i) == '[' && count < 3) {
            int close = closingBracket(s, i);
            if (close < 0) {
                break;
            }
            groups[2 * count] = i + 1;
            groups[2 * count + 1] = close;
            count++;
            i = skipSpaces(s, close + 1);
        }
        if (count == 0) {
            return null;
        }
        String application = null;
        int thread = 0;
        if (count > 1 && (width(groups, 1) == THREAD_WIDTH || width(groups, 0) != THREAD_WIDTH)) {
            // Spring Boot 3: "[appname] [thread]"; otherwise the second group is a trace correlation id
            application = s.substring(groups[0], groups[1]).trim();
            thread = 1;
        }
        String threadName = s.substring(groups[2 * thread], groups[2 * thread + 1]).trim();
        int loggerStart = i;
        while (i < n && s.charAt(i) != ' ') {
            i++;
        }
        int colon = skipSpaces(s, i);
        String logger = null;
        String message;
        if (colon < n && s.charAt(colon) == ':' && i > loggerStart) {
            logger = s.substring(loggerStart, i);
            int m = colon + 1;
            message = s.substring(m < n && s.charAt(m) == ' ' ? m + 1 : m);
        } else {
            message = s.substring(loggerStart);
        }
        return new LogHeader(time, LEVELS[lv], logger, threadName, application, message);
    }

    /** Index of the level name at {@code i} (followed by a space), or -1. */
    private static int levelAt(String s, int i) {
        for (int k = 0; k < LEVEL_NAMES.length; k++) {
            String name = LEVEL_NAMES[k];
            if (s.startsWith(name, i) && i + name.length() < s.length() && s.charAt(i + name.length()) == ' ') {
                return k;
            }
        }
        return -1;
    }

    /** The {@code ']'} that closes the group at {@code open}: the first one followed by a space or the end. */
    private static int closingBracket(String s, int open) {
        int n = s.length();
        for (int j = s.indexOf(']', open + 1); j >= 0; j = s.indexOf(']', j + 1)) {
            if (j + 1 == n || s.charAt(j + 1) == ' ') {
                return j;
            }
        }
        return -1;
    }

    private static int width(int[] groups, int k) {
        return groups[2 * k + 1] - groups[2 * k];
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * End of a journald "short" prefix ({@code Oct 03 10:12:22 host ident[pid]: }), or -1. The identifier
     * holds no spaces and ends in a colon, which keeps ordinary messages that start with a date out.
     */
    static int journaldPrefixEnd(String line) {
        int n = line.length();
        if (n < 18 || line.charAt(3) != ' ' || line.charAt(15) != ' ' || TimestampLayout.SYSLOG.end(line) != 15) {
            return -1;
        }
        int hostEnd = line.indexOf(' ', 16);
        if (hostEnd <= 16) {
            return -1;
        }
        for (int k = hostEnd + 1; k < n; k++) {
            char c = line.charAt(k);
            if (c == ' ') {
                return -1;
            }
            if (c == ':' && k > hostEnd + 1 && (k + 1 == n || line.charAt(k + 1) == ' ')) {
                return Math.min(k + 2, n);
            }
        }
        return -1;
    }

    private static boolean hasSeverityColumn(String line) {
        return line.length() >= 3 && line.charAt(0) >= 'A' && line.charAt(0) <= 'Z'
                && line.charAt(1) == ' ' && line.charAt(2) == ' ';
    }

    /** A console copy: every non-blank line among the first ones starts with a severity letter and two spaces. */
    static boolean isConsoleCopy(String head) {
        int seen = 0;
        int start = 0;
        int n = head.length();
        while (start < n && seen < SNIFF_LINES) {
            int nl = head.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            String line = head.substring(start, end);
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            if (!hasSeverityColumn(line)) {
                return false;
            }
            seen++;
        }
        return seen >= 2;
    }
}
