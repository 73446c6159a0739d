package dev.resilint.live.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.LiveAnalyzer;
import dev.resilint.live.ScanSettings;
import dev.resilint.live.fake.Call;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeConfig;
import dev.resilint.live.twin.Scans;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The aggregator in an account of its own, the resources in a member account: Config's types are
 * read from the aggregator's account alone, the others (with {@code --role-name}) by assuming the
 * role in the member account, and a role that cannot be assumed leaves only those others not
 * evaluated.
 */
class ConfigMixedTest {

    static final String AGGREGATOR = "999988887777";
    static final String MEMBER = ConfigTwinTest.ACCOUNT;
    static final String REGION = ConfigTwinTest.REGION;

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    @BeforeEach
    void serve() {
        FakeConfig config = FakeConfig.serve(FAKE, AGGREGATOR, REGION, "org");
        config.source(MEMBER, REGION, "SUCCEEDED");
        ConfigTwinTest.account(new TwinAccount(FAKE, config, MEMBER, REGION));
    }

    static ScanSettings mixed() {
        ScanSettings s = Scans.settings(FAKE, AGGREGATOR, new ScanSettings.Accounts.Caller(),
                Optional.of("ResilintScan"), List.of()).withReadTags(true);
        return s.withAggregator(new AggregatorSettings("org", REGION, AggregatorSettings.DEFAULT_MAX_AGE));
    }

    static Set<String> allRules() {
        return new TreeSet<>(new LiveAnalyzer(InfraRules.all()).rules().stream().map(RuleMetadata::id).toList());
    }

    @Test
    void configTypesComeFromTheAggregatorAccountTheOthersFromTheMemberRoleAndEveryRuleMatchesTheDirectScan() {
        Results direct = Scans.run(Scans.caller(FAKE, MEMBER, REGION).withReadTags(true));
        FAKE.calls().clear();
        Results mixed = Scans.run(mixed());
        assertThat(mixed.notEvaluated()).isEmpty();
        assertThat(ConfigTwinTest.lines(mixed, allRules())).isNotEmpty()
                .isEqualTo(ConfigTwinTest.lines(direct, allRules()));
        List<Call> calls = FAKE.calls().calls();
        assertThat(calls).filteredOn(c -> c.service().equals("config")).isNotEmpty()
                .allMatch(c -> c.account().equals(AGGREGATOR) && c.region().equals(REGION));
        assertThat(calls).filteredOn(c -> c.operation().equals("DescribeTargetGroups")).isNotEmpty()
                .allMatch(c -> c.account().equals(MEMBER));
        assertThat(calls).as("Config's types are not read again in the member")
                .noneMatch(c -> c.operation().equals("DescribeSubnets") || c.operation().equals("DescribeDBInstances"));
        assertThat(mixed.notes()).anyMatch(n -> n.contains("read directly in each account with --role-name ResilintScan"));
    }

    @Test
    void aRoleThatCannotBeAssumedLeavesOnlyTheDirectTypesNotEvaluated() {
        FAKE.account(MEMBER).denyAssumeRole("ResilintScan");
        Results mixed = Scans.run(mixed());
        Set<String> served = ConfigTwinTest.served();
        assertThat(mixed.notEvaluated()).isNotEmpty().noneMatch(n -> served.contains(n.ruleId()))
                .allMatch(n -> n.reason() == NotEvaluated.Reason.ACCESS_DENIED && n.scope().startsWith(MEMBER + "/"))
                .anyMatch(n -> n.resourceType().equals("AWS::ElasticLoadBalancingV2::TargetGroup"));
        assertThat(ConfigTwinTest.lines(mixed, served)).contains(ConfigTwinTest.lines(Scans.run(
                Scans.caller(FAKE, MEMBER, REGION).withReadTags(true)), served).toArray(String[]::new));
    }
}
