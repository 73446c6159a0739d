package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementTest {

    @Test
    void zonesAreComparedOnlyWithZonesWrittenTheSameWay() {
        Placement symbolic = Placement.zones(List.of(Set.of("az[0]")), "n");
        assertThat(symbolic.outcome("az[0]")).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(symbolic.outcome("az[1]")).isEqualTo(Outcome.SURVIVES);
        assertThat(symbolic.outcome("eu-west-1a")).isEqualTo(Outcome.UNKNOWN);
        assertThat(symbolic.outcome("az[0]@us-west-2")).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void possibilitiesThatOnlyDifferInCapacityLoseCapacity() {
        Placement p = Placement.zones(List.of(Set.of("az[0]", "az[1]"), Set.of("az[1]", "az[2]")), "n");
        assertThat(p.outcome("az[0]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(p.outcome("az[3]")).isEqualTo(Outcome.SURVIVES);
        assertThat(p.worstCase()).isEqualTo(Outcome.LOSES_CAPACITY);
    }

    @Test
    void oneZoneAmongCandidatesSurvivesOnlyZonesOutsideThem() {
        Placement p = Placement.oneOf(Set.of("az[0]", "az[1]"), "n");
        assertThat(p.outcome("az[0]")).isEqualTo(Outcome.UNKNOWN);
        assertThat(p.outcome("az[2]")).isEqualTo(Outcome.SURVIVES);
        assertThat(p.worstCase()).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(Placement.oneOf(Set.of(), "n").outcome("az[2]")).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void zonesSortByIndexThenLiteralNames() {
        Placement p = Placement.perZone(Map.of("az[10]", Outcome.SURVIVES, "az[2]", Outcome.SURVIVES,
                "eu-west-1a", Outcome.SURVIVES), "n");
        assertThat(p.zonesNamed()).containsExactly("az[2]", "az[10]", "eu-west-1a");
    }
}
