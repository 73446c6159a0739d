package dev.resilint.live.collect.services;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.codedeploy.DeploymentGroupMapper;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentGroupsResponse;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.ListApplicationsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentGroupsResponse;

/**
 * CodeDeploy deployment groups: {@code ListApplications}, {@code ListDeploymentGroups} per
 * application, then {@code BatchGetDeploymentGroups} per application, 100 names a call (the limit
 * its {@code BatchLimitExceededException} states in the API model). A group the batch call could not
 * describe keeps its names and is marked unread.
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
        return List.of(DeploymentGroupMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("codedeploy:ListApplications", "codedeploy:ListDeploymentGroups",
                "codedeploy:BatchGetDeploymentGroups");
    }

    @Override
    public void collect(ScopeReader in) {
        CodeDeployClient codedeploy = in.client(CodeDeployClient.class, CodeDeployClient::builder);
        in.read(types(), () -> {
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
