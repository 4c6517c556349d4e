package dev.rootline.ingest.fuzz;

/** {@code --type logs-insights-csv}: Logs Insights CSV exports. */
class LogsInsightsCsvFuzzTest extends ParserFuzzTarget {
    LogsInsightsCsvFuzzTest() {
        super("logs-insights-csv", "envelopes", "eks-control-plane");
    }
}
