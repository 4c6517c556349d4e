package dev.rootline.timeline.topology;

/**
 * One route.
 *
 * @param targetType {@code local}, {@code igw}, {@code nat}, {@code pcx}, {@code tgw}, {@code vgw},
 *                   {@code eni}, {@code instance}, {@code egress-only-igw}, or {@code unknown} when only
 *                   an undo of a deletion revealed the route
 */
public record Route(Cidr destination, String targetType, String targetId, String eventId) {

    /** Classifies a route target by its id prefix, as AWS names them. */
    public static String typeOf(String targetId) {
        if (targetId == null) {
            return "unknown";
        }
        if (targetId.equals("local")) {
            return "local";
        }
        int dash = targetId.indexOf('-');
        String prefix = dash > 0 ? targetId.substring(0, dash) : targetId;
        return switch (prefix) {
            case "igw" -> "igw";
            case "eigw" -> "egress-only-igw";
            case "nat" -> "nat";
            case "pcx" -> "pcx";
            case "tgw" -> "tgw";
            case "vgw" -> "vgw";
            case "eni" -> "eni";
            case "i" -> "instance";
            default -> "unknown";
        };
    }

    @Override
    public String toString() {
        return destination + " -> " + (targetId == null ? targetType : targetId);
    }
}
