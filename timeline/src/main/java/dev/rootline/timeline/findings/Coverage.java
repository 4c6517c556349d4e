package dev.rootline.timeline.findings;

import java.util.List;

/**
 * What evidence the conclusions had: the CloudTrail accounts and regions in the window, and where the evidence
 * has holes (hours without CloudTrail for an account that has records around them, logs that stop).
 */
public record Coverage(List<String> accounts, List<String> regions, List<String> gaps) {
    public static final Coverage NONE = new Coverage(List.of(), List.of(), List.of());

    public Coverage {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        gaps = List.copyOf(gaps);
    }
}
