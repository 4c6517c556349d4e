package dev.rootline.ingest.cloudtrail.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links digests through {@code previousDigestS3Object}, by file name. Each digest names its previous one, so a
 * chain is read newest to oldest; the next digest of a chain is what carries a digest's signature and hash.
 *
 * <p>An absent previous digest is a chain break only when older digests of the same trail are present: the
 * oldest digest on disk always names a previous one, which simply predates the evidence.
 */
final class DigestChains {
    /** {@code <account>_CloudTrail-Digest_<region>_<trail>_<home region>_<end>[_backfill].json}. */
    private static final Pattern TIMESTAMPED = Pattern.compile("(.*)_\\d{8}T\\d{6}Z(_backfill)?\\.json");

    /** A digest named as previous but not on disk. */
    record Missing(String key, LoadedDigest namedBy) {
    }

    private final Map<String, LoadedDigest> first;
    private final Map<String, LoadedDigest> next;
    private final List<Missing> missing;
    private final List<String> breaks;
    private final List<String> notes;

    private DigestChains(Map<String, LoadedDigest> first, Map<String, LoadedDigest> next, List<Missing> missing,
                         List<String> breaks, List<String> notes) {
        this.first = first;
        this.next = next;
        this.missing = missing;
        this.breaks = breaks;
        this.notes = notes;
    }

    static DigestChains link(List<LoadedDigest> loaded) {
        Map<String, List<LoadedDigest>> copies = new LinkedHashMap<>();
        for (LoadedDigest d : loaded) {
            copies.computeIfAbsent(d.nameKey(), k -> new ArrayList<>()).add(d);
        }
        Map<String, LoadedDigest> first = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        copies.forEach((name, all) -> {
            // the chain follows one copy; every copy is still checked on its own
            first.put(name, all.stream().filter(LoadedDigest::readable).findFirst().orElse(all.get(0)));
            if (all.size() > 1) {
                notes.add(all.size() + " copies of digest " + name + ": each is checked, the chain follows "
                        + first.get(name).path());
            }
        });
        List<LoadedDigest> readable = first.values().stream().filter(LoadedDigest::readable).toList();
        Map<String, TreeMap<Instant, LoadedDigest>> byTrail = new HashMap<>();
        for (LoadedDigest d : readable) {
            byTrail.computeIfAbsent(trail(d), k -> new TreeMap<>()).putIfAbsent(d.digest().endTime(), d);
        }
        Map<String, LoadedDigest> next = new HashMap<>();
        List<Missing> missing = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        for (LoadedDigest d : readable) {
            DigestFile f = d.digest();
            String name = fileName(f.digestS3Object());
            Map.Entry<Instant, LoadedDigest> before = byTrail.get(trail(d)).lowerEntry(f.endTime());
            LoadedDigest older = before == null ? null : before.getValue();
            if (f.previousDigestS3Object() == null) {
                if (older != null) {
                    notes.add(name + " starts a new chain: CloudTrail made no digests between "
                            + older.digest().digestEndTime() + " and " + f.digestStartTime()
                            + " (logging or log file validation was off)");
                }
                continue;
            }
            String previous = EvidenceIndex.nameKey(f.previousDigestS3Object());
            if (previous.equals(d.nameKey())) {
                breaks.add(name + " names itself as its previous digest");
                continue;
            }
            LoadedDigest other = next.putIfAbsent(previous, d);
            if (other != null) {
                notes.add(fileName(other.key()) + " and " + name + " both name " + previous
                        + " as previous digest: its signature is taken from the first");
                continue;
            }
            if (!first.containsKey(previous)) {
                if (older != null) {
                    missing.add(new Missing(f.previousDigestS3Object(), d));
                    breaks.add("gap before " + name + ": its previous digest " + fileName(f.previousDigestS3Object())
                            + " is not in the folder, though older digests of the trail are");
                } else {
                    notes.add("chain starts at " + name + ": its previous digest "
                            + fileName(f.previousDigestS3Object()) + " is older than this evidence");
                }
            }
        }
        return new DigestChains(first, next, List.copyOf(missing), List.copyOf(breaks), List.copyOf(notes));
    }

    /** The digest that names {@code d} as its previous, carrying d's signature and hash; null for a chain's newest. */
    LoadedDigest next(LoadedDigest d) {
        return next.get(d.nameKey());
    }

    /** One readable copy per digest name: whose log files are checked. */
    List<LoadedDigest> readable() {
        return first.values().stream().filter(LoadedDigest::readable).toList();
    }

    /** Chains on disk: digests that no digest names as previous are each a chain's newest. */
    int count() {
        return (int) first.keySet().stream().filter(name -> !next.containsKey(name)).count();
    }

    List<Missing> missing() {
        return missing;
    }

    List<String> breaks() {
        return breaks;
    }

    List<String> notes() {
        return notes;
    }

    static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** Digests of one trail in one region share their name up to the end time; backfill digests are apart. */
    private static String trail(LoadedDigest d) {
        String name = EvidenceIndex.nameKey(d.digest().digestS3Object());
        Matcher m = TIMESTAMPED.matcher(name);
        return m.matches() ? m.group(1) + Objects.toString(m.group(2), "") : name;
    }
}
