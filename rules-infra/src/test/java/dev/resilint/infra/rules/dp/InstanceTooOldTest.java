package dev.resilint.infra.rules.dp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Results;
import dev.resilint.core.SourceKind;
import dev.resilint.core.config.Config;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.Fixtures;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.GraphSource;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DP05 judges live instances only. Here the instances are written as a template and read through a
 * source that says it is live, so the rule's own logic is tested without the AWS fake; the live-aws
 * module's {@code InstanceTooOldLiveTest} reads them from the fake's {@code DescribeInstances}.
 */
class InstanceTooOldTest {

    static final Clock SCAN = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    private static final String INSTANCES = """
            Resources:
              Old:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-1
                  LaunchTime: '2026-01-15T08:30:00Z'
              Edge:
                Type: AWS::EC2::Instance
                Properties: {ImageId: ami-1, LaunchTime: '2026-06-04T12:00:00Z'}
              New:
                Type: AWS::EC2::Instance
                Properties: {ImageId: ami-1, LaunchTime: '2026-11-01T00:00:00Z'}
              Unsaid:
                Type: AWS::EC2::Instance
                Properties: {ImageId: ami-1}
              Garbled:
                Type: AWS::EC2::Instance
                Properties: {ImageId: ami-1, LaunchTime: yesterday}
            """;

    /** The template's resources, read as a live account would serve them. */
    private static ResourceGraph live(String yaml) {
        ResourceGraph template = Fixtures.graph(yaml);
        return new ResourceGraph("111122223333/eu-west-1", template.resources(), g -> new GraphSource() {
            @Override
            public SourceKind kind() {
                return SourceKind.LIVE;
            }

            @Override
            public Value property(Resource resource, String path) {
                return template.source().property(resource, path);
            }

            @Override
            public Value attribute(Resource resource, String name) {
                return template.source().attribute(resource, name);
            }

            @Override
            public boolean written(Resource resource, String path) {
                return template.source().written(resource, path);
            }

            @Override
            public Value embeddedJson(Resource resource, String path) {
                return template.source().embeddedJson(resource, path);
            }

            @Override
            public Optional<Boolean> exists(Resource resource) {
                return Optional.of(true);
            }

            @Override
            public boolean existsWhenever(Resource resource, Resource other) {
                return true;
            }
        }, g -> template.references(), Completeness.COMPLETE);
    }

    private static List<Finding> run(ResourceGraph graph, Config config) {
        Results results = new Results();
        GraphRules.run(new Engine(config), List.of(new InstanceTooOld(SCAN)), graph, results);
        assertThat(results.problems()).isEmpty();
        return Engine.normalize(results.findings());
    }

    @Test
    void firesOnAnInstanceLaunchedMoreThan180DaysBeforeTheScan() {
        assertThat(run(live(INSTANCES), Config.defaults())).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DP05");
            assertThat(f.message()).isEqualTo("EC2 instance Old was launched on 2026-01-15, 320 days before the scan "
                    + "(more than 180), so its image and configuration have drifted and its replacement is untested; "
                    + "replace it from a current image, or run it in an Auto Scaling group with a maximum instance "
                    + "lifetime");
            assertThat(f.location().line()).isEqualTo(6); // at LaunchTime
        });
    }

    @Test
    void theMaximumIsConfigurable() {
        Config config = new Config(Optional.empty(), List.of(), List.of(), Map.of(),
                Map.of("DP05", Map.of(InstanceTooOld.MAXIMUM, 400)), List.of(), Optional.empty(), List.of(),
                TreeReader.DEFAULT_MAX_BYTES);
        assertThat(run(live(INSTANCES), config)).isEmpty();
        Config strict = new Config(Optional.empty(), List.of(), List.of(), Map.of(),
                Map.of("DP05", Map.of(InstanceTooOld.MAXIMUM, 29)), List.of(), Optional.empty(), List.of(),
                TreeReader.DEFAULT_MAX_BYTES);
        assertThat(run(live(INSTANCES), strict)).extracting(f -> f.message().split(" ")[2])
                .containsExactlyInAnyOrder("Old", "Edge", "New");
    }

    @Test
    void theSameScanTimeGivesTheSameFindings() {
        assertThat(run(live(INSTANCES), Config.defaults())).isEqualTo(run(live(INSTANCES), Config.defaults()));
    }

    @Test
    void templatesAreNotJudged() {
        assertThat(Fixtures.findings(new InstanceTooOld(SCAN), INSTANCES)).isEmpty();
        assertThat(InstanceTooOld.METADATA.sources()).containsExactly(SourceKind.LIVE);
    }
}
