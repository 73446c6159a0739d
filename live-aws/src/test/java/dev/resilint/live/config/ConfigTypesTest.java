package dev.resilint.live.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.Collectors;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every type the direct collectors read has its place in the aggregator source: queryable, not
 * queryable, or synthesized, exactly one of them, so that a new collector cannot leave the aggregator
 * giving a wrong reason for a gap.
 */
class ConfigTypesTest {

    @Test
    void everyCollectedTypeIsQueryableNotQueryableOrSynthesizedAndNothingElseIsListed() {
        Set<String> listed = new TreeSet<>();
        for (Set<String> part : java.util.List.of(ConfigTypes.QUERYABLE, ConfigTypes.NOT_QUERYABLE, ConfigTypes.SYNTHESIZED)) {
            part.forEach(t -> assertThat(listed.add(t)).as("%s is listed twice", t).isTrue());
        }
        assertThat(listed).containsExactlyElementsOf(new TreeSet<>(Collectors.types()));
    }

    @Test
    void everyMappedTypeIsQueryableOrAnInlinePartOfOne() {
        ConfigTypes.adapters().values().forEach(a -> assertThat(ConfigTypes.QUERYABLE).contains(a.type()));
    }

    @Test
    void aGapSaysWhetherConfigCannotQueryTheTypeOrResilintDoesNotMapItYet() {
        assertThat(ConfigTypes.whyNot("AWS::AmazonMQ::Broker")).contains("does not map");
        assertThat(ConfigTypes.whyNot("AWS::ElasticLoadBalancingV2::TargetGroup")).contains("cannot query");
    }
}
