package dev.rootline.ingest;

import dev.rootline.ingest.activity.ActivitiesParser;
import dev.rootline.ingest.activity.SpinnakerExecutionsParser;
import dev.rootline.ingest.applog.GenericLogParser;
import dev.rootline.ingest.applog.LogstashJsonLogParser;
import dev.rootline.ingest.applog.SpringBootLogParser;
import dev.rootline.ingest.cloudtrail.CloudTrailParser;
import dev.rootline.ingest.ec2.Ec2SnapshotParser;
import dev.rootline.ingest.eks.EksParser;
import dev.rootline.ingest.envelope.CloudWatchLogsParser;
import dev.rootline.ingest.envelope.CriLogParser;
import dev.rootline.ingest.envelope.DockerJsonLogParser;
import dev.rootline.ingest.envelope.EcsJsonLogParser;
import dev.rootline.ingest.envelope.FluentBitLogParser;
import dev.rootline.ingest.envelope.KubectlLogsParser;
import dev.rootline.ingest.envelope.LogsInsightsCsvParser;
import dev.rootline.ingest.k8s.KubernetesEventsParser;
import dev.rootline.ingest.k8saudit.AuthenticatorLogParser;
import dev.rootline.ingest.k8saudit.KubeAuditParser;
import dev.rootline.ingest.vpcflow.VpcFlowLogParser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where evidence formats are listed and dispatched. Names must be unique; a duplicate is a
 * programming error and fails at start-up.
 */
public final class ParserRegistry {
    /** Sniff scores below this are not trusted to pick a format. */
    static final int MIN_CONFIDENCE = 20;

    private final Map<String, EventParser> parsers = new LinkedHashMap<>();

    public ParserRegistry(List<EventParser> parsers) {
        for (EventParser p : parsers) {
            if (this.parsers.putIfAbsent(p.name(), p) != null) {
                throw new IllegalStateException("two parsers named " + p.name());
            }
        }
    }

    /** Every format rootline reads. Order breaks sniff ties: more specific formats first. */
    public static ParserRegistry defaults() {
        return new ParserRegistry(List.of(
                new KubernetesEventsParser(),
                new KubeAuditParser(),
                new AuthenticatorLogParser(),
                new Ec2SnapshotParser(),
                new EksParser(),
                new CloudTrailParser(),
                // log envelopes: unwrapped before the inner text's own format is read
                new CriLogParser(),
                new DockerJsonLogParser(),
                new KubectlLogsParser(),
                new CloudWatchLogsParser(),
                new LogsInsightsCsvParser(),
                new FluentBitLogParser(),
                new EcsJsonLogParser(),
                new VpcFlowLogParser(),
                new SpinnakerExecutionsParser(),
                new ActivitiesParser(),
                new SpringBootLogParser(),
                new LogstashJsonLogParser(),
                new GenericLogParser()));
    }

    public List<String> names() {
        return List.copyOf(parsers.keySet());
    }

    public Optional<EventParser> byName(String name) {
        return Optional.ofNullable(parsers.get(name));
    }

    /** The parser most confident that the file is its format, or empty when none is. */
    public Optional<EventParser> detect(InputFile file) {
        EventParser best = null;
        int bestScore = MIN_CONFIDENCE - 1;
        for (EventParser p : parsers.values()) {
            int score;
            try {
                score = p.sniff(file);
            } catch (RuntimeException e) {
                score = 0; // a sniff must never throw; treat a bug there as "not mine"
            }
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public List<EventParser> all() {
        return Collections.unmodifiableList(new ArrayList<>(parsers.values()));
    }
}
