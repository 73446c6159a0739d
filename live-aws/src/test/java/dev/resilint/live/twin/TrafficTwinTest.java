package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traffic and capacity rules that run live: target groups with slow or no health checks and
 * without a deregistration delay (LB04, LB05), Classic Load Balancers with and without connection
 * draining (LB05), REST and HTTP API stages with and without throttling or a usage plan (SC04), DB
 * instances with and without storage auto scaling (SC05) and functions on the default timeout
 * (TO01): written as a template and served by the fake account, they get the same findings.
 */
class TrafficTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ELB = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:";
    static final String RDS = "arn:aws:rds:eu-west-1:111122223333:db:";
    static final String LAMBDA = "arn:aws:lambda:eu-west-1:111122223333:function:";
    static final String APIGW = "arn:aws:apigateway:eu-west-1::";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Slow:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties: {Name: slow, Protocol: HTTP, Port: 80, VpcId: vpc-1, HealthCheckIntervalSeconds: 60,
                  UnhealthyThresholdCount: 3}
              Abrupt:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties:
                  Name: abrupt
                  Protocol: HTTP
                  Port: 80
                  VpcId: vpc-1
                  TargetGroupAttributes: [{Key: deregistration_delay.timeout_seconds, Value: '0'}]
              Healthy:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties: {Name: healthy, Protocol: HTTPS, Port: 443, VpcId: vpc-1, HealthCheckIntervalSeconds: 10,
                  UnhealthyThresholdCount: 3}
              Functions:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties: {Name: functions, TargetType: lambda}
              Legacy:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  LoadBalancerName: legacy
                  AvailabilityZones: [eu-west-1a, eu-west-1b]
                  CrossZone: true
                  Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]
              Drained:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  LoadBalancerName: drained
                  AvailabilityZones: [eu-west-1a, eu-west-1b]
                  CrossZone: true
                  ConnectionDrainingPolicy: {Enabled: true, Timeout: 300}
                  Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]
              Fixed:
                Type: AWS::RDS::DBInstance
                Properties: {DBInstanceIdentifier: fixed, Engine: postgres, DBInstanceClass: db.m6g.large,
                  AllocatedStorage: '100', MultiAZ: true, BackupRetentionPeriod: 7, DeletionProtection: true}
              Growing:
                Type: AWS::RDS::DBInstance
                Properties: {DBInstanceIdentifier: growing, Engine: postgres, DBInstanceClass: db.m6g.large,
                  AllocatedStorage: '100', MaxAllocatedStorage: 500, MultiAZ: true, BackupRetentionPeriod: 7,
                  DeletionProtection: true}
              Defaulted: {Type: AWS::Lambda::Function, Properties: {FunctionName: defaulted, Runtime: python3.12,
                Handler: a.h, Role: r, Code: {ZipFile: x}}}
              Chosen: {Type: AWS::Lambda::Function, Properties: {FunctionName: chosen, Runtime: python3.12,
                Handler: a.h, Role: r, Code: {ZipFile: x}, Timeout: 20}}
              Shop: {Type: AWS::ApiGateway::RestApi, Properties: {Name: shop}}
              Open:
                Type: AWS::ApiGateway::Stage
                Properties: {RestApiId: !Ref Shop, StageName: open, DeploymentId: d1}
              Limited:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Shop
                  StageName: limited
                  DeploymentId: d1
                  MethodSettings: [{ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50}]
              Planned:
                Type: AWS::ApiGateway::Stage
                Properties: {RestApiId: !Ref Shop, StageName: planned, DeploymentId: d1}
              Plan:
                Type: AWS::ApiGateway::UsagePlan
                Properties:
                  UsagePlanName: partners
                  ApiStages: [{ApiId: !Ref Shop, Stage: planned}]
                  Throttle: {RateLimit: 20, BurstLimit: 40}
              Http: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: http, ProtocolType: HTTP}}
              HttpOpen:
                Type: AWS::ApiGatewayV2::Stage
                Properties: {ApiId: !Ref Http, StageName: $default, AutoDeploy: true}
              HttpLimited:
                Type: AWS::ApiGatewayV2::Stage
                Properties: {ApiId: !Ref Http, StageName: limited,
                  DefaultRouteSettings: {ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50}}
            """;

    private static Map<String, Object> targetGroup(String name, Object... more) {
        Map<String, Object> tg = Trees.map("TargetGroupArn", ELB + "targetgroup/" + name + "/1", "TargetGroupName", name,
                "Protocol", "HTTP", "Port", 80, "VpcId", "vpc-1", "TargetType", "instance", "HealthCheckEnabled", true,
                "HealthCheckIntervalSeconds", 30, "UnhealthyThresholdCount", 2, "HealthyThresholdCount", 5);
        tg.putAll(Trees.map(more));
        return tg;
    }

    private static Map<String, Object> db(String id, Object... more) {
        Map<String, Object> db = Trees.map("DBInstanceIdentifier", id, "DBInstanceArn", RDS + id,
                "DBInstanceStatus", "available", "DBInstanceClass", "db.m6g.large", "Engine", "postgres",
                "AllocatedStorage", 100, "MultiAZ", true, "BackupRetentionPeriod", 7, "DeletionProtection", true);
        db.putAll(Trees.map(more));
        return db;
    }

    private static Map<String, Object> function(String name, int timeout) {
        return Trees.map("FunctionName", name, "FunctionArn", LAMBDA + name, "Runtime", "python3.12",
                "Handler", "a.h", "Role", "arn:aws:iam::111122223333:role/r", "Timeout", timeout, "MemorySize", 128);
    }

    /** The same resources as the account serves them (the API answers every setting, defaults included). */
    static void serve(FakeRegion eu) {
        eu.items("elbv2", "DescribeTargetGroups", List.of(
                targetGroup("slow", "HealthCheckIntervalSeconds", 60, "UnhealthyThresholdCount", 3),
                targetGroup("abrupt"),
                targetGroup("healthy", "Protocol", "HTTPS", "Port", 443, "HealthCheckIntervalSeconds", 10,
                        "UnhealthyThresholdCount", 3),
                Trees.map("TargetGroupArn", ELB + "targetgroup/functions/1", "TargetGroupName", "functions",
                        "TargetType", "lambda", "HealthCheckEnabled", false, "HealthCheckIntervalSeconds", 35,
                        "UnhealthyThresholdCount", 5)));
        for (String name : List.of("slow", "abrupt", "healthy", "functions")) {
            String arn = ELB + "targetgroup/" + name + "/1";
            eu.answer("elbv2", "DescribeTargetHealth", "TargetGroupArn", arn, Map.of("TargetHealthDescriptions", List.of()));
            eu.answer("elbv2", "DescribeTargetGroupAttributes", "TargetGroupArn", arn, Map.of("Attributes", List.of(
                    Map.of("Key", "deregistration_delay.timeout_seconds", "Value", name.equals("abrupt") ? "0" : "300"),
                    Map.of("Key", "stickiness.enabled", "Value", "false"))));
        }
        eu.items("elb", "DescribeLoadBalancers", List.of(
                Map.of("LoadBalancerName", "legacy", "AvailabilityZones", List.of("eu-west-1a", "eu-west-1b")),
                Map.of("LoadBalancerName", "drained", "AvailabilityZones", List.of("eu-west-1a", "eu-west-1b"))));
        eu.answer("elb", "DescribeLoadBalancerAttributes", "LoadBalancerName", "legacy", Map.of("LoadBalancerAttributes",
                Map.of("CrossZoneLoadBalancing", Map.of("Enabled", true),
                        "ConnectionDraining", Map.of("Enabled", false, "Timeout", 300))));
        eu.answer("elb", "DescribeLoadBalancerAttributes", "LoadBalancerName", "drained", Map.of("LoadBalancerAttributes",
                Map.of("CrossZoneLoadBalancing", Map.of("Enabled", true),
                        "ConnectionDraining", Map.of("Enabled", true, "Timeout", 300))));
        eu.items("rds", "DescribeDBInstances", List.of(db("fixed"), db("growing", "MaxAllocatedStorage", 500)));
        eu.items("lambda", "ListFunctions", List.of(function("defaulted", 3), function("chosen", 20)));
        eu.items("apigateway", "GetRestApis", List.of(Map.of("id", "a1", "name", "shop", "rootResourceId", "root")));
        eu.items("apigateway", "GetStages", "restApiId", "a1", List.of(
                Trees.map("stageName", "open", "deploymentId", "d1", "methodSettings", Map.of("*/*", Map.of(
                        "metricsEnabled", true, "throttlingBurstLimit", -1, "throttlingRateLimit", -1.0))),
                Trees.map("stageName", "limited", "deploymentId", "d1", "methodSettings", Map.of("*/*", Map.of(
                        "throttlingBurstLimit", 50, "throttlingRateLimit", 100.0))),
                Trees.map("stageName", "planned", "deploymentId", "d1")));
        eu.items("apigateway", "GetUsagePlans", List.of(Trees.map("id", "p1", "name", "partners",
                "apiStages", List.of(Map.of("apiId", "a1", "stage", "planned")),
                "throttle", Map.of("rateLimit", 20.0, "burstLimit", 40))));
        eu.items("apigatewayv2", "GetApis", List.of(Map.of("ApiId", "h1", "Name", "http", "ProtocolType", "HTTP")));
        eu.items("apigatewayv2", "GetIntegrations", "ApiId", "h1", List.of());
        eu.items("apigatewayv2", "GetStages", "ApiId", "h1", List.of(
                Map.of("StageName", "$default", "AutoDeploy", true, "DefaultRouteSettings",
                        Map.of("DetailedMetricsEnabled", false)),
                Map.of("StageName", "limited", "DefaultRouteSettings",
                        Map.of("ThrottlingRateLimit", 100.0, "ThrottlingBurstLimit", 50))));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        String stages = APIGW + "/restapis/a1/stages/";
        var findings = Twin.of(TEMPLATE)
                .is("Slow", ELB + "targetgroup/slow/1").is("Abrupt", ELB + "targetgroup/abrupt/1")
                .is("Healthy", ELB + "targetgroup/healthy/1").is("Functions", ELB + "targetgroup/functions/1")
                .is("Legacy", ELB + "loadbalancer/legacy").is("Drained", ELB + "loadbalancer/drained")
                .is("Fixed", RDS + "fixed").is("Growing", RDS + "growing")
                .is("Defaulted", LAMBDA + "defaulted").is("Chosen", LAMBDA + "chosen")
                .is("Open", stages + "open").is("Limited", stages + "limited").is("Planned", stages + "planned")
                .is("HttpOpen", APIGW + "/apis/h1/stages/$default").is("HttpLimited", APIGW + "/apis/h1/stages/limited")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).containsExactly("LB04 Slow", "LB05 Abrupt", "LB05 Legacy", "SC04 HttpOpen", "SC04 Open",
                "SC05 Fixed", "TO01 Defaulted");
    }

    @Test
    void unreadableAttributesAndUsagePlansAreNotEvaluatedNamingTheScopeAndTheAction() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error(new AwsError("AccessDenied", 403, "not allowed"))
                .on("elbv2", "DescribeTargetGroupAttributes"));
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "not allowed"))
                .on("apigateway", "GetUsagePlans"));
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "not allowed"))
                .on("apigatewayv2", "GetStages"));
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        Set<String> gaps = results.notEvaluated().stream().filter(g -> List.of("LB05", "SC04")
                .contains(g.ruleId())).map(g -> g.ruleId() + " " + g.resourceType() + " " + g.reason().label())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(gaps).contains("LB05 AWS::ElasticLoadBalancingV2::TargetGroup access-denied",
                "SC04 AWS::ApiGateway::UsagePlan access-denied", "SC04 AWS::ApiGatewayV2::Stage access-denied");
        assertThat(results.notEvaluated()).filteredOn(g -> g.ruleId().equals("SC04"))
                .allSatisfy(g -> {
                    assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
                    assertThat(g.scope()).isEqualTo(ACCOUNT + "/" + REGION);
                    assertThat(g.detail()).containsAnyOf("GetUsagePlans", "GetStages");
                });
        assertThat(results.notEvaluated()).filteredOn(g -> g.ruleId().equals("LB05")
                        && g.resourceType().equals("AWS::ElasticLoadBalancingV2::TargetGroup"))
                .allSatisfy(g -> assertThat(g.detail()).contains("DescribeTargetGroupAttributes: AccessDenied"));
        // what was read is still judged: the health checks (DescribeTargetGroups), the Classic Load
        // Balancers, the DB instances and the functions
        Set<String> findings = results.findings().stream().map(f -> f.ruleId() + " "
                + ((Location.Live) f.location()).arn()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(findings).contains("LB04 " + ELB + "targetgroup/slow/1", "LB05 " + ELB + "loadbalancer/legacy",
                "SC05 " + RDS + "fixed", "TO01 " + LAMBDA + "defaulted")
                .noneMatch(l -> l.startsWith("SC04") || l.startsWith("LB05 " + ELB + "targetgroup"));
    }
}
