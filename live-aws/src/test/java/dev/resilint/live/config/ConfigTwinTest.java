package dev.resilint.live.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.LiveAnalyzer;
import dev.resilint.live.ScanSettings;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeConfig;
import dev.resilint.live.twin.Scans;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The twin test of the aggregator source: one account region's resources, served by the services'
 * APIs and as AWS Config's configuration items, get the same findings (rule, ARN, message and
 * fingerprint) from every rule whose types Config serves; with {@code --role-name} (the other
 * types read directly) from every rule.
 */
class ConfigTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ARN = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:";
    static final String ALB = ARN + "loadbalancer/app/web/1";
    static final String NLB = ARN + "loadbalancer/net/internal/2";
    static final String TG = ARN + "targetgroup/web/3";
    static final String RDS = "arn:aws:rds:eu-west-1:111122223333:";
    static final String TABLE = "arn:aws:dynamodb:eu-west-1:111122223333:table/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    FakeConfig config;

    @BeforeEach
    void serve() {
        config = FakeConfig.serve(FAKE, ACCOUNT, REGION, "org");
        config.source(ACCOUNT, REGION, "SUCCEEDED");
        account(new TwinAccount(FAKE, config, ACCOUNT, REGION));
    }

    /** Subnets, a group, an instance, two Auto Scaling groups, two load balancers, RDS, two tables. */
    static void account(TwinAccount a) {
        a.recorder();
        a.subnet(Map.of("SubnetId", "subnet-a", "AvailabilityZone", "eu-west-1a", "VpcId", "vpc-1",
                "SubnetArn", "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-a"));
        a.subnet(Map.of("SubnetId", "subnet-b", "AvailabilityZone", "eu-west-1b", "VpcId", "vpc-1",
                "SubnetArn", "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-b",
                "Tags", List.of(Map.of("Key", "Name", "Value", "private-b"))));
        a.securityGroup(Map.of("GroupId", "sg-web", "GroupName", "web", "Description", "web", "VpcId", "vpc-1",
                "IpPermissions", List.of(Map.of("IpProtocol", "tcp", "FromPort", 80, "ToPort", 80,
                        "IpRanges", List.of(Map.of("CidrIp", "0.0.0.0/0"))))));
        a.instance(Map.of("InstanceId", "i-1", "InstanceType", "t3.micro", "SubnetId", "subnet-a",
                "Placement", Map.of("AvailabilityZone", "eu-west-1a"), "State", Map.of("Name", "running", "Code", 16),
                "SecurityGroups", List.of(Map.of("GroupId", "sg-web", "GroupName", "web")),
                "LaunchTime", "2026-01-01T00:00:00Z"));
        a.autoScalingGroup(dev.resilint.live.twin.Trees.map("AutoScalingGroupName", "web",
                "AutoScalingGroupARN", "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/web",
                "MinSize", 1, "MaxSize", 4, "DesiredCapacity", 1, "DefaultCooldown", 300,
                "AvailabilityZones", List.of("eu-west-1a"), "HealthCheckType", "EC2", "VPCZoneIdentifier", "subnet-a",
                "TargetGroupARNs", List.of(TG), "CreatedTime", "2026-01-01T00:00:00Z",
                "Tags", List.of(Map.of("Key", "team", "Value", "web", "PropagateAtLaunch", true,
                        "ResourceId", "web", "ResourceType", "auto-scaling-group"))));
        a.autoScalingGroup(dev.resilint.live.twin.Trees.map("AutoScalingGroupName", "api",
                "AutoScalingGroupARN", "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:2:autoScalingGroupName/api",
                "MinSize", 2, "MaxSize", 4, "DesiredCapacity", 2, "DefaultCooldown", 300,
                "AvailabilityZones", List.of("eu-west-1a", "eu-west-1b"), "HealthCheckType", "EC2,ELB",
                "VPCZoneIdentifier", "subnet-a,subnet-b", "TargetGroupARNs", List.of(TG),
                "CreatedTime", "2026-01-01T00:00:00Z"));
        a.loadBalancer(Map.of("LoadBalancerArn", ALB, "LoadBalancerName", "web", "Type", "application",
                "Scheme", "internet-facing", "AvailabilityZones", List.of(
                        Map.of("ZoneName", "eu-west-1a", "SubnetId", "subnet-a"),
                        Map.of("ZoneName", "eu-west-1b", "SubnetId", "subnet-b"))),
                List.of(Map.of("Key", "deletion_protection.enabled", "Value", "false"),
                        Map.of("Key", "load_balancing.cross_zone.enabled", "Value", "true")), Map.of("team", "web"));
        a.loadBalancer(Map.of("LoadBalancerArn", NLB, "LoadBalancerName", "internal", "Type", "network",
                "Scheme", "internal", "AvailabilityZones", List.of(
                        Map.of("ZoneName", "eu-west-1a", "SubnetId", "subnet-a"))),
                List.of(Map.of("Key", "deletion_protection.enabled", "Value", "true"),
                        Map.of("Key", "load_balancing.cross_zone.enabled", "Value", "false")), Map.of());
        a.dbInstance(dev.resilint.live.twin.Trees.map("DBInstanceIdentifier", "db-single",
                "DBInstanceArn", RDS + "db:db-single", "Engine", "postgres", "DBInstanceClass", "db.t3.micro",
                "DBInstanceStatus", "available", "MultiAZ", false, "AvailabilityZone", "eu-west-1a",
                "BackupRetentionPeriod", 1, "DeletionProtection", false, "AllocatedStorage", 20,
                "TagList", List.of(Map.of("Key", "team", "Value", "data"))));
        a.dbInstance(dev.resilint.live.twin.Trees.map("DBInstanceIdentifier", "db-multi",
                "DBInstanceArn", RDS + "db:db-multi", "Engine", "postgres", "DBInstanceClass", "db.t3.micro",
                "DBInstanceStatus", "available", "MultiAZ", true, "AvailabilityZone", "eu-west-1b",
                "BackupRetentionPeriod", 7, "DeletionProtection", true, "AllocatedStorage", 20));
        a.dbInstance(dev.resilint.live.twin.Trees.map("DBInstanceIdentifier", "aurora-1",
                "DBInstanceArn", RDS + "db:aurora-1", "Engine", "aurora-postgresql", "DBInstanceClass", "db.r6g.large",
                "DBInstanceStatus", "available", "MultiAZ", false, "AvailabilityZone", "eu-west-1a",
                "BackupRetentionPeriod", 7, "DeletionProtection", false, "DBClusterIdentifier", "aurora"));
        a.dbCluster(dev.resilint.live.twin.Trees.map("DBClusterIdentifier", "aurora",
                "DBClusterArn", RDS + "cluster:aurora", "Engine", "aurora-postgresql", "EngineMode", "provisioned",
                "Status", "available", "MultiAZ", false, "AvailabilityZones", List.of("eu-west-1a", "eu-west-1b"),
                "BackupRetentionPeriod", 7, "DeletionProtection", false, "DBSubnetGroup", "default",
                "DBClusterMembers", List.of(Map.of("DBInstanceIdentifier", "aurora-1", "IsClusterWriter", true))));
        a.table(dev.resilint.live.twin.Trees.map("TableName", "orders", "TableArn", TABLE + "orders",
                "TableStatus", "ACTIVE", "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                "BillingModeSummary", Map.of("BillingMode", "PAY_PER_REQUEST"), "DeletionProtectionEnabled", true),
                true, Map.of("team", "orders"));
        a.table(dev.resilint.live.twin.Trees.map("TableName", "carts", "TableArn", TABLE + "carts",
                "TableStatus", "ACTIVE", "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                "ProvisionedThroughput", Map.of("ReadCapacityUnits", 5, "WriteCapacityUnits", 5),
                "DeletionProtectionEnabled", false), false, Map.of());
    }

    static ScanSettings direct() {
        return Scans.caller(FAKE, ACCOUNT, REGION).withReadTags(true);
    }

    static ScanSettings viaConfig() {
        return direct().withAggregator(new AggregatorSettings("org", REGION, AggregatorSettings.DEFAULT_MAX_AGE));
    }

    @Test
    void configGivesTheDirectFindingsOfEveryRuleWhoseTypesItServes() {
        Results direct = Scans.run(direct());
        FAKE.calls().clear();
        Results fromConfig = Scans.run(viaConfig());
        assertThat(FAKE.calls().iamActions()).as("only Config, in the aggregator's account: its policy suffices")
                .isSubsetOf(dev.resilint.live.IamPolicy.aggregatorActions());
        assertThat(direct.notEvaluated()).as("gaps of the direct scan").isEmpty();
        Set<String> served = served();
        assertThat(served).as("rules Config serves").contains("AZ01", "AZ04", "AZ05", "DR01", "DR02", "DR03", "LB02")
                .as("SC01 also reads target groups, which Config cannot query").doesNotContain("SC01");
        assertThat(lines(fromConfig, served)).isEqualTo(lines(direct, served));
        assertThat(lines(fromConfig, served).stream().map(l -> l.substring(0, l.indexOf(" | "))))
                .contains("DR02 " + ALB, "DR02 " + TABLE + "carts", "DR03 " + TABLE + "carts",
                        "AZ04 " + RDS + "db:db-single", "DR01 " + RDS + "db:db-single", "AZ05 " + RDS + "cluster:aurora");
        assertThat(fromConfig.notEvaluated()).as("no gap for a rule Config serves")
                .noneMatch(n -> served.contains(n.ruleId()));
        assertThat(fromConfig.notEvaluated()).as("the other rules: unsupported, saying why")
                .isNotEmpty().allMatch(n -> n.reason() == NotEvaluated.Reason.UNSUPPORTED)
                .anyMatch(n -> n.resourceType().equals("AWS::ElasticLoadBalancingV2::TargetGroup")
                        && n.detail().contains("cannot query this type"));
        assertThat(config.expressions()).allMatch(e -> e.startsWith("SELECT " + ConfigItem.FIELDS + " WHERE resourceType = '"));
    }

    @Test
    void withRoleNameTheTypesConfigCannotServeAreReadDirectlyAndEveryRuleGivesTheDirectFindings() {
        Results direct = Scans.run(direct());
        FAKE.calls().clear();
        Results mixed = Scans.run(mixed());
        Set<String> allowed = new TreeSet<>(dev.resilint.live.IamPolicy.actions());
        allowed.addAll(dev.resilint.live.IamPolicy.aggregatorActions());
        allowed.add("sts:GetCallerIdentity");
        assertThat(FAKE.calls().iamActions()).isSubsetOf(allowed);
        assertThat(mixed.notEvaluated()).isEmpty();
        Set<String> all = new TreeSet<>(new LiveAnalyzer(InfraRules.all()).rules().stream().map(RuleMetadata::id).toList());
        assertThat(lines(mixed, all)).isEqualTo(lines(direct, all));
        assertThat(lines(mixed, all).stream().map(l -> l.substring(0, l.indexOf(" | "))))
                .contains("SC01 arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/web");
        assertThat(mixed.notes()).anyMatch(n -> n.contains("from AWS Config: AWS::AutoScaling::AutoScalingGroup"))
                .anyMatch(n -> n.contains("read directly in each account with --role-name ResilintScan")
                        && n.contains("AWS::ElasticLoadBalancingV2::TargetGroup"));
    }

    static ScanSettings mixed() {
        ScanSettings s = viaConfig();
        return new ScanSettings(s.accounts(), s.regions(), s.allRegions(), java.util.Optional.of("ResilintScan"),
                s.externalId(), s.credentials(), s.defaultRegion(), s.clients(), s.parallelScopes(), s.callsPerService(),
                s.readTags(), s.shard(), s.aggregator());
    }

    /** The live rules whose every type the aggregator source serves. */
    static Set<String> served() {
        Set<String> types = ConfigTypes.served();
        return new LiveAnalyzer(InfraRules.all()).rules().stream()
                .filter(r -> types.containsAll(r.resourceTypes())).map(RuleMetadata::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code ruleId arn} lines, each with its message and fingerprint, of the rules named. */
    static Set<String> lines(Results results, Set<String> rules) {
        assertThat(results.problems()).isEmpty();
        return results.findings().stream().filter(f -> rules.contains(f.ruleId())).map(ConfigTwinTest::line)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String line(Finding f) {
        return f.ruleId() + " " + ((Location.Live) f.location()).arn() + " | " + f.message() + " | " + f.fingerprint();
    }
}
