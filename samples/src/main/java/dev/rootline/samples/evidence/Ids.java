package dev.rootline.samples.evidence;

import java.util.SplittableRandom;
import java.util.UUID;

/** Random identifiers shaped like the real ones, drawn from a seeded generator so runs repeat exactly. */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** AWS access key ids and role ids use upper-case letters and the digits 2–7. */
    private static final char[] KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    public static String hex(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = HEX[r.nextInt(16)];
        }
        return new String(c);
    }

    /** A current-style EC2 id: {@code eni-0} and 16 hex digits (17 in all, as AWS has issued since 2018). */
    public static String aws(SplittableRandom r, String prefix) {
        return prefix + "-0" + hex(r, 16);
    }

    /** A version-4 UUID, as CloudTrail uses for eventID and requestID. */
    public static String uuid(SplittableRandom r) {
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** {@code AROA…}, {@code AIDA…}, {@code ASIA…}: a prefix and upper-case base-32 characters. */
    public static String key(SplittableRandom r, String prefix, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = KEY[r.nextInt(KEY.length)];
        }
        return prefix + new String(c);
    }

    /** A session's access key id, stable for one principal within one hour, without keeping state. */
    public static String sessionKey(long principalSeed, long hour) {
        long h = mix(principalSeed * 0x9E3779B97F4A7C15L + hour);
        long h2 = mix(h ^ 0xD1B54A32D192ED03L);
        char[] c = new char[16];
        for (int i = 0; i < 12; i++) {
            c[i] = KEY[(int) ((h >>> (5 * i)) & 31)];
        }
        for (int i = 12; i < 16; i++) {
            c[i] = KEY[(int) ((h2 >>> (5 * (i - 12))) & 31)];
        }
        return "ASIA" + new String(c);
    }

    /** Mixed-case letters and digits, as in the random tail of a CloudTrail object name. */
    public static String alnum(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ALNUM[r.nextInt(ALNUM.length)];
        }
        return new String(c);
    }

    /** A 12-digit AWS account id (no leading zero). */
    public static String account(SplittableRandom r) {
        return (1 + r.nextInt(9)) + digits(r, 11);
    }

    public static String digits(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + r.nextInt(10));
        }
        return new String(c);
    }

    /** A locally administered unicast MAC, as EC2 assigns ({@code 0e:…} or {@code 12:…}). */
    public static String mac(SplittableRandom r) {
        StringBuilder sb = new StringBuilder(17).append(r.nextBoolean() ? "0e" : "12");
        for (int i = 0; i < 5; i++) {
            sb.append(':').append(hex(r, 2));
        }
        return sb.toString();
    }

    /** SplitMix64's finaliser: a cheap, well-mixed hash of a long. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
