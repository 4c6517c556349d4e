package dev.rootline.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Tells a writer that started on an empty index which events it may simply add: an id it has not seen before
 * cannot be in the index, so it needs no delete-by-id, which Lucene otherwise buffers for every document and
 * applies to every segment at each flush (14% of an ingest's CPU on Clouddriver logs, docs/PERFORMANCE.md).
 *
 * <p>What was seen is a Bloom filter of fixed size, so memory stays flat whatever the input: a false "seen"
 * only costs the usual upsert, and a filled filter degrades to upserting everything, never to a duplicate.
 *
 * <p>Twins (the same record twice in one run: a rotated copy beside its original, a re-delivered CloudTrail
 * file) can reach two indexing threads at once. Writes of one id take turns: the first adds, a later twin waits
 * until that add has returned, then upserts, so its delete always follows the add it must replace.
 */
final class FirstSightings {
    private static final int HASHES = 3;

    private final AtomicLongArray bits;
    private final long mask;
    /** Ids being written right now: writes of one id take turns, so a twin's delete always follows the add. */
    private final Map<String, Thread> writing = new ConcurrentHashMap<>();

    /** @param maxBytes memory for the filter; rounded down to a power of two, at least 64 KiB */
    FirstSightings(long maxBytes) {
        long bitCount = Long.highestOneBit(Math.max(64L << 13, Math.min(maxBytes, 1L << 30) * 8));
        this.bits = new AtomicLongArray((int) (bitCount >>> 6));
        this.mask = bitCount - 1;
    }

    /** The filter size for a heap: 16 MiB (a 1% false-"seen" rate at about 13M events), at most 1/32 of the heap. */
    static long defaultBytes() {
        return Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 32);
    }

    /** Writes {@code id} through {@code add} if this is its first sighting, else through {@code upsert}. */
    void write(String id, Write add, Write upsert) throws java.io.IOException {
        Thread me = Thread.currentThread();
        while (writing.putIfAbsent(id, me) != null) {
            // a twin is being written by another thread (its add may include a flush of a second or so)
            Thread.onSpinWait();
            Thread.yield();
        }
        try {
            if (mark(id)) {
                add.run();
            } else {
                upsert.run();
            }
        } finally {
            writing.remove(id);
        }
    }

    /** Marks {@code id}; true when it was certainly not marked before. */
    boolean mark(String id) {
        long h = hash(id);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        boolean unseen = false;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + (long) i * h2) & mask;
            int word = (int) (bit >>> 6);
            long m = 1L << bit;
            long before = bits.getAndAccumulate(word, m, (a, b) -> a | b);
            if ((before & m) == 0) {
                unseen = true;
            }
        }
        return unseen;
    }

    /** 64-bit FNV-1a over the id's chars, then a final mix: ids share long prefixes ("ct-123456789012-"). */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    @FunctionalInterface
    interface Write {
        void run() throws java.io.IOException;
    }
}
