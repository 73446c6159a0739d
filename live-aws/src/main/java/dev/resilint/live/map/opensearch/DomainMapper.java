package dev.resilint.live.map.opensearch;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.opensearch.model.ClusterConfig;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;
import software.amazon.awssdk.services.opensearch.model.EBSOptions;
import software.amazon.awssdk.services.opensearch.model.VPCDerivedInfo;

/**
 * OpenSearch Service domains, whatever their engine (OpenSearch or Elasticsearch), as
 * {@code AWS::OpenSearchService::Domain}: from {@code DescribeDomains}, {@code DomainName},
 * {@code EngineVersion} ({@code OpenSearch_2.11}, {@code Elasticsearch_7.10}), {@code ClusterConfig} in
 * CloudFormation's shape (instance type and count, dedicated masters, {@code ZoneAwarenessEnabled} and
 * {@code ZoneAwarenessConfig.AvailabilityZoneCount}, warm and cold storage, {@code MultiAZWithStandbyEnabled}:
 * what AZ09 reads), {@code EBSOptions}, {@code VPCOptions} (subnets and security groups as references), and
 * {@code Tags} when they were asked for. A domain is referred to by its name (what {@code Ref} returns), its
 * ARN and its id; one being deleted is gone. A domain whose description failed is known by its name alone
 * ({@link #listed}), every other property unread.
 */
public final class DomainMapper {

    public static final String TYPE = "AWS::OpenSearchService::Domain";

    private DomainMapper() {
    }

    /** The ARN of a domain, from the API or built from its name. */
    public static String arn(Scope scope, String arn, String name) {
        return arn != null ? arn : Arns.of(scope, "es", "domain/" + name);
    }

    /** A domain known by its name from {@code ListDomainNames} alone; the collector marks it unread. */
    public static LiveResource listed(Scope scope, String name) {
        String arn = arn(scope, null, name);
        return LiveResource.of(TYPE, arn, name, scope, Props.map().put("DomainName", name).build(),
                Ids.of(name, "", arn, "Arn"));
    }

    /** Whether the domain is being deleted: it is not collected. */
    public static boolean gone(DomainStatus d) {
        return Boolean.TRUE.equals(d.deleted());
    }

    /**
     * A domain that is not {@link #gone}.
     *
     * @param tags its tags, when they were asked for
     */
    public static LiveResource map(Scope scope, DomainStatus d, TagLookup tags) {
        Props p = Props.map()
                .put("DomainName", d.domainName())
                .put("EngineVersion", d.engineVersion())
                .putIfNotEmpty("ClusterConfig", cluster(d.clusterConfig()))
                .putIfNotEmpty("EBSOptions", ebs(d.ebsOptions()))
                .putIfNotEmpty("VPCOptions", vpc(d.vpcOptions()));
        String arn = arn(scope, d.arn(), d.domainName());
        tags.apply(p, arn);
        return LiveResource.of(TYPE, arn, d.domainName(), scope, p.build(),
                Ids.of(d.domainName(), "", arn, "Arn", d.domainId(), "Id"));
    }

    private static Props cluster(ClusterConfig c) {
        if (c == null) {
            return null;
        }
        return Props.map()
                .put("InstanceType", c.instanceTypeAsString())
                .put("InstanceCount", c.instanceCount())
                .put("DedicatedMasterEnabled", c.dedicatedMasterEnabled())
                .put("DedicatedMasterType", c.dedicatedMasterTypeAsString())
                .put("DedicatedMasterCount", c.dedicatedMasterCount())
                .put("ZoneAwarenessEnabled", c.zoneAwarenessEnabled())
                .putIfNotEmpty("ZoneAwarenessConfig", c.zoneAwarenessConfig() == null ? null : Props.map()
                        .put("AvailabilityZoneCount", c.zoneAwarenessConfig().availabilityZoneCount()))
                .put("WarmEnabled", c.warmEnabled())
                .put("WarmType", c.warmTypeAsString())
                .put("WarmCount", c.warmCount())
                .putIfNotEmpty("ColdStorageOptions", c.coldStorageOptions() == null ? null : Props.map()
                        .put("Enabled", c.coldStorageOptions().enabled()))
                .put("MultiAZWithStandbyEnabled", c.multiAZWithStandbyEnabled());
    }

    private static Props ebs(EBSOptions e) {
        if (e == null) {
            return null;
        }
        return Props.map().put("EBSEnabled", e.ebsEnabled()).put("VolumeType", e.volumeTypeAsString())
                .put("VolumeSize", e.volumeSize()).put("Iops", e.iops()).put("Throughput", e.throughput());
    }

    private static Props vpc(VPCDerivedInfo v) {
        if (v == null) {
            return null;
        }
        return Props.map().refs("SubnetIds", v.subnetIds(), SubnetMapper.TYPE)
                .refs("SecurityGroupIds", v.securityGroupIds(), SecurityGroupMapper.TYPE);
    }
}
