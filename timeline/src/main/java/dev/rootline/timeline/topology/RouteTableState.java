package dev.rootline.timeline.topology;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A route table at one instant.
 *
 * @param main         whether it is its VPC's main table (used by subnets with no explicit association)
 * @param subnets      explicitly associated subnets
 * @param associations association id to subnet id, to resolve disassociations
 */
public record RouteTableState(String id, String vpcId, boolean main, Set<String> subnets, List<Route> routes,
                              Map<String, String> associations, String eventId) {
    public RouteTableState {
        subnets = Set.copyOf(subnets);
        routes = List.copyOf(routes);
        associations = Map.copyOf(associations);
    }

    /** Longest-prefix match for one address. */
    public Optional<Route> lookup(long address) {
        return routes.stream().filter(r -> r.destination().contains(address))
                .max(Comparator.comparingInt(r -> r.destination().prefix()));
    }

    public Optional<Route> lookup(String ip) {
        long a = Cidr.address(ip);
        return a < 0 ? Optional.empty() : lookup(a);
    }

    /** Public means the default route leaves through an internet gateway. */
    public boolean isPublic() {
        return routes.stream().anyMatch(r -> r.destination().prefix() == 0 && "igw".equals(r.targetType()));
    }

    RouteTableState withRoutes(List<Route> newRoutes, String changeEventId) {
        return new RouteTableState(id, vpcId, main, subnets, newRoutes, associations, changeEventId);
    }

    RouteTableState withAssociations(Set<String> newSubnets, Map<String, String> newAssociations, String changeEventId) {
        return new RouteTableState(id, vpcId, main, newSubnets, routes, newAssociations, changeEventId);
    }
}
