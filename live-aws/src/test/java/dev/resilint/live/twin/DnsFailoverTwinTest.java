package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAccount;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * LB06 on Route 53 failover records: a primary without a health check and with a long TTL, its
 * secondary, an alias primary that evaluates its target's health and one that does not, a primary
 * with a health check, and a simple record with a long TTL, written as a template and served by the
 * fake account's hosted zones (Route 53 is global: the account's global scope): the same findings;
 * and when the records cannot be listed, LB06 is not evaluated instead of passing.
 */
class DnsFailoverTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ZONE = "Z0123456789ABCDEFGHIJ";
    static final String RECORDS = "arn:aws:route53:::hostedzone/" + ZONE + "/recordset/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              ApiPrimary:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneId: Z0123456789ABCDEFGHIJ
                  Name: api.example.com.
                  Type: A
                  SetIdentifier: primary
                  Failover: PRIMARY
                  TTL: '300'
                  ResourceRecords: [192.0.2.10]
              ApiSecondary:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneId: Z0123456789ABCDEFGHIJ
                  Name: api.example.com.
                  Type: A
                  SetIdentifier: secondary
                  Failover: SECONDARY
                  TTL: '60'
                  ResourceRecords: [198.51.100.10]
              WebPrimary:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneId: Z0123456789ABCDEFGHIJ
                  Name: web.example.com.
                  Type: A
                  SetIdentifier: web-eu
                  Failover: PRIMARY
                  AliasTarget:
                    DNSName: web-eu-123.eu-west-1.elb.amazonaws.com.
                    HostedZoneId: Z32O12XQLNTSW2
                    EvaluateTargetHealth: true
              AppPrimary:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneId: Z0123456789ABCDEFGHIJ
                  Name: app.example.com.
                  Type: A
                  SetIdentifier: app-eu
                  Failover: PRIMARY
                  AliasTarget:
                    DNSName: app-eu-123.eu-west-1.elb.amazonaws.com.
                    HostedZoneId: Z32O12XQLNTSW2
                    EvaluateTargetHealth: false
              DbPrimary:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneId: Z0123456789ABCDEFGHIJ
                  Name: db.example.com.
                  Type: CNAME
                  SetIdentifier: db-a
                  Failover: PRIMARY
                  HealthCheckId: 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
                  TTL: '30'
                  ResourceRecords: [db-a.example.com]
              Plain:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneId: Z0123456789ABCDEFGHIJ
                  Name: www.example.com.
                  Type: A
                  TTL: '3600'
                  ResourceRecords: [192.0.2.80]
            """;

    private static Map<String, Object> record(String name, String type, String setId, String failover, Long ttl,
            Map<String, Object> more) {
        Map<String, Object> r = Trees.map("Name", name, "Type", type);
        if (setId != null) {
            r.put("SetIdentifier", setId);
            r.put("Failover", failover);
        }
        if (ttl != null) {
            r.put("TTL", ttl);
        }
        r.putAll(more);
        return r;
    }

    private static Map<String, Object> values(String... values) {
        return Map.of("ResourceRecords", java.util.Arrays.stream(values).map(v -> Map.of("Value", v)).toList());
    }

    /** The same records as the account's zone serves them, with the zone's own NS and SOA, and two other zones. */
    static void serve(FakeAccount account) {
        account.items("route53", "ListHostedZones", List.of(
                Map.of("Id", "/hostedzone/" + ZONE, "Name", "example.com.", "CallerReference", "r1",
                        "Config", Map.of("PrivateZone", false), "ResourceRecordSetCount", 8),
                Map.of("Id", "/hostedzone/Z2EMPTY", "Name", "example.org.", "CallerReference", "r2"),
                Map.of("Id", "/hostedzone/Z3INTERNAL", "Name", "internal.", "CallerReference", "r3",
                        "Config", Map.of("PrivateZone", true))));
        account.items("route53", "ListResourceRecordSets", "HostedZoneId", ZONE, List.of(
                record("example.com.", "NS", null, null, 172800L, values("ns-1.awsdns-00.com.")),
                record("example.com.", "SOA", null, null, 900L, values("ns-1.awsdns-00.com. hostmaster 1 7200 900 1209600 86400")),
                record("api.example.com.", "A", "primary", "PRIMARY", 300L, values("192.0.2.10")),
                record("api.example.com.", "A", "secondary", "SECONDARY", 60L, values("198.51.100.10")),
                record("app.example.com.", "A", "app-eu", "PRIMARY", null, Map.of("AliasTarget", Map.of(
                        "DNSName", "app-eu-123.eu-west-1.elb.amazonaws.com.", "HostedZoneId", "Z32O12XQLNTSW2",
                        "EvaluateTargetHealth", false))),
                record("db.example.com.", "CNAME", "db-a", "PRIMARY", 30L, Trees.map("HealthCheckId",
                        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "ResourceRecords",
                        List.of(Map.of("Value", "db-a.example.com")))),
                record("web.example.com.", "A", "web-eu", "PRIMARY", null, Map.of("AliasTarget", Map.of(
                        "DNSName", "web-eu-123.eu-west-1.elb.amazonaws.com.", "HostedZoneId", "Z32O12XQLNTSW2",
                        "EvaluateTargetHealth", true))),
                record("www.example.com.", "A", null, null, 3600L, values("192.0.2.80"))));
    }

    private static Twin twin() {
        return Twin.of(TEMPLATE).is("ApiPrimary", RECORDS + "api.example.com./A/primary")
                .is("ApiSecondary", RECORDS + "api.example.com./A/secondary")
                .is("WebPrimary", RECORDS + "web.example.com./A/web-eu")
                .is("AppPrimary", RECORDS + "app.example.com./A/app-eu")
                .is("DbPrimary", RECORDS + "db.example.com./CNAME/db-a")
                .is("Plain", RECORDS + "www.example.com./A");
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT));

        var findings = twin().assertSame(dir, FAKE, ACCOUNT, REGION);

        assertThat(findings).containsExactly("LB06 ApiPrimary", "LB06 AppPrimary");
        // pages of 2: three zones in two pages, eight records of the first zone in four
        assertThat(FAKE.calls().count("route53", "ListHostedZones")).isEqualTo(2);
        assertThat(FAKE.calls().count("route53", "ListResourceRecordSets")).isEqualTo(6);
        assertThat(dev.resilint.live.IamPolicy.actions()).contains("route53:ListHostedZones",
                "route53:ListResourceRecordSets");
    }

    @Test
    void theLiveFindingsAreLocatedAtTheRecordsInTheGlobalScopeWithTheTemplatesMessages() {
        serve(FAKE.account(ACCOUNT));

        Results live = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        List<Finding> lb06 = live.findings().stream().filter(f -> f.ruleId().equals("LB06"))
                .sorted(java.util.Comparator.comparing(Finding::message)).toList();
        assertThat(lb06).extracting(Finding::message).containsExactly(
                "Route 53 record api.example.com. A primary (api.example.com.) is a primary failover record with "
                        + "TTL: 300, so resolvers keep serving the old answer for up to 300 s after a failover; set "
                        + "TTL to 60 or less",
                "Route 53 record api.example.com. A primary (api.example.com.) is the primary of a failover pair "
                        + "but has no HealthCheckId, so Route 53 always considers it healthy and never answers with "
                        + "the secondary; add a HealthCheckId (an AWS::Route53::HealthCheck of its endpoint)",
                "Route 53 record app.example.com. A app-eu (app.example.com.) is the primary of a failover pair but "
                        + "has an alias whose AliasTarget.EvaluateTargetHealth is false, so Route 53 always considers "
                        + "it healthy and never answers with the secondary; set AliasTarget.EvaluateTargetHealth: true "
                        + "or add a HealthCheckId");
        assertThat(lb06).allSatisfy(f -> {
            Location.Live at = (Location.Live) f.location();
            assertThat(at.account()).isEqualTo(ACCOUNT);
            assertThat(at.resourceType()).isEqualTo("AWS::Route53::RecordSet");
        });
    }

    @Test
    void recordsThatCannotBeListedLeaveLb06NotEvaluatedAndPassNothing() {
        serve(FAKE.account(ACCOUNT));
        FAKE.inject(Fault.error(new AwsError("AccessDenied", 403, "User is not authorized to perform: "
                + "route53:ListResourceRecordSets")).on("route53", "ListResourceRecordSets"));

        Results live = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(live.findings()).noneMatch(f -> f.ruleId().equals("LB06"));
        assertThat(live.notEvaluated()).filteredOn(n -> n.ruleId().equals("LB06")).singleElement().satisfies(n -> {
            assertThat(n.resourceType()).isEqualTo("AWS::Route53::RecordSet");
            assertThat(n.reason()).isEqualTo(dev.resilint.core.NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("ListResourceRecordSets");
        });
    }
}
