package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake as a JUnit extension: reset after each test (failing it on problems when strict), closed after all. */
class FakeAwsExtensionTest {

    @Test
    void aStrictFakeFailsTheTestAfterWhichItHoldsProblemsAndIsResetAnyway() {
        try (FakeAws fake = FakeAws.start().strict()) {
            fake.account("111122223333").region("eu-west-1").items("sqs", "ListQueues", List.of("https://sqs.eu-west-1.amazonaws.com/111122223333/q"));
            fake.problem("no route for GET /nowhere");

            assertThatThrownBy(() -> fake.afterEach(null)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("no route for GET /nowhere");
            assertThat(fake.problems()).isEmpty();
            assertThat(fake.existingAccount("111122223333")).isNull();
        }
    }

    @Test
    void aFakeThatIsNotStrictOnlyResets() {
        try (FakeAws fake = FakeAws.start()) {
            fake.problem("no route for GET /nowhere");

            assertThatCode(() -> fake.afterEach(null)).doesNotThrowAnyException();
            assertThat(fake.problems()).isEmpty();
        }
    }
}
