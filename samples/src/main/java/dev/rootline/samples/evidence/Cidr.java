package dev.rootline.samples.evidence;

import java.util.SplittableRandom;

/**
 * An IPv4 block such as {@code 172.20.96.0/20}.
 *
 * @param base   the network address as an unsigned 32-bit value in an int
 * @param prefix 0–32
 */
public record Cidr(int base, int prefix) {
    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix " + prefix);
        }
        base &= mask(prefix);
    }

    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        return new Cidr(ip(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    }

    public boolean contains(int address) {
        return (address & mask(prefix)) == base;
    }

    public boolean contains(String address) {
        return contains(ip(address));
    }

    /**
     * A random host address: AWS keeps the first four and the last address of every subnet, so those are
     * never returned.
     */
    public String randomHost(SplittableRandom r) {
        long size = 1L << (32 - prefix);
        return text(base + 4 + (int) r.nextLong(size - 5));
    }

    public String first() {
        return text(base);
    }

    @Override
    public String toString() {
        return text(base) + "/" + prefix;
    }

    public static int ip(String dotted) {
        int v = 0;
        int part = 0;
        for (int i = 0; i < dotted.length(); i++) {
            char c = dotted.charAt(i);
            if (c == '.') {
                v = (v << 8) | part;
                part = 0;
            } else {
                part = part * 10 + (c - '0');
            }
        }
        return (v << 8) | part;
    }

    public static String text(int ip) {
        return ((ip >>> 24) & 255) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }
}
