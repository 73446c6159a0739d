package dev.resilint.live.collect.services;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.codedeploy.DeploymentConfigMapper;
import dev.resilint.live.map.codedeploy.DeploymentGroupMapper;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentGroupsResponse;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentConfigResponse;
import software.amazon.awssdk.services.codedeploy.model.ListApplicationsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentConfigsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentGroupsResponse;

/**
 * CodeDeploy deployment groups: {@code ListApplications}, {@code ListDeploymentGroups} per
 * application, then {@code BatchGetDeploymentGroups} per application, 100 names a call (the limit
 * its {@code BatchLimitExceededException} states in the API model). A group the batch call could not
 * describe keeps its names and is marked unread.
 *
 * <p>Deployment configurations, which the groups name (DP04 reads how they shift traffic):
 * {@code ListDeploymentConfigs}, then {@code GetDeploymentConfig} for each custom one. The list also
 * names the predefined {@code CodeDeployDefault.*} configurations, which no account owns and a rule
 * judges by name, so they are not read. A configuration deleted between the two calls
 * ({@code DeploymentConfigDoesNotExistException}) is gone; one whose {@code GetDeploymentConfig} fails
 * otherwise keeps its name and is marked unread. A failed list leaves the type incomplete on its own,
 * the groups read.
 */
public final class CodeDeployCollector implements Collector {

    /** Deployment group names {@code BatchGetDeploymentGroups} takes at once. */
    static final int BATCH = 100;

    @Override
    public String service() {
        return "codedeploy";
    }

    @Override
    public List<String> types() {
        return List.of(DeploymentGroupMapper.TYPE, DeploymentConfigMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("codedeploy:ListApplications", "codedeploy:ListDeploymentGroups",
                "codedeploy:BatchGetDeploymentGroups", "codedeploy:ListDeploymentConfigs",
                "codedeploy:GetDeploymentConfig");
    }

    @Override
    public void collect(ScopeReader in) {
        CodeDeployClient codedeploy = in.client(CodeDeployClient.class, CodeDeployClient::builder);
        in.read(List.of(DeploymentGroupMapper.TYPE), () -> {
            List<String> applications = in.pages("ListApplications", codedeploy.listApplicationsPaginator(r -> { }),
                    ListApplicationsResponse::applications, ListApplicationsResponse::nextToken);
            List<List<String>> groups = in.each(applications, app -> in.pages("ListDeploymentGroups",
                    codedeploy.listDeploymentGroupsPaginator(r -> r.applicationName(app)),
                    ListDeploymentGroupsResponse::deploymentGroups, ListDeploymentGroupsResponse::nextToken));
            record Batch(String application, List<String> groups) {
            }
            List<Batch> batches = new ArrayList<>();
            for (int i = 0; i < applications.size(); i++) {
                for (List<String> b : EcsCollector.batches(groups.get(i), BATCH)) {
                    batches.add(new Batch(applications.get(i), b));
                }
            }
            in.each(batches, b -> describe(in, codedeploy, b.application(), b.groups())).stream().flatMap(List::stream)
                    .forEach(in::add);
        });
        in.read(List.of(DeploymentConfigMapper.TYPE), () -> {
            List<String> custom = in.pages("ListDeploymentConfigs", codedeploy.listDeploymentConfigsPaginator(r -> { }),
                    ListDeploymentConfigsResponse::deploymentConfigsList, ListDeploymentConfigsResponse::nextToken)
                    .stream().filter(n -> !DeploymentConfigMapper.isPredefined(n)).toList();
            in.each(custom, name -> config(in, codedeploy, name)).forEach(c -> c.ifPresent(in::add));
        });
    }

    private static Optional<LiveResource> config(ScopeReader in, CodeDeployClient codedeploy, String name) {
        try {
            Optional<GetDeploymentConfigResponse> answer = in.call("GetDeploymentConfig", () -> {
                try {
                    return Optional.of(codedeploy.getDeploymentConfig(r -> r.deploymentConfigName(name)));
                } catch (DeploymentConfigDoesNotExistException gone) {
                    return Optional.empty();
                }
            });
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            DeploymentConfigInfo info = answer.get().deploymentConfigInfo();
            return Optional.of(info != null ? DeploymentConfigMapper.map(in.scope(), name, info)
                    : DeploymentConfigMapper.listed(in.scope(), name).withUnread(Value.unknown(Value.Reason.READ_FAILED,
                            "GetDeploymentConfig: the answer had no deploymentConfigInfo")));
        } catch (ReadFailure f) {
            return Optional.of(DeploymentConfigMapper.listed(in.scope(), name).withUnread(f.asUnknown()));
        }
    }

    private static List<LiveResource> describe(ScopeReader in, CodeDeployClient codedeploy, String application,
            List<String> names) {
        try {
            BatchGetDeploymentGroupsResponse r = in.call("BatchGetDeploymentGroups", () -> codedeploy
                    .batchGetDeploymentGroups(b -> b.applicationName(application).deploymentGroupNames(names)));
            Map<String, DeploymentGroupInfo> byName = new HashMap<>();
            r.deploymentGroupsInfo().forEach(g -> byName.put(g.deploymentGroupName(), g));
            List<LiveResource> out = new ArrayList<>();
            for (String name : names) {
                DeploymentGroupInfo g = byName.get(name);
                out.add(g != null ? DeploymentGroupMapper.map(in.scope(), g)
                        : DeploymentGroupMapper.listed(in.scope(), application, name).withUnread(Value.unknown(
                                Value.Reason.READ_FAILED, "BatchGetDeploymentGroups: the answer left it out"
                                        + (r.errorMessage() == null ? "" : " (" + r.errorMessage() + ")"))));
            }
            return out;
        } catch (ReadFailure f) {
            return names.stream().map(n -> DeploymentGroupMapper.listed(in.scope(), application, n)
                    .withUnread(f.asUnknown())).toList();
        }
    }
}
