package dev.rootline.ingest;

/** Kinds of cloud resources an event can name; {@link #field()} is the search field for its ids. */
public enum ResourceType {
    ENI("eni"),
    SUBNET("subnet"),
    VPC("vpc"),
    CLUSTER("cluster"),
    SECURITY_GROUP("sg"),
    ROUTE_TABLE("routeTable"),
    NETWORK_ACL("nacl"),
    PEERING("peering"),
    INSTANCE("instance"),
    /** Anything else with an identity: ARNs, bucket names, Kubernetes objects. */
    OTHER("resource");

    private final String field;

    ResourceType(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Guesses the type of an AWS id from its prefix ({@code eni-…}, {@code subnet-…}); OTHER when unknown. */
    public static ResourceType ofAwsId(String id) {
        if (id == null) {
            return OTHER;
        }
        int dash = id.indexOf('-');
        String prefix = dash > 0 ? id.substring(0, dash) : "";
        return switch (prefix) {
            case "eni" -> ENI;
            case "subnet" -> SUBNET;
            case "vpc" -> VPC;
            case "sg" -> SECURITY_GROUP;
            case "rtb" -> ROUTE_TABLE;
            case "acl" -> NETWORK_ACL;
            case "pcx" -> PEERING;
            case "i" -> INSTANCE;
            default -> OTHER;
        };
    }
}
