package dev.resilint.live.map.codedeploy;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigInfo;
import software.amazon.awssdk.services.codedeploy.model.MinimumHealthyHosts;
import software.amazon.awssdk.services.codedeploy.model.MinimumHealthyHostsPerZone;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingConfig;
import software.amazon.awssdk.services.codedeploy.model.ZonalConfig;

/**
 * {@code GetDeploymentConfig} answers as {@code AWS::CodeDeploy::DeploymentConfig}:
 * {@code computePlatform}, {@code minimumHealthyHosts}, {@code trafficRoutingConfig} (its type,
 * {@code AllAtOnce}, {@code TimeBasedCanary} or {@code TimeBasedLinear}, with the canary or linear
 * steps) and {@code zonalConfig}, PascalCase as CloudFormation has them. Only custom configurations
 * are resources of an account: the predefined ones ({@link #isPredefined}, {@code CodeDeployDefault.*})
 * cannot be created or changed, and a deployment group naming one is judged by the name. A deployment
 * group refers to a configuration by name (what {@code Ref} returns); its ARN
 * ({@code arn:aws:codedeploy:<region>:<account>:deploymentconfig:<name>}) is its identity.
 */
public final class DeploymentConfigMapper {

    public static final String TYPE = "AWS::CodeDeploy::DeploymentConfig";

    /** The prefix of the names of CodeDeploy's predefined configurations. */
    static final String PREDEFINED_PREFIX = "CodeDeployDefault.";

    private DeploymentConfigMapper() {
    }

    /** Whether {@code name} is one of CodeDeploy's predefined configurations, which no account owns. */
    public static boolean isPredefined(String name) {
        return name.startsWith(PREDEFINED_PREFIX);
    }

    /**
     * The configuration {@code ListDeploymentConfigs} named {@code name}, as {@code GetDeploymentConfig}
     * describes it.
     */
    public static LiveResource map(Scope scope, String name, DeploymentConfigInfo c) {
        Props p = Props.map().put("DeploymentConfigName", name)
                .put("ComputePlatform", c.computePlatformAsString())
                .put("MinimumHealthyHosts", hosts(c.minimumHealthyHosts()))
                .put("TrafficRoutingConfig", routing(c.trafficRoutingConfig()))
                .put("ZonalConfig", zonal(c.zonalConfig()));
        return resource(scope, name, p);
    }

    /**
     * A configuration known only by the name {@code ListDeploymentConfigs} gave: its details could not
     * be read.
     */
    public static LiveResource listed(Scope scope, String name) {
        return resource(scope, name, Props.map().put("DeploymentConfigName", name));
    }

    /** The ARN of a deployment configuration, which the API does not return. */
    public static String arn(Scope scope, String name) {
        return Arns.of(scope, "codedeploy", "deploymentconfig:" + name);
    }

    private static LiveResource resource(Scope scope, String name, Props p) {
        return LiveResource.of(TYPE, arn(scope, name), name, scope, p.build(), Ids.of(name, ""));
    }

    private static Props hosts(MinimumHealthyHosts h) {
        return h == null ? null : Props.map().put("Type", h.typeAsString()).put("Value", h.value());
    }

    private static Props routing(TrafficRoutingConfig t) {
        if (t == null) {
            return null;
        }
        return Props.map().put("Type", t.typeAsString())
                .put("TimeBasedCanary", t.timeBasedCanary() == null ? null : Props.map()
                        .put("CanaryPercentage", t.timeBasedCanary().canaryPercentage())
                        .put("CanaryInterval", t.timeBasedCanary().canaryInterval()))
                .put("TimeBasedLinear", t.timeBasedLinear() == null ? null : Props.map()
                        .put("LinearPercentage", t.timeBasedLinear().linearPercentage())
                        .put("LinearInterval", t.timeBasedLinear().linearInterval()));
    }

    private static Props zonal(ZonalConfig z) {
        if (z == null) {
            return null;
        }
        MinimumHealthyHostsPerZone perZone = z.minimumHealthyHostsPerZone();
        return Props.map().put("FirstZoneMonitorDurationInSeconds", z.firstZoneMonitorDurationInSeconds())
                .put("MonitorDurationInSeconds", z.monitorDurationInSeconds())
                .put("MinimumHealthyHostsPerZone", perZone == null ? null : Props.map()
                        .put("Type", perZone.typeAsString()).put("Value", perZone.value()));
    }
}
