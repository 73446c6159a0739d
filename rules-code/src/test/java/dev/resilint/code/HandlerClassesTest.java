package dev.resilint.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.budget.HandlerTimeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TO03's code side on the fixtures of {@code dev.resilint.code.fixtures.budget}, compiled against
 * the real SDK: what one SDK call may take, read from constants, and unknown wherever a setting
 * is not one. The join with templates is tested in the command line's {@code CheckClassesFlowTest}.
 */
class HandlerClassesTest {

    private static final String P = "dev.resilint.code.fixtures.budget.";
    private static final HandlerClasses CLASSES = new HandlerClasses(List.of(Path.of("target/test-classes")));

    @Test
    void attemptsTimesTheAttemptTimeoutWhenThereIsNoCallTimeout() {
        HandlerTimeouts t = CLASSES.read(P + "RetriesCounted").orElseThrow();
        assertThat(t.longestCall()).contains(Duration.ofSeconds(10));
        assertThat(t.setting()).isEqualTo("apiCallAttemptTimeout 2 s x 5 attempts");
        assertThat(t.className()).isEqualTo(P + "RetriesCounted");
        assertThat(t.member()).isEqualTo("<clinit>");
        assertThat(t.file()).isEqualTo("RetriesCounted.java");
        assertThat(t.line()).isEqualTo(11);
    }

    @Test
    void theCallTimeoutBoundsTheAttemptsWhenItIsShorter() {
        HandlerTimeouts t = CLASSES.read(P + "BothTimeouts").orElseThrow();
        assertThat(t.longestCall()).contains(Duration.ofSeconds(8));
        assertThat(t.setting()).isEqualTo("apiCallTimeout 8 s");
    }

    @Test
    void settingsThatAreNotConstantsOrNotTheSdksLeaveTheHandlerUnknown() {
        assertThat(CLASSES.read(P + "AttemptsFromConfig")).isEmpty();
        assertThat(CLASSES.read(P + "TimeoutFromConfig")).isEmpty();
        assertThat(CLASSES.read(P + "HttpTimeoutsOnly")).isEmpty();
        assertThat(CLASSES.read(P + "NoClients")).isEmpty();
        assertThat(CLASSES.read(P + "NotCompiledAnywhere")).isEmpty();
    }

    @Test
    void aClientWithoutAnySdkTimeoutIsUnbounded() {
        Optional<HandlerTimeouts> t = CLASSES.read("dev.resilint.code.fixtures.firing.SdkClients");
        assertThat(t).hasValueSatisfying(v -> {
            assertThat(v.longestCall()).isEmpty();
            assertThat(v.setting()).isEqualTo("DynamoDbClientBuilder.build()");
            assertThat(v.member()).isEqualTo("builder");
        });
    }

    @Test
    void pathsThatAreNeitherDirectoriesNorJarsAreNamed() {
        assertThat(HandlerClasses.problem(Path.of("target/test-classes"))).isEmpty();
        assertThat(HandlerClasses.problem(Path.of("no-such-dir"))).contains("no such class directory or jar");
        assertThat(HandlerClasses.problem(Path.of("pom.xml"))).contains("not a class directory or jar");
    }
}
