package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.SourceKind;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.LiveAnalyzer;
import dev.resilint.live.fake.FakeAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A twin test: the same resources written in a template and served by the fake account must get the
 * same findings from every rule that runs on both. Template resources are named by logical id, live
 * ones by ARN; the test says which is which ({@link #is}). Findings are compared as
 * {@code ruleId resource} lines over the rules that run live. A finding only a template can show (a
 * rule's "quiet when" says the live account cannot, as for DP04 on a Lambda alias) is named with
 * {@link #templateOnly}: the template must find it, the account must not.
 */
public final class Twin {

    private final String template;
    private final Map<String, String> arnToLogicalId = new LinkedHashMap<>();
    private final Set<String> templateOnly = new TreeSet<>();

    private Twin(String template) {
        this.template = template;
    }

    /** The template side. */
    public static Twin of(String templateYaml) {
        return new Twin(templateYaml);
    }

    /** The live resource with ARN {@code arn} is the template's {@code logicalId}. */
    public Twin is(String logicalId, String arn) {
        arnToLogicalId.put(arn, logicalId);
        return this;
    }

    /**
     * The template finds {@code line} ({@code ruleId logicalId}) and the account, by design, does not:
     * the rule's metadata says why.
     */
    public Twin templateOnly(String line) {
        templateOnly.add(line);
        return this;
    }

    /** The findings of the template, as {@code ruleId logicalId} lines. */
    public Set<String> templateFindings(Path dir) {
        try {
            Files.writeString(dir.resolve("twin.yaml"), template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Results results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(
                List.of(dir.resolve("twin.yaml")), dir, Config.defaults(), List.of()));
        assertThat(results.problems()).as("template problems").isEmpty();
        Set<String> live = liveRuleIds();
        return results.findings().stream().filter(f -> live.contains(f.ruleId()))
                .map(f -> f.ruleId() + " " + ((Location.Template) f.location()).resourceId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The findings of a live scan by the rules that run on both sides, as {@code ruleId logicalId} lines
     * (ARNs the test did not name stay ARNs).
     */
    public Set<String> liveFindings(Results results) {
        assertThat(results.problems()).as("live problems").isEmpty();
        assertThat(results.notEvaluated()).as("gaps in the twin account").isEmpty();
        Set<String> twins = liveRuleIds();
        return results.findings().stream().filter(f -> twins.contains(f.ruleId())).map(this::line)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String line(Finding f) {
        String arn = ((Location.Live) f.location()).arn();
        return f.ruleId() + " " + arnToLogicalId.getOrDefault(arn, arn);
    }

    /** Asserts the template and the live scan of {@code account} give the same findings, and returns them. */
    public Set<String> assertSame(Path dir, FakeAws fake, String account, String region) {
        Set<String> expected = templateFindings(dir);
        Set<String> actual = liveFindings(Scans.run(Scans.caller(fake, account, region)));
        assertThat(fake.problems()).as("fake problems").isEmpty();
        assertThat(expected).as("template-only findings the template gives").containsAll(templateOnly);
        assertThat(actual).as("template-only findings the account gives").noneMatch(templateOnly::contains);
        expected.removeAll(templateOnly);
        assertThat(actual).as("live findings vs template findings").isEqualTo(expected);
        return actual;
    }

    /**
     * The rules that run on templates and live: only they can find the same things on both sides
     * (a live-only rule such as DP05, instance age, has no template twin).
     */
    private static Set<String> liveRuleIds() {
        return new LiveAnalyzer(InfraRules.all()).rules().stream().filter(r -> r.sources().contains(SourceKind.TEMPLATE))
                .map(r -> r.id()).collect(Collectors.toCollection(TreeSet::new));
    }
}
