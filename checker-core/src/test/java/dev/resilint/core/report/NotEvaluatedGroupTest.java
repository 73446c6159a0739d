package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotEvaluatedGroupTest {

    @Test
    void oneGroupPerScopeTypeSubjectReasonAndDetailWithItsRulesSorted() {
        List<NotEvaluatedGroup> groups = NotEvaluatedGroup.of(ReportFixtures.gaps());
        assertThat(groups).extracting(g -> g.scope() + " " + g.resourceType() + " " + g.rules()).containsExactly(
                "123456789012/eu-west-1 AWS::EC2::Subnet [AZ04, LB01]",
                "123456789012/eu-west-1 AWS::RDS::DBInstance [AZ04]",
                "123456789012/us-east-1 AWS::ElasticLoadBalancingV2::LoadBalancer [LB01]",
                ReportFixtures.DB + " AWS::ElastiCache::CacheCluster [CA01]");
    }

    @Test
    void aDifferentDetailOrSubjectIsAnotherGroup() {
        String scope = "123456789012/eu-west-1";
        List<NotEvaluatedGroup> groups = NotEvaluatedGroup.of(List.of(
                new NotEvaluated("AZ01", scope, "AWS::EC2::Subnet", NotEvaluated.Reason.ERROR, "timeout", ""),
                new NotEvaluated("AZ02", scope, "AWS::EC2::Subnet", NotEvaluated.Reason.ERROR, "HTTP 500", ""),
                new NotEvaluated("AZ03", scope, "AWS::EC2::Subnet", NotEvaluated.Reason.ERROR, "timeout", "arn:x")));
        assertThat(groups).extracting(NotEvaluatedGroup::detail, NotEvaluatedGroup::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("HTTP 500", ""),
                org.assertj.core.groups.Tuple.tuple("timeout", ""),
                org.assertj.core.groups.Tuple.tuple("timeout", "arn:x"));
        assertThat(NotEvaluatedGroup.of(List.of())).isEmpty();
    }

    @Test
    void onlyAnAccountAndRegionScopeIsSplit() {
        assertThat(group("123456789012/eu-west-1").accountRegion())
                .contains(new NotEvaluatedGroup.AccountRegion("123456789012", "eu-west-1"));
        assertThat(group("123456789012/us-gov-west-1").accountRegion()).isPresent();
        assertThat(group("stacks/db.yaml").accountRegion()).isEmpty();
        assertThat(group("12345/eu-west-1").accountRegion()).isEmpty();
        assertThat(group("123456789012/eu-west-1/extra").accountRegion()).isEmpty();
        assertThat(group("123456789012").accountRegion()).isEmpty();
    }

    private static NotEvaluatedGroup group(String scope) {
        return new NotEvaluatedGroup(scope, "AWS::EC2::Subnet", "", NotEvaluated.Reason.ERROR, "", List.of("AZ01"));
    }
}
