package dev.rootline.ingest.applog;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which parser the registry picks for text logs, and that structured data is left to others or unrecognised. */
class AppLogDetectionTest {
    private static final Set<String> OURS = Set.of("clouddriver", "logstash-json", "log");
    private final ParserRegistry registry = ParserRegistry.defaults();

    private String detect(Path path) throws IOException {
        return registry.detect(new InputFile(path)).map(EventParser::name).orElse("(none)");
    }

    @Test
    void parsersAreRegistered() {
        assertTrue(registry.names().containsAll(OURS), registry.names()::toString);
    }

    @Test
    void clouddriverLogsGoToTheSpringBootParser() throws IOException {
        for (String name : List.of("armory-kb_aws-iam-authenticator_could_not_list_namespaces.log",
                "gh-spinnaker-3287_stackdriver_console_copy_IE_prefixes.log", "gh-spinnaker-3301_terminal_wrapped_lines.log",
                "gh-spinnaker-1989_statefulset_stacktrace_tail_caused_by.log", "gh-spinnaker-3010_oom_exception_in_thread.log",
                "armory-kb_caching_agent_completed_with_failures_no_timestamp.log")) {
            assertEquals("clouddriver", detect(SharedCorpus.file("clouddriver/" + name)), name);
        }
        assertEquals("clouddriver", detect(Fixtures.path("journald.log")));
        assertEquals("clouddriver", detect(SharedCorpus.file("generic-logs/spring-boot/springboot3_iso_ts_dlq_npe_caused_by.log")));
    }

    @Test
    void logstashJsonGoesToItsParser() throws IOException {
        assertEquals("logstash-json", detect(Fixtures.path("logstash.jsonl")));
    }

    @Test
    void otherTextLogsFallBackToGenericParser() throws IOException {
        for (String system : List.of("Hadoop", "Zookeeper", "Spark", "Linux", "Apache", "OpenStack")) {
            assertEquals("log", detect(SharedCorpus.file("generic-logs/loghub/" + system + "/" + system + "_2k.log")), system);
        }
        assertEquals("log", detect(SharedCorpus.file("clouddriver/gh-spinnaker-3877_kubectl_stderr_no_timestamp.log")));
    }

    @Test
    void structuredDataIsNotTakenAsALog() throws IOException {
        for (Path path : List.of(Fixtures.path("data.csv"), Fixtures.path("config.yaml"), Fixtures.path("unknown.json"),
                SharedCorpus.file("generic-logs/loghub/Spark/Spark_2k.log_structured.csv"))) {
            Optional<EventParser> parser = registry.detect(new InputFile(path));
            assertTrue(parser.isEmpty() || !OURS.contains(parser.get().name()), path + " -> " + parser.map(EventParser::name));
        }
    }
}
