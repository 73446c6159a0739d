package dev.resilint.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.rules.az.AutoScalingGroupSingleAz;
import dev.resilint.infra.rules.sc.AsgMinSizeBelowTwo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectTest {

    /** A group in one zone (AZ01 on VPCZoneIdentifier, line 6), load balanced, MinSize 1 (SC01 on line 7). */
    private static final String GROUP = """
            Resources:
              A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  VPCZoneIdentifier: [!Ref A]%s
                  MinSize: '1'%s
                  MaxSize: '2'
                  TargetGroupARNs: [tg-arn]
            """;

    @TempDir
    Path dir;

    private static Finding at(String ruleId, int line) {
        return Finding.of(ruleId, Severity.WARNING, "m", new Location.Template("t.yaml", line, 1,
                "Resources/R", "R", "AWS::SQS::Queue"), "");
    }

    @Test
    void readsMarkersFromTrailingComments() {
        assertThat(Expect.markers("""
                a: 1  # expect AZ01
                b: [x, y] # expect  AZ01 AZ03
                c: '# expect XX01 is text'
                # expect MQ07
                d: 2 # a comment
                """)).isEqualTo(Map.of(1, List.of("AZ01"), 2, List.of("AZ01", "AZ03"), 4, List.of("MQ07")));
    }

    @Test
    void rejectsAMarkerWithoutIds() {
        assertThatThrownBy(() -> Expect.markers("a: 1\nb: 2  # expect az01\n"))
                .hasMessageContaining("malformed marker on line 2");
        assertThatThrownBy(() -> Expect.markers("a: 1 # expect\n")).hasMessageContaining("malformed marker on line 1");
    }

    @Test
    void passesWhenTheFindingsAreExactlyTheMarkedOnes() {
        String onlyAz01 = GROUP.formatted("  # expect AZ01", "");
        assertThat(Expect.findings(new AutoScalingGroupSingleAz(), onlyAz01)).extracting(Finding::ruleId)
                .containsExactly("AZ01");
        String both = GROUP.formatted("  # expect AZ01", "  # expect SC01");
        assertThat(Expect.analyzed(dir, both, "AZ01", "SC01")).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("AZ01", "SC01");
        assertThat(Expect.matching("a: 1 # expect AZ01 AZ01\n", List.of(at("AZ01", 1), at("AZ01", 1)))).hasSize(2);
        assertThat(Expect.matching("a: 1\n", List.of())).isEmpty();
    }

    @Test
    void failsOnAMissingFinding() {
        assertThatThrownBy(() -> Expect.findings(new AutoScalingGroupSingleAz(),
                GROUP.formatted("  # expect AZ01", "  # expect AZ01")))
                .hasMessageContaining("missing: line 7: AZ01").hasMessageNotContaining("extra")
                .hasMessageContaining("   7        MinSize: '1'  # expect AZ01");
        assertThatThrownBy(() -> Expect.matching("a: 1 # expect AZ01 AZ01\n", List.of(at("AZ01", 1))))
                .hasMessageContaining("missing: line 1: AZ01");
    }

    @Test
    void failsOnAnExtraFinding() {
        assertThatThrownBy(() -> Expect.analyzed(dir, GROUP.formatted("  # expect AZ01", ""), "AZ01", "SC01"))
                .hasMessageContaining("extra: line 7: SC01 at Resources/Group/Properties/MinSize: ")
                .hasMessageNotContaining("missing");
        assertThatThrownBy(() -> Expect.findings(new AsgMinSizeBelowTwo(), GROUP.formatted("", "")))
                .hasMessageContaining("extra: line 7: SC01");
    }

    @Test
    void failsOnAFindingOfAnotherRuleOrLine() {
        assertThatThrownBy(() -> Expect.matching("a: 1 # expect AZ01\nb: 2\n", List.of(at("AZ03", 1))))
                .hasMessageContaining("missing: line 1: AZ01").hasMessageContaining("extra: line 1: AZ03");
        assertThatThrownBy(() -> Expect.matching("a: 1 # expect AZ01\nb: 2\n", List.of(at("AZ01", 2))))
                .hasMessageContaining("missing: line 1: AZ01").hasMessageContaining("extra: line 2: AZ01");
    }
}
