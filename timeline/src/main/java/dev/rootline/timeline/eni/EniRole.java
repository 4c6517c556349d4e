package dev.rootline.timeline.eni;

/** Who an ENI belongs to. */
public enum EniRole {
    /** Created by EKS for a cluster's API server endpoint ({@code Amazon EKS <cluster>}). */
    CONTROL_PLANE,
    /** Created by the VPC CNI on a worker node ({@code aws-K8S-i-…}). */
    WORKER,
    OTHER;

    static EniRole of(String description) {
        return of(description, null);
    }

    /**
     * @param byService whether the evidence shows a service (EKS) had the ENI made, null when it does not say.
     *                  An ENI that a principal of the account created is no control-plane ENI, whatever its
     *                  description claims.
     */
    static EniRole of(String description, Boolean byService) {
        if (description == null) {
            return OTHER;
        }
        if (description.startsWith("Amazon EKS ")) {
            return Boolean.FALSE.equals(byService) ? OTHER : CONTROL_PLANE;
        }
        return description.startsWith("aws-K8S-") ? WORKER : OTHER;
    }
}
