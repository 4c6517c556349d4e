package dev.rootline.timeline.topology;

/** A subnet; its CIDR may be null when only an id was seen. */
public record SubnetState(String id, String vpcId, Cidr cidr, String eventId) {
}
