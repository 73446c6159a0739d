package dev.resilint.infra.rules.lb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsFailoverWeakTest {

    private static final String HEADER = """
            Parameters:
              Check: {Type: String}
              Ttl: {Type: Number}
            Conditions:
              Prod: !Equals [!Ref Check, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** The marker for a finding on the Properties key (line 10) of {@link #record}. */
    private static final String ON_PROPERTIES = "  # expect LB06";

    private static List<Finding> record(String properties) {
        return record("", properties);
    }

    /** A record set Primary with {@code properties} from line 14; {@code marker} goes on its Properties line. */
    private static List<Finding> record(String marker, String properties) {
        return Expect.findings(new DnsFailoverWeak(), HEADER + """
                  Primary:
                    Type: AWS::Route53::RecordSet
                    Properties:%s
                      HostedZoneName: example.com.
                      Name: api.example.com.
                      Type: A
                """.formatted(marker) + properties.indent(6));
    }

    private static String path(Finding f) {
        return ((Location.Template) f.location()).logicalPath();
    }

    @Test
    void firesOnAPrimaryWithoutHealthCheck() {
        assertThat(record("SetIdentifier: one\nFailover: PRIMARY  # expect LB06\nTTL: '60'\n"
                + "ResourceRecords: [192.0.2.1]\n")).singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("LB06");
                    assertThat(f.message()).isEqualTo("Route 53 record Primary (api.example.com.) is the primary of a "
                            + "failover pair but has no HealthCheckId, so Route 53 always considers it healthy and "
                            + "never answers with the secondary; add a HealthCheckId (an AWS::Route53::HealthCheck of "
                            + "its endpoint)");
                    Location.Template loc = (Location.Template) f.location();
                    assertThat(loc.logicalPath()).isEqualTo("Resources/Primary/Properties/Failover");
                    assertThat(loc.line()).isEqualTo(15);
                    assertThat(loc.column()).isEqualTo(7);
                });
    }

    @Test
    void firesOnAnAliasThatDoesNotEvaluateTargetHealth() {
        assertThat(record("SetIdentifier: one\nFailover: PRIMARY\n"
                + "AliasTarget: {DNSName: lb.example.com, HostedZoneId: Z1}  # expect LB06\n")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("but has an alias whose AliasTarget.EvaluateTargetHealth is not "
                            + "set (default false)").endsWith("set AliasTarget.EvaluateTargetHealth: true or add a "
                            + "HealthCheckId");
                    assertThat(path(f)).endsWith("Properties/AliasTarget");
                });
        assertThat(record("SetIdentifier: one\nFailover: PRIMARY\n"
                + "AliasTarget: {DNSName: lb.example.com, HostedZoneId: Z1, EvaluateTargetHealth: true}\n")).isEmpty();
    }

    @Test
    void firesOnAFailoverTtlOverAMinute() {
        assertThat(record("SetIdentifier: two\nFailover: SECONDARY\nTTL: 300  # expect LB06\n"
                + "ResourceRecords: [192.0.2.2]\n")).singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo("Route 53 record Primary (api.example.com.) is a secondary "
                            + "failover record with TTL: 300, so resolvers keep serving the old answer for up to 300 s "
                            + "after a failover; set TTL to 60 or less");
                    assertThat(path(f)).endsWith("Properties/TTL");
                });
        assertThat(record("SetIdentifier: one\nFailover: PRIMARY  # expect LB06\nTTL: 900  # expect LB06\n"
                + "ResourceRecords: [192.0.2.1]\n")).hasSize(2);
    }

    @Test
    void quietOnHealthCheckedFailoverAndOnOtherRecords() {
        assertThat(record("SetIdentifier: one\nFailover: PRIMARY\nHealthCheckId: hc-1234\nTTL: 60\n"
                + "ResourceRecords: [192.0.2.1]\n")).isEmpty();
        assertThat(record("SetIdentifier: two\nFailover: SECONDARY\nTTL: 30\nResourceRecords: [192.0.2.2]\n"))
                .isEmpty();
        assertThat(record("TTL: 3600\nResourceRecords: [192.0.2.1]\n")).isEmpty();
    }

    @Test
    void quietWhenTheDecidingValuesAreUnknown() {
        assertThat(record("SetIdentifier: one\nFailover: !Ref Check\nTTL: 900\n")).isEmpty();
        assertThat(record("SetIdentifier: one\nFailover: PRIMARY\nHealthCheckId: !If [Prod, hc-1, !Ref AWS::NoValue]\n"
                + "TTL: !Ref Ttl\n")).isEmpty();
        assertThat(record("SetIdentifier: one\nFailover: PRIMARY\nHealthCheckId: !ImportValue shared-check\n"))
                .isEmpty();
    }

    @Test
    void judgesTheEntriesOfARecordSetGroup() {
        List<Finding> findings = Expect.findings(new DnsFailoverWeak(), HEADER + """
                  Records:
                    Type: AWS::Route53::RecordSetGroup
                    Properties:
                      HostedZoneName: example.com.
                      RecordSets:
                        - Name: api.example.com.
                          Type: A
                          SetIdentifier: one
                          Failover: PRIMARY  # expect LB06
                          TTL: 60
                          ResourceRecords: [192.0.2.1]
                        - Name: api.example.com.
                          Type: A
                          SetIdentifier: two
                          Failover: SECONDARY
                          TTL: 120  # expect LB06
                          ResourceRecords: [192.0.2.2]
                        - !If [Prod, {Name: x.example.com., Type: A, Failover: PRIMARY}, !Ref AWS::NoValue]
                """);
        assertThat(findings).extracting(Finding::message).containsExactly(
                "Route 53 record api.example.com. one of Records is the primary of a failover pair but has no "
                        + "HealthCheckId, so Route 53 always considers it healthy and never answers with the secondary; "
                        + "add a HealthCheckId (an AWS::Route53::HealthCheck of its endpoint)",
                "Route 53 record api.example.com. two of Records is a secondary failover record with TTL: 120, so "
                        + "resolvers keep serving the old answer for up to 120 s after a failover; set TTL to 60 or "
                        + "less");
    }

    @Test
    void recordsNeverCreatedAreNotJudged() {
        assertThat(Expect.findings(new DnsFailoverWeak(), HEADER + """
                  Primary:
                    Type: AWS::Route53::RecordSet
                    Condition: Never
                    Properties: {Name: a.example.com., Type: A, SetIdentifier: one, Failover: PRIMARY, TTL: 900}
                """)).isEmpty();
    }
}
