package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resilint check --new-since REF} on a real temporary git repository: only what the working
 * tree adds since REF is reported, whatever was changed, moved or renamed around it.
 */
class NewSinceFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    Cli cli;

    /** An RDS instance; without {@code MultiAZ: true} AZ04 fires on it. */
    static String db(String name, boolean multiAz) {
        return "  " + name + ":\n"
                + "    Type: AWS::RDS::DBInstance\n"
                + "    DeletionPolicy: Snapshot\n"
                + "    UpdateReplacePolicy: Snapshot\n"
                + "    Properties:\n"
                + "      Engine: postgres\n"
                + "      BackupRetentionPeriod: 7\n"
                + "      DeletionProtection: true\n"
                + "      MaxAllocatedStorage: 200\n"
                + (multiAz ? "      MultiAZ: true\n" : "");
    }

    static String template(String... resources) {
        return "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + String.join("", resources);
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out;
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    @BeforeEach
    void history() throws Exception {
        assumeTrue(gitAvailable(), "git is needed for --new-since");
        cli = new Cli(repo);
        git("init", "-q");
        write("infra/orders.yaml", template(db("Orders", false), db("Ledger", false)));
        write("infra/legacy.yaml", template(db("Archive", false), db("Audit", false), db("Reports", false)));
        write("README.md", "not a template\n");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        git("tag", "base");
    }

    private static boolean gitAvailable() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private List<String> newFindings(Cli.Result r) throws IOException {
        JsonNode root = JSON.readTree(r.out());
        List<String> found = new ArrayList<>();
        root.path("findings").forEach(f -> found.add(f.path("ruleId").asText() + " "
                + f.at("/location/file").asText() + "#" + f.at("/location/resourceId").asText()));
        return found;
    }

    @Test
    void reportsOnlyWhatTheChangeAdds() throws Exception {
        // changed: Orders gains a property, still single-AZ; moved: Ledger now comes first (other lines)
        // added: Payments, single-AZ; renamed resource: Reports is now Analytics (a new logical id)
        // fixed: Audit is Multi-AZ now; renamed file: legacy.yaml is history.yaml
        write("infra/orders.yaml", template(db("Ledger", false),
                db("Orders", false).replace("Engine: postgres", "Engine: postgres\n      StorageType: gp3"),
                db("Payments", false)));
        git("mv", "infra/legacy.yaml", "infra/history.yaml");
        write("infra/history.yaml", template(db("Archive", false), db("Audit", true), db("Analytics", false)));
        git("add", "-A");
        git("commit", "-q", "-m", "change");

        Cli.Result r = cli.run("check", "--new-since", "base", "--format", "json", "--verbose", "infra");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(newFindings(r)).containsExactly("AZ04 infra/history.yaml#Analytics",
                "AZ04 infra/orders.yaml#Payments");
        JsonNode summary = JSON.readTree(r.out()).path("summary");
        assertThat(summary.path("baselined").asInt()).as("Orders, Ledger and Archive were there").isEqualTo(3);
        assertThat(summary.path("staleBaselineEntries").asInt()).as("Audit fixed, Reports gone").isEqualTo(2);
        assertThat(JSON.readTree(r.out()).path("notes").toString()).contains("new since base (");
    }

    @Test
    void withNothingNewTheCheckPasses() throws Exception {
        write("infra/orders.yaml", template(db("Ledger", false), db("Orders", false)));
        git("commit", "-q", "-am", "reorder");

        Cli.Result r = cli.run("check", "--new-since", "base", "infra");

        assertThat(r.exitCode()).as(r.out()).isZero();
    }

    @Test
    void uncommittedChangesAndNewFilesCountToo() throws Exception {
        write("infra/new-stack.yaml", template(db("Fresh", false)));

        Cli.Result r = cli.run("check", "--new-since", "HEAD", "--format", "json", "infra");

        assertThat(newFindings(r)).containsExactly("AZ04 infra/new-stack.yaml#Fresh");
    }

    @Test
    void worksFromASubdirectoryOfTheRepository() throws Exception {
        write("infra/orders.yaml", template(db("Orders", false), db("Ledger", false), db("Payments", false)));
        Cli sub = new Cli(repo.resolve("infra"));

        Cli.Result r = sub.run("check", "--new-since", "base", "--format", "json", ".");

        assertThat(newFindings(r)).containsExactly("AZ04 orders.yaml#Payments");
    }

    @Test
    void anUnknownRevisionIsAClearError() {
        Cli.Result r = cli.run("check", "--new-since", "no-such-branch", "infra");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--new-since no-such-branch: no such revision in the git repository of");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void aRevisionThatLooksLikeAnOptionIsRefused() {
        Cli.Result r = cli.run("check", "--new-since=--output=/tmp/x", "infra");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not a git revision");
    }

    @Test
    void outsideAGitRepositoryIsAClearError(@TempDir Path plain) throws Exception {
        Files.writeString(plain.resolve("t.yaml"), template(db("Orders", false)));

        Cli.Result r = new Cli(plain).run("check", "--new-since", "main", "t.yaml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is not in a git repository");
    }

    @Test
    void aPathOutsideTheWorkingDirectoryIsRefused() {
        Cli.Result r = new Cli(repo.resolve("infra")).run("check", "--new-since", "base", "../README.md");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("../README.md is outside the working directory");
    }

    @Test
    void theWorkingTreeIsLeftAlone() throws Exception {
        write("infra/orders.yaml", template(db("Payments", false)));
        String before = git("status", "--porcelain");

        cli.run("check", "--new-since", "base", "infra");

        assertThat(git("status", "--porcelain")).isEqualTo(before);
        assertThat(Files.readString(repo.resolve("infra/orders.yaml"))).contains("Payments").doesNotContain("Ledger");
        assertThat(Map.of("head", git("rev-parse", "HEAD"))).containsEntry("head", git("rev-parse", "base"));
    }
}
