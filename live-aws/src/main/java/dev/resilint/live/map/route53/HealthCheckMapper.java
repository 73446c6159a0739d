package dev.resilint.live.map.route53;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.route53.model.AlarmIdentifier;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;

/**
 * A health check of {@code ListHealthChecks} as {@code AWS::Route53::HealthCheck}: its
 * {@code HealthCheckConfig} in CloudFormation's shape ({@code Type}, {@code IPAddress}, {@code Port},
 * {@code ResourcePath}, {@code FullyQualifiedDomainName}, {@code SearchString}, {@code RequestInterval},
 * {@code FailureThreshold}, {@code MeasureLatency}, {@code Inverted}, {@code HealthThreshold},
 * {@code ChildHealthChecks} (references to the other health checks, by id), {@code EnableSNI},
 * {@code Regions}, {@code AlarmIdentifier {Name, Region}}, {@code InsufficientDataHealthStatus},
 * {@code RoutingControlArn}). The API's names are CloudFormation's, so the config is copied member by
 * member; {@code AlarmIdentifier.Name} stays the alarm's literal name, as OB02 matches it (a template
 * writes {@code !Ref} of the alarm, which is its name).
 *
 * <p>Its identifier is the health check id (what {@code Ref} returns, and what a record's
 * {@code HealthCheckId} holds). A health check has an ARN only in IAM
 * ({@code arn:aws:route53:::healthcheck/ID}), which names it here. Its tags
 * ({@code HealthCheckTags}) are not read: no rule reads them.
 */
public final class HealthCheckMapper {

    public static final String TYPE = "AWS::Route53::HealthCheck";

    private HealthCheckMapper() {
    }

    /** The name IAM gives a health check. */
    public static String arn(Scope scope, String id) {
        return "arn:" + Arns.partition(scope.isGlobal() ? "us-east-1" : scope.region()) + ":route53:::healthcheck/"
                + id;
    }

    public static LiveResource map(Scope scope, HealthCheck h) {
        Props p = Props.map().putIfNotEmpty("HealthCheckConfig", config(h.healthCheckConfig()));
        return LiveResource.of(TYPE, arn(scope, h.id()), h.id(), scope, p.build(), Ids.of(h.id(), ""));
    }

    private static Props config(HealthCheckConfig c) {
        if (c == null) {
            return null;
        }
        Props p = Props.map()
                .put("Type", c.typeAsString())
                .put("IPAddress", c.ipAddress())
                .put("Port", c.port())
                .put("ResourcePath", c.resourcePath())
                .put("FullyQualifiedDomainName", c.fullyQualifiedDomainName())
                .put("SearchString", c.searchString())
                .put("RequestInterval", c.requestInterval())
                .put("FailureThreshold", c.failureThreshold())
                .put("MeasureLatency", c.measureLatency())
                .put("Inverted", c.inverted())
                .put("HealthThreshold", c.healthThreshold())
                .refs("ChildHealthChecks", c.hasChildHealthChecks() ? c.childHealthChecks() : null, TYPE)
                .put("EnableSNI", c.enableSNI())
                .strings("Regions", c.hasRegions() ? c.regionsAsStrings() : null)
                .putIfNotEmpty("AlarmIdentifier", alarm(c.alarmIdentifier()))
                .put("InsufficientDataHealthStatus", c.insufficientDataHealthStatusAsString())
                .put("RoutingControlArn", c.routingControlArn());
        return p;
    }

    private static Props alarm(AlarmIdentifier a) {
        return a == null ? null : Props.map().put("Name", a.name()).put("Region", a.regionAsString());
    }
}
