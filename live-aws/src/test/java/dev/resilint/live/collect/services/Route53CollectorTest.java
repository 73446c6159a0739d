package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Route 53 health checks, read once per account in its global scope (the records are covered by
 * {@code DnsFailoverTwinTest}): paging by {@code Marker}, the CloudFormation shape of
 * {@code HealthCheckConfig}, and a denied {@code ListHealthChecks} as a gap of that type alone.
 */
class Route53CollectorTest {

    static final String ACCOUNT = "222233334444";
    static final Scope GLOBAL = new Scope(ACCOUNT, Scope.GLOBAL);
    static final String TYPE = "AWS::Route53::HealthCheck";
    static final String RECORD = "AWS::Route53::RecordSet";
    static final String ARN = "arn:aws:route53:::healthcheck/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final Route53Collector collector = new Route53Collector();

    static Map<String, Object> check(String id, Map<String, Object> config) {
        return Map.of("Id", id, "CallerReference", "ref-" + id, "HealthCheckVersion", 1, "HealthCheckConfig", config);
    }

    /** An endpoint check, one of a CloudWatch alarm and a calculated one of both, in us-east-1. */
    static List<Map<String, Object>> serve() {
        List<Map<String, Object>> inputs = new CopyOnWriteArrayList<>();
        List<Object> checks = List.of(
                check("hc-web", Map.of("Type", "HTTPS", "FullyQualifiedDomainName", "web.example.com", "Port", 443,
                        "ResourcePath", "/health", "RequestInterval", 30, "FailureThreshold", 3,
                        "Regions", List.of("us-east-1", "eu-west-1", "ap-southeast-1"))),
                check("hc-alarm", Map.of("Type", "CLOUDWATCH_METRIC", "InsufficientDataHealthStatus", "LastKnownStatus",
                        "AlarmIdentifier", Map.of("Name", "api-errors", "Region", "eu-central-1"))),
                check("hc-all", Map.of("Type", "CALCULATED", "HealthThreshold", 2,
                        "ChildHealthChecks", List.of("hc-web", "hc-alarm"))));
        FAKE.account(ACCOUNT).region("us-east-1").listHandler("route53", "ListHealthChecks", input -> {
            inputs.add(input);
            return checks;
        });
        return inputs;
    }

    @Test
    void healthChecksArePagedByMarkerInUsEast1AndKeepTheirConfigInCloudFormationsShape() {
        List<Map<String, Object>> inputs = serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, GLOBAL, Set.of(TYPE), false).complete(TYPE);

        assertThat(run.ofType(TYPE)).extracting(r -> r.arn())
                .containsExactly(ARN + "hc-alarm", ARN + "hc-all", ARN + "hc-web");
        assertThat(PlainTrees.of(run.get(ARN + "hc-alarm"))).isEqualTo(Map.of("HealthCheckConfig", Map.of(
                "Type", "CLOUDWATCH_METRIC", "InsufficientDataHealthStatus", "LastKnownStatus",
                "AlarmIdentifier", Map.of("Name", "api-errors", "Region", "eu-central-1"))));
        assertThat(PlainTrees.of(run.get(ARN + "hc-web"))).isEqualTo(Map.of("HealthCheckConfig", Map.of(
                "Type", "HTTPS", "FullyQualifiedDomainName", "web.example.com", "Port", 443L,
                "ResourcePath", "/health", "RequestInterval", 30L, "FailureThreshold", 3L,
                "Regions", List.of("us-east-1", "eu-west-1", "ap-southeast-1"))));
        assertThat(PlainTrees.at(run.get(ARN + "hc-all"), "HealthCheckConfig/ChildHealthChecks"))
                .isEqualTo(List.of(Ref.to("hc-web", TYPE), Ref.to("hc-alarm", TYPE)));
        assertThat(run.get(ARN + "hc-all").identifiers()).containsOnlyKeys("hc-all");
        assertThat(run.get(ARN + "hc-all").unread()).isEmpty();
        assertThat(inputs).hasSize(2).allSatisfy(i -> assertThat(i.get("MaxItems")).isEqualTo("1000"));
        assertThat(inputs.get(1).get("Marker")).isNotNull();
        var calls = FAKE.calls();
        assertThat(calls.calls()).allSatisfy(c -> assertThat(c.region()).isEqualTo("us-east-1"));
        assertThat(calls.count("route53", "ListHealthChecks")).isEqualTo(2);
        assertThat(calls.count("route53", "ListHostedZones")).as("records are not wanted").isZero();
        assertThat(collector.global()).isTrue();
        assertThat(collector.actions()).containsAll(calls.iamActions());
    }

    @Test
    void accessDeniedOnListHealthChecksIsAGapNamingTheCallAndLeavesTheRecordsRead() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDenied", 403, "not authorized to perform route53:ListHealthChecks"))
                .on("route53", "ListHealthChecks"));

        CollectorRun run = CollectorRun.of(FAKE, collector, GLOBAL, Set.of(TYPE, RECORD), false).complete(RECORD);

        assertThat(run.gap(TYPE).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(TYPE).detail()).contains("ListHealthChecks: AccessDenied");
        assertThat(run.ofType(TYPE)).isEmpty();
    }
}
