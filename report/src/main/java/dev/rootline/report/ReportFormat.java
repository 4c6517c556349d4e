package dev.rootline.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The files a report can be written as; {@link #id()} is what {@code --format html,pdf,json,md} names. */
public enum ReportFormat {
    HTML("report.html"),
    PDF("report.pdf"),
    JSON("report.json"),
    MD("report.md");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list such as {@code html,pdf}; {@code markdown} is accepted for {@code md}. */
    public static Set<ReportFormat> parseList(String list) {
        EnumSet<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
        for (String part : list.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            out.add(switch (p) {
                case "html" -> HTML;
                case "pdf" -> PDF;
                case "json" -> JSON;
                case "md", "markdown" -> MD;
                default -> throw new IllegalArgumentException("unknown report format: " + part.trim()
                        + " (expected html, pdf, json or md)");
            });
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no report format given (expected html, pdf, json or md)");
        }
        return out;
    }
}
