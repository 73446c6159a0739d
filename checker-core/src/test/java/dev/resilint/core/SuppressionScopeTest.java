package dev.resilint.core;

import static dev.resilint.core.testing.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SuppressionScopeTest {

    private static boolean globCovers(String glob, String file) {
        return new SuppressionScope.PathGlob(glob).covers(at(file, 1, "Resources/X"));
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "legacy/**,        legacy/app.yaml,          true",
        "legacy/**,        legacy/eu/west/app.yaml,  true",
        "legacy/**,        src/legacy/app.yaml,      false",
        "legacy/**,        legacyx/app.yaml,         false",
        "**/*.yaml,        stack.yaml,               true",
        "**/*.yaml,        a/b/stack.yaml,           true",
        "**/*.yaml,        a/b/stack.json,           false",
        "**/*.yaml,        a/stack.yaml.bak,         false",
        "*.yaml,           stack.yaml,               true",
        "*.yaml,           a/stack.yaml,             false",
        "stacks/**/db.yaml, stacks/db.yaml,          true",
        "stacks/**/db.yaml, stacks/eu/prod/db.yaml,  true",
        "stacks/**/db.yaml, stacks/eu/prod/web.yaml, false",
        "stacks/*/db.yaml, stacks/eu/db.yaml,        true",
        "stacks/*/db.yaml, stacks/eu/prod/db.yaml,   false",
        "stack?.yaml,      stack1.yaml,              true",
        "stack?.yaml,      stack12.yaml,             false",
        "stack[0-3].yaml,  stack2.yaml,              true",
        "stack[0-3].yaml,  stack7.yaml,              false",
        "stack[!0-3].yaml, stack7.yaml,              true",
        "stack[!0-3].yaml, stack2.yaml,              false",
        "'*.{yaml,yml}',   a.yml,                    true",
        "'*.{yaml,yml}',   a.json,                   false",
        "'a+b (1).yaml',   'a+b (1).yaml',           true",
        "'a+b (1).yaml',   'aab (1).yaml',           false",
        "Stack.yaml,       stack.yaml,               false",
    })
    void pathGlobs(String glob, String file, boolean expected) {
        assertThat(globCovers(glob, file)).isEqualTo(expected);
    }

    @Test
    void aClassWithoutSourceFileIsMatchedByItsSlashedName() {
        SuppressionScope scope = new SuppressionScope.PathGlob("com/acme/legacy/**");
        assertThat(scope.covers(new Location.Code("com.acme.legacy.Old", "run", "", 0))).isTrue();
        assertThat(scope.covers(new Location.Code("com.acme.fresh.New", "run", "", 0))).isFalse();
        assertThat(new SuppressionScope.PathGlob("src/main/java/com/acme/**")
                .covers(new Location.Code("com.acme.X", "run", "src/main/java/com/acme/X.java", 4))).isTrue();
    }

    @Test
    void liveResourcesAreMatchedByArn() {
        SuppressionScope scope = new SuppressionScope.PathGlob("arn:aws:rds:*:123456789012:db:legacy-*");
        assertThat(scope.covers(new Location.Live("arn:aws:rds:eu-west-1:123456789012:db:legacy-orders", "", "", "")))
                .isTrue();
        assertThat(scope.covers(new Location.Live("arn:aws:rds:eu-west-1:123456789012:db:orders", "", "", "")))
                .isFalse();
    }

    @Test
    void aLocationWithoutFileIsNotCovered() {
        assertThat(new SuppressionScope.PathGlob("**").covers(at("", 0, "Resources/X"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy/[ab", "a/{b,c", "a/b}", "a/{b,{c,d}}", "trailing\\"})
    void invalidGlobsAreRejectedWhenTheScopeIsMade(String glob) {
        assertThatThrownBy(() -> new SuppressionScope.PathGlob(glob)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid glob '" + glob + "': ");
    }

    @Test
    void resourceScope() {
        SuppressionScope s = new SuppressionScope.Resource("stack.yaml", "Db");
        assertThat(s.covers(at("stack.yaml", 4, "Resources/Db/Properties/MultiAZ"))).isTrue();
        assertThat(s.covers(at("stack.yaml", 4, "Resources/DbReplica"))).isFalse();
        assertThat(s.covers(at("stack.yaml", 4, "Outputs/Db"))).isFalse();
        assertThat(s.covers(new Location.Code("Db", "", "stack.yaml", 1))).isFalse();
        assertThat(s.describe()).isEqualTo("stack.yaml resource Db");
    }

    @Test
    void fileScope() {
        SuppressionScope s = new SuppressionScope.File("stack.yaml");
        assertThat(s.covers(at("stack.yaml", 4, "Outputs/Db"))).isTrue();
        assertThat(s.covers(at("sub/stack.yaml", 4, "Outputs/Db"))).isFalse();
        assertThat(s.describe()).isEqualTo("stack.yaml");
    }

    @Test
    void codeElementScopeForAClass() {
        SuppressionScope s = new SuppressionScope.CodeElement("com.acme.Client", null);
        assertThat(s.covers(new Location.Code("com.acme.Client", "", "", 0))).isTrue();
        assertThat(s.covers(new Location.Code("com.acme.Client", "call", "", 0))).isTrue();
        assertThat(s.covers(new Location.Code("com.acme.Client$Inner", "call", "", 0))).isTrue();
        assertThat(s.covers(new Location.Code("com.acme.Client$Inner$Deeper", "", "", 0))).isTrue();
        assertThat(s.covers(new Location.Code("com.acme.Client$1", "run", "", 0))).isTrue();
        assertThat(s.covers(new Location.Code("com.acme.ClientFactory", "call", "", 0))).isFalse();
        assertThat(s.covers(new Location.Code("com.acme", "Client", "", 0))).isFalse();
        assertThat(s.covers(at("com.acme.Client", 1, "Resources/X"))).isFalse();
        assertThat(s.describe()).isEqualTo("com.acme.Client");
    }

    @Test
    void codeElementScopeForAMember() {
        SuppressionScope s = new SuppressionScope.CodeElement("com.acme.Client", "call");
        assertThat(s.covers(new Location.Code("com.acme.Client", "call", "", 0))).isTrue();
        assertThat(s.covers(new Location.Code("com.acme.Client", "send", "", 0))).isFalse();
        assertThat(s.covers(new Location.Code("com.acme.Client", "", "", 0))).isFalse();
        assertThat(s.describe()).isEqualTo("com.acme.Client#call");
    }
}
