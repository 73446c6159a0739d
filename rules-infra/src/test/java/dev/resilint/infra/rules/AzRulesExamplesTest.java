package dev.resilint.infra.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.rules.InfraRules;
import dev.resilint.core.Engine;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.graph.InfraRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AZ rules through the whole analyzer: exactly the problems {@code examples/README.md} lists
 * for them in the flawed twin, nothing in the fixed one, and templates that use the SAM transform.
 */
class AzRulesExamplesTest {

    private static final Set<String> IDS = Set.of("AZ01", "AZ02", "AZ03", "AZ04", "AZ05", "AZ06");

    @TempDir
    Path dir;

    private static List<String> findings(Path input, Path workingDirectory) {
        Results results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(List.of(input), workingDirectory,
                Config.defaults(), List.of()));
        assertThat(results.problems()).isEmpty();
        return results.findings().stream().filter(f -> IDS.contains(f.ruleId()))
                .map(f -> f.location().file() + " " + ((Location.Template) f.location()).resourceId() + " "
                        + f.ruleId())
                .sorted().toList();
    }

    private static Path examples() {
        return Path.of("..", "examples").toAbsolutePath().normalize();
    }

    @Test
    void flawedExampleHasExactlyTheListedAzProblems() {
        assertThat(findings(examples().resolve("flawed"), examples())).containsExactly(
                "flawed/data.yaml OrdersDatabase AZ04",
                "flawed/data.yaml SessionCache AZ06",
                "flawed/network-and-web.yaml WebAutoScalingGroup AZ01",
                "flawed/network-and-web.yaml WebAutoScalingGroup AZ03");
    }

    @Test
    void fixedExampleHasNoAzProblems() {
        assertThat(findings(examples().resolve("fixed"), examples())).isEmpty();
    }

    @Test
    void templatesWithTheSamTransformAreJudged() throws Exception {
        Files.writeString(dir.resolve("app.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
                  Subnet: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
                  Workers:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {MinSize: '1', MaxSize: '2', VPCZoneIdentifier: [!Ref Subnet]}
                  Cache:
                    Type: AWS::ElastiCache::CacheCluster
                    Properties: {Engine: redis, NumCacheNodes: 1, CacheNodeType: cache.t4g.micro}
                """);
        assertThat(findings(dir, dir)).containsExactly("app.yaml Cache AZ06", "app.yaml Workers AZ01");
    }

    @Test
    void everyAzRuleIsRegistered() {
        assertThat(InfraRules.all()).extracting(InfraRule::id).containsAll(IDS);
        assertThat(InfraRules.all()).filteredOn(r -> IDS.contains(r.id())).extracting(r -> r.metadata().name())
                .containsExactly("AutoScalingGroupSingleAz", "LoadBalancerSingleAz", "LoadBalancerAsgZoneMismatch",
                        "RdsInstanceNotMultiAz", "AuroraClusterSingleInstance", "ElastiCacheNoFailover");
    }
}
