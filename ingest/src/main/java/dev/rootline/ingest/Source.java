package dev.rootline.ingest;

import java.util.Locale;

/** Where an event came from; the lower-case name is what users type in {@code source:…} queries. */
public enum Source {
    CLOUDTRAIL("cloudtrail"),
    CLOUDDRIVER("clouddriver"),
    K8S_EVENT("k8s-event"),
    EC2("ec2"),
    EKS("eks"),
    /** Text logs in no specific application format (timestamps recognised, lines grouped). */
    LOG("log"),
    /** Kubernetes API-server audit events ({@code audit.k8s.io/v1 Event}), as EKS control-plane logging writes them. */
    EKS_AUDIT("eks-audit"),
    /** aws-iam-authenticator lines from the EKS control plane ({@code authenticator-*} streams). */
    EKS_AUTHENTICATOR("eks-authenticator"),
    /** VPC Flow Logs records. */
    VPCFLOW("vpcflow"),
    /** Engineering activities a team records: deploys, Terraform applies, upgrades, on-call actions. */
    ACTIVITY("activity");

    private final String id;

    Source(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Source fromId(String id) {
        for (Source s : values()) {
            if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown source: " + id);
    }

    @Override
    public String toString() {
        return id;
    }
}
