package dev.rootline.ingest;

import java.util.ArrayList;
import java.util.List;

/** Finds IPv4 addresses in free text, and validates single values, without regex backtracking. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** Every dotted-quad IPv4 address in the text, in order; masked forms such as {@code 172.***.***.121} are not addresses. */
    public static List<String> findIpv4(CharSequence text) {
        List<String> found = new ArrayList<>(2);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && (i == 0 || !isWordOrDot(text.charAt(i - 1)))) {
                int end = matchIpv4(text, i);
                if (end > 0) {
                    found.add(text.subSequence(i, end).toString());
                    i = end;
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** True for a literal IPv4 or IPv6 address (not a host name). */
    public static boolean isIp(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (value.indexOf(':') >= 0) {
            return isIpv6(value);
        }
        return matchIpv4(value, 0) == value.length();
    }

    private static boolean isIpv6(String v) {
        if (v.length() > 45) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        try {
            // only hex digits, ':' and '.' reach here, so this parses a literal and never resolves a name
            return java.net.InetAddress.getByName(v) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** End index of an IPv4 address starting at {@code from}, or -1. */
    private static int matchIpv4(CharSequence s, int from) {
        int i = from;
        int n = s.length();
        for (int octet = 0; octet < 4; octet++) {
            int start = i;
            int value = 0;
            while (i < n && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255 || (i - start > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            if (octet < 3) {
                if (i >= n || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        if (i < n && (Character.isLetterOrDigit(s.charAt(i)) || (s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))))) {
            return -1;
        }
        return i;
    }

    private static boolean isWordOrDot(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_';
    }
}
