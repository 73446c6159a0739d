package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resilint check TEMPLATE --classes DIR|JAR} end to end: TO03 joins each Java function's
 * {@code Handler} and {@code Timeout} with the SDK timeouts its compiled handler class sets (the
 * classes of {@code dev.resilint.cli.handlers}, compiled against the real SDK), and reports only
 * where both sides are known.
 */
class CheckClassesFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** This module's compiled test classes, where the handler fixtures are. */
    private static final Path CLASSES = Path.of("target/test-classes").toAbsolutePath();
    private static final String H = "dev.resilint.cli.handlers.";

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              FnTimeout:
                Type: Number
            Resources:
              Slow:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
                  Handler: %1$sSlowCallHandler::handleRequest
                  Timeout: 10
                  Role: arn:aws:iam::111122223333:role/fn
                  Code: {S3Bucket: artifacts, S3Key: slow.jar}
              Unbounded:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java17
                  Handler: %1$sNoTimeoutHandler
                  Role: arn:aws:iam::111122223333:role/fn
                  Code: {S3Bucket: artifacts, S3Key: unbounded.jar}
              Attempts:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
                  Handler: %1$sAttemptsHandler::handleRequest
                  Timeout: 10
                  Role: arn:aws:iam::111122223333:role/fn
                  Code: {S3Bucket: artifacts, S3Key: attempts.jar}
              Fast:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
                  Handler: %1$sFastHandler::handleRequest
                  Timeout: 10
                  Role: arn:aws:iam::111122223333:role/fn
                  Code: {S3Bucket: artifacts, S3Key: fast.jar}
              Configured:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
                  Handler: %1$sConfiguredHandler::handleRequest
                  Timeout: 5
                  Role: arn:aws:iam::111122223333:role/fn
                  Code: {S3Bucket: artifacts, S3Key: configured.jar}
              Python:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: %1$sSlowCallHandler
                  Timeout: 10
                  Role: arn:aws:iam::111122223333:role/fn
                  Code: {S3Bucket: artifacts, S3Key: python.zip}
              Elsewhere:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
                  Handler: com.acme.NotAmongTheClasses::handleRequest
                  Timeout: 1
                  Role: arn:aws:iam::111122223333:role/fn
                  Code: {S3Bucket: artifacts, S3Key: elsewhere.jar}
              FromParameter:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
                  Handler: %1$sSlowCallHandler::handleRequest
                  Timeout: !Ref FnTimeout
                  Role: arn:aws:iam::111122223333:role/fn
                  Code: {S3Bucket: artifacts, S3Key: parameter.jar}
            """.formatted(H);

    @TempDir
    Path dir;

    @BeforeEach
    void template() throws Exception {
        Files.writeString(dir.resolve("functions.yaml"), TEMPLATE);
    }

    private static List<String> places(JsonNode findings) {
        List<String> places = new ArrayList<>();
        findings.forEach(f -> places.add(f.path("ruleId").asText() + " " + f.path("location").path("file").asText()
                + ":" + f.path("location").path("line").asInt() + " " + f.path("location").path("logicalPath").asText()));
        return places;
    }

    @Test
    void reportsTheFunctionsWhoseHandlersMayOutlastTheirTimeout() throws Exception {
        Cli.Result r = new Cli(dir).run("check", "functions.yaml", "--classes", CLASSES.toString(), "--include-rules",
                "TO03", "--format", "json");
        assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(1);
        JsonNode findings = JSON.readTree(r.out()).path("findings");
        assertThat(places(findings)).containsExactly(
                "TO03 functions.yaml:11 Resources/Slow/Properties/Timeout",
                "TO03 functions.yaml:14 Resources/Unbounded",
                "TO03 functions.yaml:26 Resources/Attempts/Properties/Timeout");
        assertThat(message(findings, "Slow")).contains("Lambda function Slow (Timeout 10 s)",
                "handler " + H + "SlowCallHandler", "up to 30 s (apiCallTimeout 30 s at " + H + "SlowCallHandler.<clinit> "
                        + "(SlowCallHandler.java:", "set apiCallTimeout below 10 s");
        assertThat(message(findings, "Unbounded")).contains("Timeout 3 s, the default: Timeout is not set",
                "no apiCallTimeout nor apiCallAttemptTimeout (SqsClient.create() at " + H + "NoTimeoutHandler.<init> "
                        + "(NoTimeoutHandler.java:", "no time limit by default");
        assertThat(message(findings, "Attempts")).contains("up to 12 s (apiCallAttemptTimeout 4 s x 3 attempts at "
                + H + "AttemptsHandler$Clients.sqs (AttemptsHandler.java:");
    }

    @Test
    void withoutClassesTheTemplateAloneDecidesNothing() throws Exception {
        Cli.Result r = new Cli(dir).run("check", "functions.yaml", "--include-rules", "TO03", "--format", "json");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(JSON.readTree(r.out()).path("findings")).isEmpty();
    }

    @Test
    void classesFromAJarCountAsFromADirectory() throws Exception {
        Path jar = dir.resolve("handlers.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            Path handlers = CLASSES.resolve("dev/resilint/cli/handlers");
            try (java.util.stream.Stream<Path> files = Files.list(handlers)) {
                for (Path f : files.sorted().toList()) {
                    out.putNextEntry(new java.util.jar.JarEntry("dev/resilint/cli/handlers/" + f.getFileName()));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        }
        Cli.Result r = new Cli(dir).run("check", "functions.yaml", "--classes", "handlers.jar", "--include-rules",
                "TO03", "--format", "json");
        assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(1);
        assertThat(places(JSON.readTree(r.out()).path("findings"))).hasSize(3);
    }

    @Test
    void aMissingClassesPathIsOneLineAndExitCodeTwo() {
        Cli.Result r = new Cli(dir).run("check", "functions.yaml", "--classes", "target/nothing-here");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("resilint: --classes target/nothing-here: no such class directory or jar");
        Cli.Result notAJar = new Cli(dir).run("check", "functions.yaml", "--classes", "functions.yaml");
        assertThat(notAJar.exitCode()).isEqualTo(2);
        assertThat(notAJar.err().strip()).isEqualTo("resilint: --classes functions.yaml: not a class directory or jar");
    }

    private static String message(JsonNode findings, String function) {
        for (JsonNode f : findings) {
            if (f.path("location").path("logicalPath").asText().startsWith("Resources/" + function)) {
                return f.path("message").asText();
            }
        }
        throw new AssertionError("no finding for " + function);
    }
}
