package dev.resilint.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.collect.Collector;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The registry's list of types, kept apart so that the rule catalog does not load the collectors. */
class CollectorsTest {

    @Test
    void theTypesListedAreExactlyTheTypesTheCollectorsRead() {
        Set<String> read = new TreeSet<>();
        for (Collector c : Collectors.all()) {
            read.addAll(c.types());
        }
        assertThat(Collectors.types()).containsExactlyElementsOf(read);
    }

    @Test
    void eachTypeHasOneCollector() {
        Set<String> seen = new TreeSet<>();
        for (Collector c : Collectors.all()) {
            assertThat(c.types()).as(c.getClass().getSimpleName()).allSatisfy(t -> assertThat(seen.add(t))
                    .as("%s is read by a second collector", t).isTrue());
        }
    }
}
