package dev.rootline.report.chart;

import java.awt.Color;
import java.util.List;

/** One palette for both charts, so a public subnet is the same red everywhere. */
final class ChartColors {
    static final Color PUBLIC = new Color(0xC6, 0x28, 0x28);
    static final Color PRIVATE = new Color(0x15, 0x65, 0xC0);
    static final Color UNKNOWN = new Color(0x75, 0x75, 0x75);
    static final Color PUBLIC_SHADE = new Color(0xC6, 0x28, 0x28, 0x22);
    static final Color BURST_SHADE = new Color(0xEF, 0x6C, 0x00, 0x33);
    static final Color CHANGE = new Color(0x6A, 0x1B, 0x9A);
    static final Color ACTIVITY = new Color(0x37, 0x47, 0x4F);
    static final Color ALL_FAILURES = new Color(0x9E, 0x9E, 0x9E, 0x99);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    /** Per-target lines; chosen to stay apart from the subnet reds and blues. */
    static final List<Color> TARGETS = List.of(new Color(0xEF, 0x6C, 0x00), new Color(0x2E, 0x7D, 0x32),
            new Color(0x6D, 0x4C, 0x41), new Color(0x00, 0x83, 0x8F), new Color(0xAD, 0x14, 0x57),
            new Color(0x45, 0x5A, 0x64));

    private ChartColors() {
    }

    static Color forSubnetClass(String subnetClass) {
        return switch (subnetClass == null ? "unknown" : subnetClass) {
            case "public" -> PUBLIC;
            case "private" -> PRIVATE;
            default -> UNKNOWN;
        };
    }

    static Color target(int i) {
        return TARGETS.get(i % TARGETS.size());
    }
}
