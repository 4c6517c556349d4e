package dev.rootline.ingest.fuzz;

/** {@code --type logstash-json}: Logback logstash-encoder JSON logs. */
class LogstashJsonLogFuzzTest extends ParserFuzzTarget {
    LogstashJsonLogFuzzTest() {
        super("logstash-json", "generic-logs/spring-boot", "/dev/rootline/ingest/applog");
    }
}
