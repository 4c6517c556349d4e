package dev.rootline.samples.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario's ground truth, as written to {@code expected.json} (the format is described in the package
 * documentation). Times are ISO-8601 instants in UTC with milliseconds.
 *
 * @param cause       what broke the path; its {@code kind} is null for a scenario where nothing broke
 * @param bursts      every run of failures the logs show, one per failing target
 * @param redHerrings things that look suspicious and are not the cause
 */
public record Expected(String scenario, long seed, Cause cause, List<Burst> bursts, List<RedHerring> redHerrings) {

    public Expected {
        bursts = List.copyOf(bursts);
        redHerrings = List.copyOf(redHerrings);
    }

    /** Hypothesis kinds, named as the correlator's report names them. */
    public static final String ENI_IN_UNROUTED_SUBNET = "ENI_IN_UNROUTED_SUBNET";
    public static final String SECURITY_GROUP_CHANGE = "SECURITY_GROUP_CHANGE";
    public static final String ROUTE_CHANGE = "ROUTE_CHANGE";
    public static final String NACL_CHANGE = "NACL_CHANGE";
    public static final String PEERING_CHANGE = "PEERING_CHANGE";
    public static final String CLUSTER_CONFIG_CHANGE = "CLUSTER_CONFIG_CHANGE";

    /**
     * @param kind           one of the constants above, or null when nothing broke
     * @param changeEventIds CloudTrail {@code eventID}s of the change(s) that caused the failures
     */
    public record Cause(String kind, Resources resources, List<String> changeEventIds) {
        public Cause {
            changeEventIds = List.copyOf(changeEventIds);
        }

        static Cause none() {
            return new Cause(null, Resources.none(), List.of());
        }
    }

    /** The resources a cause names; only those that apply are set (the others are left out of the JSON). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Resources(String cluster, List<String> eniIds, List<String> subnetIds, String routeTableId,
                            String missingRouteTo, String securityGroupId, String networkAclId, String peeringId) {
        public Resources {
            eniIds = eniIds == null ? List.of() : List.copyOf(eniIds);
            subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
        }

        static Resources none() {
            return new Resources(null, List.of(), List.of(), null, null, null, null, null);
        }
    }

    /**
     * @param signature the failure signature rootline gives the log lines ({@code io_timeout})
     * @param target    what the failing calls dialled, {@code ip:port}
     * @param count     how many failing log events the burst holds
     */
    public record Burst(String signature, String target, String start, String end, int count) {
    }

    /**
     * @param eventIds  CloudTrail eventIDs of the misleading changes (empty for a burst of log errors)
     * @param signature for a misleading burst of errors, its signature ({@code http_429}); else null
     * @param start     for a burst, its first event; else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RedHerring(String what, List<String> eventIds, String signature, String start, String end) {
        public RedHerring {
            eventIds = List.copyOf(eventIds);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Two spaces and "\n" whatever the platform, so the file is the same everywhere. */
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    public static Expected read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Expected.class);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator(""))
                .withObjectIndenter(INDENT).withArrayIndenter(INDENT);
        Files.writeString(file, MAPPER.writer(printer).writeValueAsString(this) + "\n");
    }
}
