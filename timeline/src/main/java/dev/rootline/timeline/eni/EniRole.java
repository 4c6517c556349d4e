package dev.rootline.timeline.eni;

/** Who an ENI belongs to. */
public enum EniRole {
    /** Created by EKS for a cluster's API server endpoint ({@code Amazon EKS <cluster>}). */
    CONTROL_PLANE,
    /** Created by the VPC CNI on a worker node ({@code aws-K8S-i-…}). */
    WORKER,
    OTHER;

    static EniRole of(String description) {
        if (description == null) {
            return OTHER;
        }
        if (description.startsWith("Amazon EKS ")) {
            return CONTROL_PLANE;
        }
        return description.startsWith("aws-K8S-") ? WORKER : OTHER;
    }
}
