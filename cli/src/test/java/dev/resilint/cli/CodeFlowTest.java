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

/** `resilint code` end to end on a small compiled project: findings, formats, suppressions, baselines. */
class CodeFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "src/main/java/com/acme/orders/OrderClient.java";

    /** Line 13: CT02 (no connect timeout); 17: CT03; 25: CR01; 33: suppressed CT03. */
    static final String ORDER_CLIENT = """
            package com.acme.orders;

            import java.io.IOException;
            import java.net.http.HttpClient;
            import java.util.concurrent.ExecutionException;
            import java.util.concurrent.Future;

            /** An order client with three resilience problems. */
            public class OrderClient {

                private final HttpClient http;

                public OrderClient() { this.http = HttpClient.newHttpClient(); }

                String await(Future<String> order) throws InterruptedException, ExecutionException {
                    return order.get();
                }

                String retry() throws InterruptedException {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            return call();
                        } catch (IOException e) {
                            Thread.sleep(500L * attempt);
                        }
                    }
                }

                @SuppressWarnings("resilint:CT03") // the future is already complete here
                String completed(Future<String> done) throws InterruptedException, ExecutionException {
                    return done.get();
                }

                private String call() throws IOException {
                    return http.version().name();
                }
            }
            """;

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(dir);
        new JavaProject(dir).source("com/acme/orders/OrderClient.java", ORDER_CLIENT).compile();
    }

    private JsonNode json(Cli.Result r) throws Exception {
        return JSON.readTree(r.out());
    }

    private static List<String> places(JsonNode findings) {
        List<String> places = new ArrayList<>();
        findings.forEach(f -> places.add(f.path("ruleId").asText() + " " + f.path("location").path("file").asText()
                + ":" + f.path("location").path("line").asInt()));
        return places;
    }

    @Test
    void textNamesTheSourceFileAndLineOfEachFinding() {
        Cli.Result r = cli.run("code", "target/classes", "--source-root", "src/main/java");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith(FILE + "\n");
        assertThat(r.out()).contains("\n  13  warning  CT02  java.net.http.HttpClient is built without connectTimeout")
                .contains("[com.acme.orders.OrderClient#<init>]")
                .contains("\n  16  warning  CT03  waits without a timeout in Future.get()")
                .contains("\n  24  warning  CR01  retries in a loop that sleeps (Thread.sleep)")
                .contains("3 findings (0 errors, 3 warnings, 0 notes) in 1 file; 1 suppressed.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theMavenSourceDirectoryIsFoundWithoutSourceRoot() throws Exception {
        Cli.Result r = cli.run("code", "--format", "json", "target/classes");
        assertThat(places(json(r).path("findings"))).containsExactly("CT02 " + FILE + ":13", "CT03 " + FILE + ":16",
                "CR01 " + FILE + ":24");
        assertThat(json(r).path("suppressed")).hasSize(1);
    }

    @Test
    void elsewhereTheSourceRootIsNeededForPathsAndSuppressions() throws Exception {
        new JavaProject(dir).compile("out");
        Cli.Result without = cli.run("code", "--format", "json", "out");
        assertThat(places(json(without).path("findings"))).containsExactly(
                "CT02 com/acme/orders/OrderClient.java:13", "CT03 com/acme/orders/OrderClient.java:16",
                "CR01 com/acme/orders/OrderClient.java:24", "CT03 com/acme/orders/OrderClient.java:31");
        Cli.Result with = cli.run("code", "--format", "json", "out", "--source-root", "src/main/java");
        assertThat(places(json(with).path("findings"))).hasSize(3).allMatch(p -> p.contains(FILE));
    }

    @Test
    void sarifCarriesTheRepoRelativeSourcePathAndLine() throws Exception {
        Cli.Result r = cli.run("code", "--format", "sarif", "target/classes", "--source-root", "src/main/java");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode run = json(r).path("runs").get(0);
        JsonNode results = run.path("results");
        assertThat(results).hasSize(3);
        JsonNode ct03 = results.get(1);
        assertThat(ct03.path("ruleId").asText()).isEqualTo("CT03");
        JsonNode physical = ct03.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo(FILE);
        assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(16);
        JsonNode logical = ct03.path("locations").get(0).path("logicalLocations").get(0);
        assertThat(logical.path("fullyQualifiedName").asText()).isEqualTo("com.acme.orders.OrderClient.await");
        assertThat(logical.path("kind").asText()).isEqualTo("member");
        assertThat(run.path("tool").path("driver").path("rules").findValuesAsText("id"))
                .containsExactly("CC01", "CC02", "CL01", "CL02", "CR01", "CR02", "CT01", "CT02", "CT03", "RL01");

        Cli.Result suppressed = cli.run("code", "--format", "sarif", "--include-suppressed", "target/classes");
        JsonNode last = json(suppressed).path("runs").get(0).path("results").get(3);
        assertThat(last.path("suppressions").get(0).path("kind").asText()).isEqualTo("inSource");
        assertThat(last.path("suppressions").get(0).path("justification").asText())
                .isEqualTo("the future is already complete here");
    }

    @Test
    void everyFormatIsDeterministic() {
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            String first = cli.run("code", "--format", format, "target/classes").out();
            String second = cli.run("code", "--format", format, "target/classes").out();
            assertThat(second).as(format).isEqualTo(first).isNotEmpty();
        }
    }

    @Test
    void failThresholdSelectionAndConfigurationWorkAsForTemplates() throws Exception {
        assertThat(cli.run("code", "--fail-on", "error", "target/classes").exitCode()).isZero();
        Cli.Result only = cli.run("code", "--format", "json", "--include-rules", "CR", "target/classes");
        assertThat(places(json(only).path("findings"))).containsExactly("CR01 " + FILE + ":24");
        Files.writeString(dir.resolve(".resilint.yaml"), """
                severity: {CT02: error}
                suppressions:
                  - path: src/main/java/com/acme/**
                    id: CR01
                    reason: Retries are capped by the caller's deadline
                """);
        Cli.Result r = cli.run("code", "--format", "json", "--fail-on", "error", "target/classes");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(places(json(r).path("findings"))).containsExactly("CT02 " + FILE + ":13", "CT03 " + FILE + ":16");
        assertThat(json(r).path("findings").get(0).path("severity").asText()).isEqualTo("error");
        assertThat(json(r).path("suppressed")).hasSize(2);
    }

    @Test
    void baselinesOfCodeFindingsSurviveMovedLines() throws Exception {
        Cli.Result created = cli.run("baseline", "create", "--code", "-o", "base.json", "target/classes");
        assertThat(created.exitCode()).isZero();
        assertThat(created.err()).contains("3 finding(s)");
        assertThat(cli.run("code", "--baseline", "base.json", "target/classes").exitCode()).isZero();

        // lines move and a new wait appears: only the new one fails
        new JavaProject(dir).source("com/acme/orders/OrderClient.java", ORDER_CLIENT
                .replace("public class OrderClient {\n", "public class OrderClient {\n\n    // moved\n\n")
                .replace("    private String call()", """
                            String again(Future<String> order) throws InterruptedException, ExecutionException {
                                return order.get();
                            }

                            private String call()""")).compile();
        Cli.Result r = cli.run("code", "--format", "json", "--baseline", "base.json", "target/classes");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(places(json(r).path("findings"))).containsExactly("CT03 " + FILE + ":38");
        assertThat(json(r).path("baselined")).hasSize(3);

        Cli.Result updated = cli.run("baseline", "update", "--code", "--baseline", "base.json", "target/classes");
        assertThat(updated.exitCode()).isZero();
        assertThat(updated.err()).contains("0 fixed finding(s) removed, 3 remain");
    }

    @Test
    void inputErrorsAndUsage() throws Exception {
        Cli.Result missing = cli.run("code", "nothing/here");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.out()).contains("error: nothing/here: no such file or directory");
        Files.writeString(dir.resolve("notes.txt"), "hi");
        assertThat(cli.run("code", "notes.txt").exitCode()).isEqualTo(2);
        assertThat(cli.run("code").exitCode()).isEqualTo(2);
        Cli.Result wrong = cli.run("baseline", "create", "-o", "b.json", "--source-root", "src", "target/classes");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--source-root applies to compiled classes; add --code");
        assertThat(cli.run("--help").out()).contains("code");
    }
}
