package dev.rootline.samples.evidence;

import java.util.List;
import java.util.SplittableRandom;

/**
 * CloudTrail records of the EC2 calls that create, attach and retire network interfaces (EKS for its
 * control plane, the VPC CNI for worker nodes), and of Describe* reads.
 */
public final class EniCalls {
    /**
     * An elastic network interface as a create call returns it.
     *
     * @param requesterId who asked for it, when a service did ({@code AROA…:AmazonEKS}); else null
     * @param tags        alternating keys and values for {@code tagSpecificationSet}
     */
    public record Eni(String id, String subnetId, String vpcId, String az, String description, String privateIp,
                      String groupId, String groupName, String mac, String requesterId, List<String> tags) {
        public Eni {
            tags = List.copyOf(tags);
        }

        public String dnsName() {
            return "ip-" + privateIp.replace('.', '-') + ".ec2.internal";
        }
    }

    private EniCalls() {
    }

    public static CloudTrailRecord createNetworkInterface(long t, Principal who, String account, Eni eni,
                                                          SplittableRandom ids) {
        CloudTrailRecord r = new CloudTrailRecord(t, who, Ec2Calls.SOURCE, "CreateNetworkInterface", ids);
        return r.request(Json.object(g -> {
            g.writeStringField("subnetId", eni.subnetId());
            g.writeStringField("description", eni.description());
            g.writeObjectFieldStart("groupSet");
            g.writeArrayFieldStart("items");
            g.writeStartObject();
            g.writeStringField("groupId", eni.groupId());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            Json.emptyObject(g, "privateIpAddressesSet");
            g.writeNumberField("ipv6AddressCount", 0);
            if (!eni.tags().isEmpty()) {
                g.writeObjectFieldStart("tagSpecificationSet");
                g.writeArrayFieldStart("items");
                g.writeStartObject();
                g.writeStringField("resourceType", "network-interface");
                g.writeArrayFieldStart("tags");
                for (int i = 0; i + 1 < eni.tags().size(); i += 2) {
                    g.writeStartObject();
                    g.writeStringField("key", eni.tags().get(i));
                    g.writeStringField("value", eni.tags().get(i + 1));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
        })).response(Json.object(g -> {
            g.writeStringField("requestId", r.requestId());
            g.writeObjectFieldStart("networkInterface");
            g.writeStringField("networkInterfaceId", eni.id());
            g.writeStringField("subnetId", eni.subnetId());
            g.writeStringField("vpcId", eni.vpcId());
            g.writeStringField("availabilityZone", eni.az());
            g.writeStringField("description", eni.description());
            g.writeStringField("ownerId", account);
            if (eni.requesterId() != null) {
                g.writeStringField("requesterId", eni.requesterId());
            }
            g.writeBooleanField("requesterManaged", false);
            g.writeStringField("status", "pending");
            g.writeStringField("macAddress", eni.mac());
            g.writeStringField("privateIpAddress", eni.privateIp());
            g.writeStringField("privateDnsName", eni.dnsName());
            g.writeBooleanField("sourceDestCheck", true);
            g.writeStringField("interfaceType", "interface");
            g.writeObjectFieldStart("groupSet");
            g.writeArrayFieldStart("items");
            g.writeStartObject();
            g.writeStringField("groupId", eni.groupId());
            g.writeStringField("groupName", eni.groupName());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("privateIpAddressesSet");
            g.writeArrayFieldStart("item");
            g.writeStartObject();
            g.writeStringField("privateIpAddress", eni.privateIp());
            g.writeStringField("privateDnsName", eni.dnsName());
            g.writeBooleanField("primary", true);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            Json.emptyObject(g, "ipv6AddressesSet");
            g.writeObjectFieldStart("tagSet");
            if (!eni.tags().isEmpty()) {
                g.writeArrayFieldStart("items");
                for (int i = 0; i + 1 < eni.tags().size(); i += 2) {
                    g.writeStartObject();
                    g.writeStringField("key", eni.tags().get(i));
                    g.writeStringField("value", eni.tags().get(i + 1));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    /** What EKS asks right after creating a control-plane ENI: leave to attach it from its own account. */
    public static CloudTrailRecord createNetworkInterfacePermission(long t, Principal who, String eniId,
                                                                    String grantee, SplittableRandom ids) {
        String permissionId = Ids.aws(ids, "eni-perm");
        CloudTrailRecord r = new CloudTrailRecord(t, who, Ec2Calls.SOURCE, "CreateNetworkInterfacePermission", ids);
        return r.request(Json.object(g -> {
            g.writeStringField("networkInterfaceId", eniId);
            g.writeStringField("awsAccountId", grantee);
            g.writeStringField("permission", "INSTANCE-ATTACH");
        })).response(Json.object(g -> {
            g.writeStringField("requestId", r.requestId());
            g.writeObjectFieldStart("interfacePermission");
            g.writeStringField("networkInterfacePermissionId", permissionId);
            g.writeStringField("networkInterfaceId", eniId);
            g.writeStringField("awsAccountId", grantee);
            g.writeStringField("permission", "INSTANCE-ATTACH");
            g.writeObjectFieldStart("permissionState");
            g.writeStringField("state", "GRANTED");
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    public static CloudTrailRecord deleteNetworkInterface(long t, Principal who, String eniId, SplittableRandom ids) {
        return Ec2Calls.simple(t, who, "DeleteNetworkInterface", ids, g -> g.writeStringField("networkInterfaceId", eniId));
    }

    public static CloudTrailRecord attachNetworkInterface(long t, Principal who, String eniId, String instanceId,
                                                          int deviceIndex, String attachmentId, SplittableRandom ids) {
        CloudTrailRecord r = new CloudTrailRecord(t, who, Ec2Calls.SOURCE, "AttachNetworkInterface", ids);
        return r.request(Json.object(g -> {
            g.writeStringField("networkInterfaceId", eniId);
            g.writeStringField("instanceId", instanceId);
            g.writeNumberField("deviceIndex", deviceIndex);
            g.writeNumberField("networkCardIndex", 0);
        })).response(Json.object(g -> {
            g.writeStringField("requestId", r.requestId());
            g.writeStringField("attachmentId", attachmentId);
            g.writeNumberField("networkCardIndex", 0);
        }));
    }

    public static CloudTrailRecord setDeleteOnTermination(long t, Principal who, String eniId, String attachmentId,
                                                          SplittableRandom ids) {
        return Ec2Calls.simple(t, who, "ModifyNetworkInterfaceAttribute", ids, g -> {
            g.writeStringField("networkInterfaceId", eniId);
            g.writeObjectFieldStart("attachment");
            g.writeStringField("attachmentId", attachmentId);
            g.writeBooleanField("deleteOnTermination", true);
            g.writeEndObject();
        });
    }

    public static CloudTrailRecord detachNetworkInterface(long t, Principal who, String attachmentId,
                                                          SplittableRandom ids) {
        return Ec2Calls.simple(t, who, "DetachNetworkInterface", ids, g -> {
            g.writeStringField("attachmentId", attachmentId);
            g.writeBooleanField("force", false);
        });
    }

    public static CloudTrailRecord assignPrivateIpAddresses(long t, Principal who, String eniId, List<String> ips,
                                                            SplittableRandom ids) {
        CloudTrailRecord r = new CloudTrailRecord(t, who, Ec2Calls.SOURCE, "AssignPrivateIpAddresses", ids);
        return r.request(Json.object(g -> {
            g.writeStringField("networkInterfaceId", eniId);
            g.writeNumberField("secondaryPrivateIpAddressCount", ips.size());
        })).response(Json.object(g -> {
            g.writeStringField("requestId", r.requestId());
            g.writeStringField("networkInterfaceId", eniId);
            g.writeObjectFieldStart("assignedPrivateIpAddressesSet");
            g.writeArrayFieldStart("assignedPrivateIpAddressSetType");
            for (String ip : ips) {
                g.writeStartObject();
                g.writeStringField("privateIpAddress", ip);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    public static CloudTrailRecord createTags(long t, Principal who, String resourceId, SplittableRandom ids,
                                              String... keysAndValues) {
        return Ec2Calls.simple(t, who, "CreateTags", ids, g -> {
            g.writeObjectFieldStart("resourcesSet");
            g.writeArrayFieldStart("items");
            g.writeStartObject();
            g.writeStringField("resourceId", resourceId);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("tagSet");
            g.writeArrayFieldStart("items");
            for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                g.writeStartObject();
                g.writeStringField("key", keysAndValues[i]);
                g.writeStringField("value", keysAndValues[i + 1]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
    /**
     * A read-only Describe* call.
     *
     * @param idSet   the id list parameter ({@code networkInterfaceIdSet}) and {@code idKey} its item key, or null
     * @param filters alternating filter names and values
     */
    public static CloudTrailRecord describe(long t, Principal who, String eventName, SplittableRandom ids, String idSet,
                                            String idKey, List<String> idValues, String... filters) {
        return new CloudTrailRecord(t, who, Ec2Calls.SOURCE, eventName, ids).readOnly().request(Json.object(g -> {
            if (idSet != null) {
                g.writeObjectFieldStart(idSet);
                if (!idValues.isEmpty()) {
                    g.writeArrayFieldStart("items");
                    for (String v : idValues) {
                        g.writeStartObject();
                        g.writeStringField(idKey, v);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeObjectFieldStart("filterSet");
            if (filters.length > 0) {
                g.writeArrayFieldStart("items");
                for (int i = 0; i + 1 < filters.length; i += 2) {
                    g.writeStartObject();
                    g.writeStringField("name", filters[i]);
                    g.writeObjectFieldStart("valueSet");
                    g.writeArrayFieldStart("items");
                    g.writeStartObject();
                    g.writeStringField("value", filters[i + 1]);
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }));
    }
}
