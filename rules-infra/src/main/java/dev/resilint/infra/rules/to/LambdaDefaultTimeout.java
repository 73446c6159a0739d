package dev.resilint.infra.rules.to;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Relations;
import java.util.Optional;

/**
 * TO01: a Lambda function left on the default timeout of 3 seconds, which nobody chose for it.
 * What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class LambdaDefaultTimeout extends ResourceRule {

    static final long DEFAULT = Relations.LAMBDA_DEFAULT_TIMEOUT;

    public static final RuleMetadata METADATA = RuleMetadata.builder("TO01", LambdaDefaultTimeout.class)
            .severity(Severity.WARNING)
            .summary("A Lambda function has no explicit `Timeout`, so it runs with the default of 3 seconds.")
            .rationale("A timeout is a decision: long enough for the slowest legitimate call of the function's "
                    + "dependencies, short enough to fail fast and below the timeout of its caller. Lambda's default "
                    + "of 3 s was chosen for nobody's workload: a function calling a database or another service "
                    + "times out under load or on a cold start (and is retried, adding load), while the author "
                    + "believes it has no limit at all. A live function always reports a timeout, so there the rule "
                    + "flags a timeout of exactly 3 s, which is the default in nearly every case.")
            .remediation("Set `Timeout` on the function (or for all SAM functions in `Globals.Function.Timeout`) to "
                    + "the time its slowest legitimate invocation needs, below its callers' timeouts.")
            .wellArchitected("REL05-BP05")
            .anchors(Reference.cdkNag("Serverless-LambdaDefaultTimeout"))
            .tags("timeout", "lambda")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(Relations.FUNCTION)
            .firesOn("An `AWS::Lambda::Function` (a SAM `AWS::Serverless::Function` included) without `Timeout`, "
                            + "neither on the function nor, for SAM, in `Globals.Function`, in every possibility.",
                    "In a live account, a function whose timeout is exactly 3 s (the API does not tell a default "
                            + "from an explicit 3).")
            .quietWhen("`Timeout` is set in some possibility, whatever its value (even 3, in a template), or cannot "
                            + "be known.",
                    "The function's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource function, GraphView graph, RuleContext context) {
        Value timeout = graph.property(function, "Timeout");
        if (graph.kind() == SourceKind.LIVE) {
            if (timeout.asLong().equals(Optional.of(DEFAULT))) {
                context.report(function.locateProperty("Timeout"), "Lambda function " + function.displayName()
                        + " has a timeout of 3 s, Lambda's default, which is rarely what a function needs; set "
                        + "its timeout to the time its slowest legitimate invocation needs, below its callers' "
                        + "timeouts");
            }
            return;
        }
        if (timeout.isAbsent()) {
            String where = function.declaredType().isPresent() ? " (on the function or in Globals.Function)" : "";
            context.report(function.locateProperty("Timeout"), "Lambda function " + function.displayName()
                    + " has no Timeout (default 3 s), so it fails under load or on a cold start when a dependency is "
                    + "slow, while nobody chose that limit; set Timeout" + where + " to the time its slowest "
                    + "legitimate invocation needs, below its callers' timeouts");
        }
    }
}
