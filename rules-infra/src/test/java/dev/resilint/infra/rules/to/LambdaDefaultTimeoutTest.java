package dev.resilint.infra.rules.to;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaDefaultTimeoutTest {

    private static final String HEADER = """
            Parameters:
              Timeout: {Type: Number}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    private static List<Finding> function(String properties) {
        return function("", properties);
    }

    /** A function Fn with {@code properties}; {@code marker} goes on its Properties line (10). */
    private static List<Finding> function(String marker, String properties) {
        return Expect.findings(new LambdaDefaultTimeout(), HEADER + """
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:%s
                      Runtime: python3.12
                      Handler: app.handler
                      Role: arn:aws:iam::123456789012:role/fn
                      Code: {ZipFile: 'def handler(e, c): pass'}
                """.formatted(marker) + properties.indent(6));
    }

    @Test
    void firesWithoutTimeout() {
        assertThat(function("  # expect TO01", "")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("TO01");
            assertThat(f.message()).isEqualTo("Lambda function Fn has no Timeout (default 3 s), so it fails under load "
                    + "or on a cold start when a dependency is slow, while nobody chose that limit; set Timeout to the "
                    + "time its slowest legitimate invocation needs, below its callers' timeouts");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Fn/Properties/Timeout");
            assertThat(loc.line()).isEqualTo(10);
            assertThat(loc.column()).isEqualTo(5);
        });
        assertThat(function("Timeout: !Ref AWS::NoValue  # expect TO01\n")).hasSize(1);
    }

    @Test
    void quietWithAnyExplicitOrUnknownTimeout() {
        assertThat(function("Timeout: 30\n")).isEmpty();
        assertThat(function("Timeout: 3\n")).isEmpty();
        assertThat(function("Timeout: !Ref Timeout\n")).isEmpty();
        assertThat(function("Timeout: !If [Prod, 10, !Ref AWS::NoValue]\n")).isEmpty();
    }

    @Test
    void functionsNeverCreatedAreNotJudged() {
        assertThat(Expect.findings(new LambdaDefaultTimeout(), HEADER + """
                  Fn:
                    Type: AWS::Lambda::Function
                    Condition: Never
                    Properties: {Runtime: python3.12, Handler: a.b, Role: r, Code: {ZipFile: x}}
                """)).isEmpty();
    }

    @Test
    void judgesSamFunctionsWithTheirGlobals(@TempDir Path dir) {
        List<Finding> findings = Expect.analyzed(dir, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Plain:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}  # expect TO01
                  Timed:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/, Timeout: 20}
                """, "TO01");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .contains("set Timeout (on the function or in Globals.Function) to"));
        Expect.analyzed(dir, """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function: {Timeout: 15}
                Resources:
                  Plain:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
                """, "TO01");
    }
}
