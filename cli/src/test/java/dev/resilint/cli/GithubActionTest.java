package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's script ({@code .github/action/resilint.sh}) run as the runner would run it:
 * in a workspace, with the {@code INPUT_*} variables that {@code action.yml} sets, GitHub's
 * {@code GITHUB_*} files and a fake {@code gh} on the {@code PATH} that keeps comments as files and
 * applies the action's {@code --jq} filter with the real jq. resilint itself is real (the CLI on
 * this module's class path).
 */
class GithubActionTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SCRIPT = ROOT.resolve(".github/action/resilint.sh");
    static final String MARKER = "<!-- resilint-report -->";

    @TempDir
    Path dir;

    Path workspace;
    Path state;
    Path bin;
    Path outputs;
    Path summary;

    record Run(int exit, String log) {
    }

    @BeforeEach
    void runner() throws IOException {
        assumeTrue(onPath("bash") && onPath("jq"), "bash and jq are needed to run the action's script");
        workspace = Files.createDirectories(dir.resolve("workspace"));
        state = Files.createDirectories(dir.resolve("gh-state"));
        bin = Files.createDirectories(dir.resolve("bin"));
        outputs = dir.resolve("github-output");
        summary = dir.resolve("step-summary.md");
        Files.createFile(outputs);
        Files.createFile(summary);
        Path gh = bin.resolve("gh");
        try (InputStream in = GithubActionTest.class.getResourceAsStream("fake-gh")) {
            Files.write(gh, in.readAllBytes());
        }
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        copy(ROOT.resolve("examples/flawed"), workspace.resolve("infra"));
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private Map<String, String> pullRequest() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_EVENT_NAME", "pull_request");
        env.put("GITHUB_REF", "refs/pull/42/merge");
        env.put("GITHUB_REPOSITORY", "acme/orders");
        env.put("GH_TOKEN", "ghs_fake");
        env.put("INPUT_PATHS", "infra");
        env.put("INPUT_FAIL_ON", "warning");
        env.put("INPUT_FORMATS", "sarif,markdown");
        env.put("INPUT_SARIF_FILE", "resilint.sarif");
        env.put("INPUT_COMMENT", "true");
        return env;
    }

    private Run action(Map<String, String> inputs, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("INPUT_") || k.equals("GH_TOKEN"));
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("RUNNER_TEMP", Files.createDirectories(dir.resolve("runner-temp")).toString());
        env.put("FAKE_GH_STATE", state.toString());
        env.put("RESILINT_CMD", Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                + System.getProperty("java.class.path") + " " + Main.class.getName());
        env.putAll(inputs);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), log);
    }

    private List<Path> comments() throws IOException {
        try (Stream<Path> files = Files.list(state)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\.md")).sorted().toList();
        }
    }

    private List<String> ghCalls() throws IOException {
        Path log = state.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void onAPullRequestWritesSarifTheSummaryAndOneComment() throws Exception {
        Run run = action(pullRequest(), "run");

        assertThat(run.exit()).as(run.log()).isEqualTo(1);
        assertThat(run.log()).contains("::error title=resilint::findings at or above warning");
        assertThat(Files.readString(outputs)).contains("exit-code=1\n", "sarif-file=resilint.sarif\n",
                "markdown-file=resilint.md\n");
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("resilint.sarif").toFile());
        assertThat(sarif.at("/runs/0/results")).isNotEmpty();
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .startsWith("infra/");
        String markdown = Files.readString(workspace.resolve("resilint.md"));
        assertThat(Files.readString(summary)).isEqualTo(markdown).contains("AZ04");
        assertThat(comments()).hasSize(1);
        assertThat(Files.readString(comments().get(0))).isEqualTo(MARKER + "\n" + markdown);
        assertThat(ghCalls()).anyMatch(c -> c.startsWith("gh api -X POST repos/acme/orders/issues/42/comments"));
    }

    @Test
    void theNextPushUpdatesTheSameCommentAndLeavesOthersAlone() throws Exception {
        Files.writeString(state.resolve("101.md"), "LGTM, but see the report");
        action(pullRequest(), "run");
        assertThat(comments()).hasSize(2);
        Files.delete(firstTemplate());

        Run second = action(pullRequest(), "run");

        assertThat(comments()).as(second.log()).hasSize(2);
        assertThat(Files.readString(state.resolve("101.md"))).isEqualTo("LGTM, but see the report");
        assertThat(Files.readString(state.resolve("102.md")))
                .isEqualTo(MARKER + "\n" + Files.readString(workspace.resolve("resilint.md")));
        assertThat(ghCalls()).filteredOn(c -> c.contains("-X PATCH")).containsExactly(
                "gh api -X PATCH repos/acme/orders/issues/comments/102 -F body=@" + dir.resolve("runner-temp")
                        .resolve("resilint-comment.md"));
        assertThat(second.log()).contains("updated the report comment on pull request #42");
    }

    private Path firstTemplate() throws IOException {
        try (Stream<Path> files = Files.list(workspace.resolve("infra"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void aPushRunsWithoutCommenting() throws Exception {
        Map<String, String> env = pullRequest();
        env.put("GITHUB_EVENT_NAME", "push");
        env.put("GITHUB_REF", "refs/heads/main");

        Run run = action(env, "run");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.log()).contains("not a pull request, no comment posted");
        assertThat(ghCalls()).isEmpty();
        assertThat(Files.readString(summary)).contains("AZ04");
    }

    @Test
    void aReadOnlyTokenWarnsAndKeepsResilintsExitCode() throws Exception {
        Map<String, String> env = pullRequest();
        env.put("FAKE_GH_FAIL", "list");

        Run run = action(env, "run");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.log()).contains("::warning title=resilint::could not list the comments of pull request #42");
        assertThat(comments()).isEmpty();
    }

    @Test
    void aCleanStackPasses() throws Exception {
        copy(ROOT.resolve("examples/fixed"), workspace.resolve("fixed"));
        Map<String, String> env = pullRequest();
        env.put("INPUT_PATHS", "fixed");
        env.put("INPUT_FORMATS", "sarif, markdown, gitlab");

        Run run = action(env, "run");

        assertThat(run.exit()).as(run.log()).isZero();
        assertThat(Files.readString(outputs)).contains("exit-code=0\n");
        JsonNode gitlab = new ObjectMapper().readTree(workspace.resolve("gl-code-quality-report.json").toFile());
        assertThat(gitlab.isArray()).isTrue();
        assertThat(gitlab).isEmpty();
    }

    @Test
    void badInputsFailWithAnErrorAnnotation() throws Exception {
        Map<String, String> env = pullRequest();
        env.put("INPUT_FORMATS", "sarif,pdf");
        Run format = action(env, "run");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.log()).contains("::error title=resilint::unknown format 'pdf'");

        env = pullRequest();
        env.put("INPUT_PATHS", "no-such-dir");
        Run missing = action(env, "run");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.log()).contains("no-such-dir", "::error title=resilint::resilint exited with 2");
        assertThat(comments()).as("the report of a failed run is still posted").hasSize(1);
    }

    @Test
    void aLongReportIsCutBelowGithubsCommentLimitAtALineBoundary() throws Exception {
        Path big = dir.resolve("big.md");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 150_000; i++) {
            sb.append("| finding ").append(i).append(" | zone ü | AZ04 |\n");
        }
        Files.writeString(big, sb);

        Run body = action(Map.of(), "comment-body", big.toString());

        assertThat(body.exit()).isZero();
        assertThat(body.log().getBytes(StandardCharsets.UTF_8).length).isLessThan(60_000);
        assertThat(body.log()).startsWith(MARKER + "\n| finding 0 |")
                .contains("_The report is too long for a comment")
                .doesNotContain("\uFFFD");
        List<String> lines = body.log().lines().filter(l -> l.startsWith("| finding")).toList();
        assertThat(lines).allMatch(l -> l.endsWith("| AZ04 |"));
    }

    @Test
    void theMarkdownReportIsToldWhereTheFullReportIs() throws Exception {
        Path record = dir.resolve("args.txt");
        Path fake = bin.resolve("fake-resilint");
        Files.writeString(fake, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > " + record + "\n");
        fake.toFile().setExecutable(true);

        Run run = action(Map.of("RESILINT_CMD", fake.toString(), "INPUT_FORMATS", "sarif,markdown"), "run");

        assertThat(run.exit()).as(run.log()).isZero();
        List<String> args = Files.readAllLines(record);
        int hint = args.indexOf("--markdown-full-report-hint");
        assertThat(hint).isPositive();
        assertThat(args.get(hint + 1)).isEqualTo("the SARIF report `resilint.sarif` of this workflow run (code "
                + "scanning alerts, once uploaded)");
        Run withoutSarif = action(Map.of("RESILINT_CMD", fake.toString(), "INPUT_FORMATS", "markdown"), "run");
        assertThat(withoutSarif.exit()).isZero();
        assertThat(Files.readAllLines(record)).doesNotContain("--markdown-full-report-hint");
    }

    @Test
    void theCacheKeyFollowsTheSources() throws Exception {
        Run first = action(Map.of(), "cache-key");
        Run again = action(Map.of(), "cache-key");
        assertThat(first.exit()).isZero();
        assertThat(first.log().strip()).matches("[0-9a-f]{32}").isEqualTo(again.log().strip());
        assertThat(Files.readString(outputs)).contains("key=" + first.log().strip() + "\n");
    }
}
