package dev.resilint.live.collect.services;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.appconfig.EnvironmentMapper;
import java.util.List;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.model.Application;
import software.amazon.awssdk.services.appconfig.model.ListApplicationsResponse;
import software.amazon.awssdk.services.appconfig.model.ListEnvironmentsResponse;

/**
 * AppConfig environments, which roll a deployment back when one of their {@code Monitors} (CloudWatch
 * alarms) goes into ALARM: {@code ListApplications}, then {@code ListEnvironments} per application, both
 * in pages of 50 (the API's most) by {@code NextToken}. The environments' summaries carry their monitors,
 * so no call per environment is made. A failed call of either makes the type incomplete in the region: an
 * environment of an application whose environments could not be listed may watch any alarm.
 */
public final class AppConfigCollector implements Collector {

    /** The most items {@code ListApplications} and {@code ListEnvironments} return a page. */
    static final int PAGE = 50;

    @Override
    public String service() {
        return "appconfig";
    }

    @Override
    public List<String> types() {
        return List.of(EnvironmentMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("appconfig:ListApplications", "appconfig:ListEnvironments");
    }

    @Override
    public void collect(ScopeReader in) {
        AppConfigClient appconfig = in.client(AppConfigClient.class, AppConfigClient::builder);
        in.read(types(), () -> {
            List<Application> applications = in.pages("ListApplications",
                    appconfig.listApplicationsPaginator(r -> r.maxResults(PAGE)),
                    ListApplicationsResponse::items, ListApplicationsResponse::nextToken);
            in.each(applications, app -> in.pages("ListEnvironments",
                    appconfig.listEnvironmentsPaginator(r -> r.applicationId(app.id()).maxResults(PAGE)),
                    ListEnvironmentsResponse::items, ListEnvironmentsResponse::nextToken).stream()
                    .map(e -> EnvironmentMapper.map(in.scope(), e)).toList())
                    .stream().flatMap(List::stream).forEach(in::add);
        });
    }
}
