package dev.resilint.live.collect.services;

import static dev.resilint.live.collect.services.OneScope.ACCOUNT;
import static dev.resilint.live.collect.services.OneScope.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.rules.az.AuroraClusterSingleInstance;
import dev.resilint.infra.rules.az.RdsInstanceNotMultiAz;
import dev.resilint.infra.rules.dr.RdsBackupRetentionLow;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.rds.DbClusterMapper;
import dev.resilint.live.map.rds.DbInstanceMapper;
import dev.resilint.live.twin.Trees;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RdsCollectorTest {

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    static final String ARN = "arn:aws:rds:eu-west-1:111122223333:";
    static final List<String> STACKS = List.of("AWS::CloudFormation::Stack");

    private static Map<String, Object> instance(String id, Object... more) {
        Map<String, Object> db = Trees.map("DBInstanceIdentifier", id, "DBInstanceArn", ARN + "db:" + id,
                "DBInstanceStatus", "available", "Engine", "postgres", "MultiAZ", false, "BackupRetentionPeriod", 7,
                "DeletionProtection", true, "AvailabilityZone", "eu-west-1a");
        db.putAll(Trees.map(more));
        return db;
    }

    private static Map<String, Object> cluster(String id, Object... more) {
        Map<String, Object> c = Trees.map("DBClusterIdentifier", id, "DBClusterArn", ARN + "cluster:" + id,
                "Status", "available", "Engine", "aurora-postgresql", "EngineMode", "provisioned",
                "BackupRetentionPeriod", 7, "DeletionProtection", true);
        c.putAll(Trees.map(more));
        return c;
    }

    /** Five instances (a standalone one, a replica, two Aurora members, a DocumentDB one) and three clusters. */
    static void serve(FakeRegion eu) {
        eu.items("rds", "DescribeDBInstances", List.of(
                instance("orders"),
                instance("orders-ro", "ReadReplicaSourceDBInstanceIdentifier", "orders", "BackupRetentionPeriod", 0),
                instance("aurora-1", "Engine", "aurora-postgresql", "DBClusterIdentifier", "aurora"),
                instance("aurora-2", "Engine", "aurora-postgresql", "DBClusterIdentifier", "aurora",
                        "AvailabilityZone", "eu-west-1b"),
                instance("docs-1", "Engine", "docdb", "DBClusterIdentifier", "docs")));
        eu.items("rds", "DescribeDBClusters", List.of(cluster("aurora"), cluster("lonely"),
                cluster("docs", "Engine", "docdb")));
    }

    @Test
    void readsInstancesAndClustersOverPagesWithOneCallAPageAndNothingElse() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        OneScope read = OneScope.collect(FAKE, new RdsCollector());
        assertThat(read.arns()).containsExactly(ARN + "cluster:aurora", ARN + "cluster:lonely", ARN + "db:aurora-1",
                ARN + "db:aurora-2", ARN + "db:orders", ARN + "db:orders-ro");
        assertThat(read.completeness()).containsOnly(Map.entry(DbInstanceMapper.TYPE, Optional.empty()),
                Map.entry(DbClusterMapper.TYPE, Optional.empty()));
        assertThat(FAKE.calls().counts()).containsExactly(Map.entry("rds:DescribeDBClusters", 2L),
                Map.entry("rds:DescribeDBInstances", 3L));
        assertThat(new RdsCollector().actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void onlyTheTypesTheScanNeedsAreRead() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        OneScope read = OneScope.collect(FAKE, new RdsCollector(), List.of(DbInstanceMapper.TYPE), false);
        assertThat(read.completeness()).containsOnlyKeys(DbInstanceMapper.TYPE);
        assertThat(FAKE.calls().counts()).containsOnlyKeys("rds:DescribeDBInstances");
    }

    @Test
    void accessDeniedOnInstancesIsAGapForInstancesOnlyAndTheClustersAreStillRead() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error("AccessDenied", 403).on("rds", "DescribeDBInstances"));
        OneScope read = OneScope.collect(FAKE, new RdsCollector());
        assertThat(read.arns()).containsExactly(ARN + "cluster:aurora", ARN + "cluster:lonely");
        Completeness.Gap gap = read.completeness().get(DbInstanceMapper.TYPE).orElseThrow();
        assertThat(gap.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(gap.detail()).startsWith("DescribeDBInstances: AccessDenied");
        assertThat(read.completeness().get(DbClusterMapper.TYPE)).isEmpty();

        Results results = read.run(Config.defaults(), STACKS, new RdsInstanceNotMultiAz(),
                new AuroraClusterSingleInstance(), new RdsBackupRetentionLow());
        assertThat(results.findings()).isEmpty(); // never a pass: every rule that reads instances is not evaluated
        assertThat(OneScope.gaps(results)).containsExactly("AZ04 AWS::RDS::DBInstance ACCESS_DENIED",
                "AZ05 AWS::RDS::DBInstance ACCESS_DENIED", "DR01 AWS::RDS::DBInstance ACCESS_DENIED");
    }

    @Test
    void aThrottledPageIsRetriedAndARepeatingMarkerEndsAsAGapInsteadOfALoop() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.throttle().on("rds", "DescribeDBClusters").times(1));
        FAKE.inject(Fault.repeatingToken().on("rds", "DescribeDBInstances"));
        OneScope read = OneScope.collect(FAKE, new RdsCollector());
        assertThat(read.completeness().get(DbClusterMapper.TYPE)).isEmpty();
        assertThat(FAKE.calls().count("rds", "DescribeDBClusters")).isEqualTo(3);
        Completeness.Gap gap = read.completeness().get(DbInstanceMapper.TYPE).orElseThrow();
        assertThat(gap.reason()).isEqualTo(NotEvaluated.Reason.ERROR);
        assertThat(gap.detail()).contains("same pagination token twice");
        assertThat(read.arns()).noneMatch(a -> a.contains(":db:"));
    }

    @Test
    void theRulesPlaceEachInstanceAsTheTemplateWould() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        Results results = OneScope.collect(FAKE, new RdsCollector()).run(Config.defaults(), STACKS,
                new RdsInstanceNotMultiAz(), new AuroraClusterSingleInstance(), new RdsBackupRetentionLow());
        // orders: standalone and single-AZ; orders-ro: a replica (quiet for AZ04 and DR01 despite 0 days);
        // aurora-1/2: members, in two zones; lonely: an Aurora cluster without instances
        assertThat(OneScope.findings(results)).containsExactly("AZ04 " + ARN + "db:orders",
                "AZ05 " + ARN + "cluster:lonely");
        assertThat(results.notEvaluated()).isEmpty();
    }
}
