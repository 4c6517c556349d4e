package dev.rootline.timeline.topology;

import java.util.Objects;

/**
 * An IPv4 network such as {@code 10.50.0.0/16}; a bare address is a /32. Host bits are cleared, so
 * {@code 10.50.3.4/16} equals {@code 10.50.0.0/16}.
 */
public record Cidr(long network, int prefix) implements Comparable<Cidr> {
    public static final Cidr ANY = new Cidr(0, 0);

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0..32: " + prefix);
        }
        network = network & mask(prefix);
    }

    /** Parses {@code a.b.c.d/n} or {@code a.b.c.d}; null for anything else (IPv6, prefix lists, garbage). */
    public static Cidr parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        try {
            long addr = address(slash < 0 ? t : t.substring(0, slash));
            int prefix = slash < 0 ? 32 : Integer.parseInt(t.substring(slash + 1));
            if (addr < 0 || prefix < 0 || prefix > 32) {
                return null;
            }
            return new Cidr(addr, prefix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The address as an unsigned 32-bit value, or -1 if it is not a dotted quad. */
    public static long address(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    public boolean contains(long address) {
        return (address & mask(prefix)) == network;
    }

    public boolean contains(String ip) {
        long a = address(ip);
        return a >= 0 && contains(a);
    }

    /** True when every address of {@code other} is inside this network. */
    public boolean contains(Cidr other) {
        return other.prefix >= prefix && contains(other.network);
    }

    public boolean overlaps(Cidr other) {
        return contains(other.network) || other.contains(network);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    @Override
    public int compareTo(Cidr o) {
        int c = Integer.compare(prefix, o.prefix);
        return c != 0 ? c : Long.compare(network, o.network);
    }

    @Override
    public String toString() {
        return ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "."
                + (network & 255) + "/" + prefix;
    }

    static Cidr require(String text) {
        return Objects.requireNonNull(parse(text), () -> "not an IPv4 CIDR: " + text);
    }
}
