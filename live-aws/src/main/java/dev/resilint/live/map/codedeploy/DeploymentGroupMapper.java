package dev.resilint.live.map.codedeploy;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import software.amazon.awssdk.services.codedeploy.model.Alarm;
import software.amazon.awssdk.services.codedeploy.model.AlarmConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoScalingGroup;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.ECSService;

/**
 * {@code BatchGetDeploymentGroups} items as {@code AWS::CodeDeploy::DeploymentGroup}:
 * {@code autoRollbackConfiguration}, {@code alarmConfiguration}, {@code deploymentStyle},
 * {@code deploymentConfigName} and the application, PascalCase as CloudFormation has them, with the
 * Auto Scaling groups (by name) and ECS services it deploys to as references. Its deployment
 * configuration is a reference by name to a custom {@link DeploymentConfigMapper#TYPE}, or, for the
 * predefined {@code CodeDeployDefault.*}, which no account owns, the plain name. A deployment group's
 * name is unique only within its application; its ARN
 * ({@code arn:aws:codedeploy:<region>:<account>:deploymentgroup:<application>/<group>}) is its identity.
 */
public final class DeploymentGroupMapper {

    public static final String TYPE = "AWS::CodeDeploy::DeploymentGroup";
    static final String APPLICATION = "AWS::CodeDeploy::Application";
    static final String ASG = "AWS::AutoScaling::AutoScalingGroup";
    static final String ECS_CLUSTER = "AWS::ECS::Cluster";
    static final String ECS_SERVICE = "AWS::ECS::Service";

    private DeploymentGroupMapper() {
    }

    public static LiveResource map(Scope scope, DeploymentGroupInfo g) {
        Props p = identity(g.applicationName(), g.deploymentGroupName())
                .put("DeploymentConfigName", config(g.deploymentConfigName()))
                .put("ServiceRoleArn", g.serviceRoleArn())
                .put("AutoRollbackConfiguration", rollback(g.autoRollbackConfiguration()))
                .put("AlarmConfiguration", alarms(g.alarmConfiguration()))
                .put("DeploymentStyle", g.deploymentStyle() == null ? null : Props.map()
                        .put("DeploymentType", g.deploymentStyle().deploymentTypeAsString())
                        .put("DeploymentOption", g.deploymentStyle().deploymentOptionAsString()))
                .refs("AutoScalingGroups", g.autoScalingGroups().stream().map(AutoScalingGroup::name).toList(), ASG)
                .list("ECSServices", g.ecsServices().stream().map(DeploymentGroupMapper::ecsService).toList());
        return resource(scope, g.applicationName(), g.deploymentGroupName(), p);
    }

    /**
     * A deployment group known only by the names {@code ListDeploymentGroups} gave: its details
     * could not be read.
     */
    public static LiveResource listed(Scope scope, String application, String group) {
        return resource(scope, application, group, identity(application, group));
    }

    /** The ARN of a deployment group, which the API does not return. */
    public static String arn(Scope scope, String application, String group) {
        return Arns.of(scope, "codedeploy", "deploymentgroup:" + application + "/" + group);
    }

    private static Props identity(String application, String group) {
        return Props.map().ref("ApplicationName", application, APPLICATION).put("DeploymentGroupName", group);
    }

    private static LiveResource resource(Scope scope, String application, String group, Props p) {
        return LiveResource.of(TYPE, arn(scope, application, group), application + "/" + group, scope, p.build(),
                Ids.of(group, ""));
    }

    private static Node config(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return DeploymentConfigMapper.isPredefined(name) ? Props.str(name)
                : Props.refNode(name, DeploymentConfigMapper.TYPE);
    }

    private static Props rollback(AutoRollbackConfiguration r) {
        return r == null ? null : Props.map().put("Enabled", r.enabled()).strings("Events", r.eventsAsStrings());
    }

    private static Props alarms(AlarmConfiguration a) {
        if (a == null) {
            return null;
        }
        List<Node> alarms = a.alarms().stream().map(Alarm::name)
                .map(n -> (Node) Props.map().put("Name", n).build()).toList();
        return Props.map().put("Enabled", a.enabled()).put("IgnorePollAlarmFailure", a.ignorePollAlarmFailure())
                .list("Alarms", alarms);
    }

    private static Node ecsService(ECSService s) {
        return Props.map().ref("ClusterName", s.clusterName(), ECS_CLUSTER).ref("ServiceName", s.serviceName(), ECS_SERVICE)
                .build();
    }
}
