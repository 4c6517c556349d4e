package dev.rootline.timeline.investigate;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.timeline.findings.Coverage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the evidence of a window covers: CloudTrail's accounts and regions, hours in which an account's
 * CloudTrail falls silent while it has records before and after (a missing delivery, a trail switched off),
 * and application logs that stop before the window ends. Counts per time bucket from the index, no record read.
 */
final class CoverageCheck {
    /** At most this many buckets: an hour each for windows up to two weeks, longer beyond. */
    private static final int MAX_BUCKETS = 400;
    /** A silence shorter than this is an idle account, not a hole. */
    private static final int MIN_GAP_BUCKETS = 3;
    private static final int MAX_ACCOUNTS = 20;
    private static final List<String> LOG_SOURCES = List.of("clouddriver", "log", "k8s-event", "eks-audit");

    private CoverageCheck() {
    }

    static Coverage of(EventIndex.Searcher s, Instant from, Instant to) throws IOException {
        SearchRequest trail = new SearchRequest("source:cloudtrail", from, to, 1);
        Map<String, Long> accounts = s.termCounts("account", trail);
        Map<String, Long> regions = s.termCounts("region", trail);
        Duration bucket = bucket(from, to);
        List<String> gaps = new ArrayList<>();
        // Snapshots name the accounts that own the network; one without CloudTrail hides its changes.
        for (String owner : s.termCounts("account", new SearchRequest("source:ec2 OR source:eks", null, null, 1)).keySet()) {
            if (!accounts.containsKey(owner)) {
                gaps.add("CloudTrail of account " + owner + " is missing: its resources are in the EC2/EKS snapshots,"
                        + " but none of its API calls are in the window, so its changes cannot be seen");
            }
        }
        int n = 0;
        for (String account : accounts.keySet()) {
            if (n++ == MAX_ACCOUNTS) {
                break;
            }
            long[] counts = counts(s, "source:cloudtrail AND account:" + account, from, to, bucket);
            silences(counts).forEach(g -> gaps.add("CloudTrail of account " + account + " has no records from "
                    + from.plus(bucket.multipliedBy(g[0])) + " to " + from.plus(bucket.multipliedBy(g[1]))
                    + ", with records before and after: a delivery may be missing"));
        }
        for (String source : LOG_SOURCES) {
            long[] counts = counts(s, "source:" + source, from, to, bucket);
            int last = -1;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    last = i;
                }
            }
            if (last >= 0 && counts.length - 1 - last >= MIN_GAP_BUCKETS) {
                gaps.add(source + " events stop at about " + from.plus(bucket.multipliedBy(last + 1))
                        + ", before the window's end (" + to + "): later logs may be missing");
            }
            silences(counts).forEach(g -> gaps.add(source + " has no events from " + from.plus(bucket.multipliedBy(g[0]))
                    + " to " + from.plus(bucket.multipliedBy(g[1])) + ", with events before and after"));
        }
        return new Coverage(List.copyOf(accounts.keySet()), List.copyOf(regions.keySet()), gaps);
    }

    private static Duration bucket(Instant from, Instant to) {
        Duration hour = Duration.ofHours(1);
        long hours = Math.max(1, Duration.between(from, to).toHours());
        return hours <= MAX_BUCKETS ? hour : hour.multipliedBy((hours + MAX_BUCKETS - 1) / MAX_BUCKETS);
    }

    private static long[] counts(EventIndex.Searcher s, String query, Instant from, Instant to, Duration bucket) {
        return s.countByWindow(new SearchRequest(query, from, to, 1), bucket);
    }

    /** Runs of empty buckets with non-empty ones on both sides, at least {@link #MIN_GAP_BUCKETS} long: [first, end). */
    static List<int[]> silences(long[] counts) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < counts.length && counts[i] == 0) {
            i++;
        }
        while (i < counts.length) {
            int start = i;
            while (i < counts.length && counts[i] > 0) {
                i++;
            }
            int gap = i;
            while (i < counts.length && counts[i] == 0) {
                i++;
            }
            if (i < counts.length && i - gap >= MIN_GAP_BUCKETS) {
                out.add(new int[] {gap, i});
            }
            if (start == i) {
                break;
            }
        }
        return out;
    }
}
