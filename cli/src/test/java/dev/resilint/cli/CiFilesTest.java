package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files that plug resilint into other tools agree with what they call: the GitHub Action's
 * {@code action.yml} with its script, the pre-commit hook with the launcher and the CLI.
 */
class CiFilesTest {

    static final Path ROOT = GithubActionTest.ROOT;
    static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyInputOfTheActionReachesTheScriptAndTheScriptReadsNoOther() throws IOException {
        JsonNode action = YAML.readTree(ROOT.resolve("action.yml").toFile());
        Set<String> inputs = new TreeSet<>();
        action.get("inputs").fieldNames().forEachRemaining(inputs::add);
        JsonNode run = null;
        for (JsonNode step : action.at("/runs/steps")) {
            if ("run".equals(step.path("id").asText())) {
                run = step;
            }
        }
        assertThat(run).as("the step with id run").isNotNull();
        Set<String> passed = new TreeSet<>();
        run.get("env").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("INPUT_")) {
                assertThat(e.getValue().asText()).isEqualTo("${{ inputs." + e.getKey().substring(6).toLowerCase()
                        .replace('_', '-') + " }}");
                passed.add(e.getKey().substring(6).toLowerCase().replace('_', '-'));
            }
        });
        inputs.remove("github-token"); // passed as GH_TOKEN
        assertThat(passed).isEqualTo(inputs);
        assertThat(run.at("/env/GH_TOKEN").asText()).isEqualTo("${{ inputs.github-token }}");

        String script = Files.readString(ROOT.resolve(".github/action/resilint.sh"));
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{?INPUT_([A-Z_]+)").matcher(script);
        while (m.find()) {
            read.add(m.group(1).toLowerCase().replace('_', '-'));
        }
        assertThat(read).isEqualTo(inputs);
        assertThat(action.at("/runs/using").asText()).isEqualTo("composite");
    }

    @Test
    void theActionsOutputsAreTheOnesTheScriptWrites() throws IOException {
        JsonNode action = YAML.readTree(ROOT.resolve("action.yml").toFile());
        String script = Files.readString(ROOT.resolve(".github/action/resilint.sh"));
        action.get("outputs").fields().forEachRemaining(e -> {
            assertThat(e.getValue().get("value").asText()).isEqualTo("${{ steps.run.outputs." + e.getKey() + " }}");
            assertThat(script).contains("output " + e.getKey() + " ");
        });
    }

    @Test
    void thePreCommitHookRunsTheLauncherOnADirectory() throws IOException {
        JsonNode hooks = YAML.readTree(ROOT.resolve(".pre-commit-hooks.yaml").toFile());
        assertThat(hooks.isArray()).isTrue();
        JsonNode hook = hooks.get(0);
        assertThat(hook.get("id").asText()).isEqualTo("resilint");
        assertThat(hook.get("language").asText()).isEqualTo("script");
        String[] entry = hook.get("entry").asText().split(" ");
        assertThat(Files.isExecutable(ROOT.resolve(entry[0]))).as("entry %s is an executable of this repository",
                entry[0]).isTrue();
        assertThat(entry[1]).isEqualTo("check");
        // named files that are not templates would be input errors; a directory walk skips them
        assertThat(hook.get("pass_filenames").asBoolean()).isFalse();
        assertThat(Pattern.compile(hook.get("files").asText()).matcher("infra/web.yaml").find()).isTrue();
        assertThat(Pattern.compile(hook.get("files").asText()).matcher("src/Main.java").find()).isFalse();
    }
}
