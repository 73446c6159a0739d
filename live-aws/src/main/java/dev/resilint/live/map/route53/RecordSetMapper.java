package dev.resilint.live.map.route53;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A record of {@code ListResourceRecordSets} as {@code AWS::Route53::RecordSet}: {@code HostedZoneId}
 * (the zone's id without the API's {@code /hostedzone/} prefix, which the SDK already strips, as a
 * template writes it), {@code Name}
 * (as the API gives it: fully qualified with the final dot, special characters as {@code \NNN} octal
 * escapes), {@code Type}, {@code SetIdentifier}, {@code Failover}, {@code Weight}, {@code Region},
 * {@code MultiValueAnswer}, {@code HealthCheckId}, {@code TTL} (a number; CloudFormation's is a string
 * holding one), {@code GeoLocation}, {@code AliasTarget} ({@code DNSName}, {@code HostedZoneId},
 * {@code EvaluateTargetHealth}) and {@code ResourceRecords} (the values: the API's
 * {@code [{Value}]} is CloudFormation's list of strings).
 *
 * <p>A record has no ARN in AWS. It is named here after its hosted zone's ARN
 * ({@code arn:aws:route53:::hostedzone/ZONE}), which is how IAM names it, followed by
 * {@code /recordset/NAME/TYPE}, and {@code /SETID} for a record of a routing policy (weighted,
 * failover, latency, ...), whose name and type several records share: name, type and set identifier
 * are what make a record unique in its zone. The fingerprint of a finding (rule and ARN) survives
 * changes to the record's values and its TTL, not a rename.
 */
public final class RecordSetMapper {

    public static final String TYPE = "AWS::Route53::RecordSet";

    private RecordSetMapper() {
    }

    /** The hosted zone's id without the API's {@code /hostedzone/} prefix. */
    public static String zoneId(String id) {
        return id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
    }

    /** The name this scan gives a record: see the class comment. */
    public static String arn(Scope scope, String zoneId, ResourceRecordSet r) {
        return "arn:" + Arns.partition(scope.isGlobal() ? "us-east-1" : scope.region()) + ":route53:::hostedzone/"
                + zoneId + "/recordset/" + r.name() + "/" + r.typeAsString()
                + (r.setIdentifier() == null ? "" : "/" + r.setIdentifier());
    }

    public static LiveResource map(Scope scope, String zoneId, ResourceRecordSet r) {
        String arn = arn(scope, zoneId, r);
        Props p = Props.map()
                .put("HostedZoneId", zoneId)
                .put("Name", r.name())
                .put("Type", r.typeAsString())
                .put("SetIdentifier", r.setIdentifier())
                .put("Failover", r.failoverAsString())
                .put("Weight", r.weight())
                .put("Region", r.regionAsString())
                .put("MultiValueAnswer", r.multiValueAnswer())
                .put("HealthCheckId", r.healthCheckId())
                .put("TTL", r.ttl());
        if (r.geoLocation() != null) {
            p.putIfNotEmpty("GeoLocation", Props.map().put("ContinentCode", r.geoLocation().continentCode())
                    .put("CountryCode", r.geoLocation().countryCode())
                    .put("SubdivisionCode", r.geoLocation().subdivisionCode()));
        }
        if (r.aliasTarget() != null) {
            p.put("AliasTarget", Props.map().put("DNSName", r.aliasTarget().dnsName())
                    .put("HostedZoneId", r.aliasTarget().hostedZoneId())
                    .put("EvaluateTargetHealth", r.aliasTarget().evaluateTargetHealth()));
        }
        if (r.hasResourceRecords()) {
            p.list("ResourceRecords", r.resourceRecords().stream().map(v -> Props.str(v.value())).toList());
        }
        String name = r.name() + " " + r.typeAsString() + (r.setIdentifier() == null ? "" : " " + r.setIdentifier());
        return LiveResource.of(TYPE, arn, name, scope, p.build(), Ids.of(arn, "Arn"));
    }
}
