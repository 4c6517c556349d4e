package dev.rootline.timeline.findings;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.ResourceType;

import java.util.List;

/** The one-line, human summary of an event, built per source from its fields. */
public final class EventText {
    private static final int MAX = 400;

    private EventText() {
    }

    public static String summary(Event e) {
        String s = switch (e.source()) {
            case CLOUDTRAIL -> cloudTrail(e);
            case K8S_EVENT -> join(e.eventName(), first(e.resources(ResourceType.OTHER)), firstLine(e.message()));
            case EC2, EKS -> join(e.kind(), ids(e), e.eventName(), firstLine(e.message()));
            default -> join(where(e), e.logger() == null ? null : e.logger() + ":", firstLine(e.message()));
        };
        return clip(s.isBlank() ? e.kind() : s);
    }

    /** Which pod and container a log line came from, when its envelope said: {@code [spinnaker/clouddriver-7d9f8 clouddriver]}. */
    private static String where(Event e) {
        String pod = e.attribute("pod");
        String stream = e.attribute("logStream");
        if (pod == null) {
            return stream == null ? null : "[" + stream + "]";
        }
        String ns = e.attribute("namespace");
        String container = e.attribute("container");
        return "[" + (ns == null ? "" : ns + "/") + pod + (container == null ? "" : " " + container) + "]";
    }

    private static String cloudTrail(Event e) {
        StringBuilder b = new StringBuilder();
        b.append(e.eventName() == null ? "?" : e.eventName());
        if (e.actor() != null) {
            b.append(" by ").append(e.actor());
        }
        List<String> enis = e.resources(ResourceType.ENI);
        if (!enis.isEmpty()) {
            b.append(" eni=").append(String.join(",", enis));
        }
        List<String> subnets = e.resources(ResourceType.SUBNET);
        if (!subnets.isEmpty()) {
            b.append(" subnet=").append(String.join(",", subnets));
        }
        if (!e.errors().isEmpty()) {
            b.append(" -> ").append(String.join(",", e.errors()));
            if (e.message() != null) {
                b.append(": ").append(firstLine(e.message()));
            }
        }
        return b.toString();
    }

    private static String ids(Event e) {
        StringBuilder b = new StringBuilder();
        for (ResourceType t : List.of(ResourceType.CLUSTER, ResourceType.ENI, ResourceType.SUBNET, ResourceType.ROUTE_TABLE,
                ResourceType.PEERING, ResourceType.SECURITY_GROUP, ResourceType.NETWORK_ACL, ResourceType.VPC)) {
            String first = first(e.resources(t));
            if (first != null) {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(t.field()).append('=').append(first);
            }
        }
        return b.toString();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    public static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(p);
            }
        }
        return b.toString();
    }

    /** Terminal-safe: no control characters (log content is attacker-controlled), bounded length. */
    public static String clip(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX + 1));
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (s.length() > MAX) {
            b.append('…');
        }
        return b.toString();
    }
}
