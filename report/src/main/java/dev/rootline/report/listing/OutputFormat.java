package dev.rootline.report.listing;

/** How listings are printed: {@code --format table|json|csv}. */
public enum OutputFormat {
    TABLE, JSON, CSV
}
