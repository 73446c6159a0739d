package dev.resilint.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.collect.Collector;
import org.junit.jupiter.api.Test;

/** Every collector declares only read-only actions, each of its own service, and the policy ships them all. */
class ReadOnlyActionsTest {

    @Test
    void everyActionOfEveryCollectorIsReadOnlyAndInThePolicy() {
        for (Collector c : Collectors.all()) {
            assertThat(c.actions()).as(c.getClass().getSimpleName()).allSatisfy(a ->
                    assertThat(a).matches("[a-z0-9-]+:(List|Get|Describe|BatchGet)[A-Za-z0-9]*|apigateway:GET"));
            assertThat(IamPolicy.actions()).containsAll(c.actions());
        }
    }
}
