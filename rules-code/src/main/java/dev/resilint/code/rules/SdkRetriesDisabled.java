package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;
import static dev.resilint.code.rules.Calls.owner;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * CR02: an AWS SDK for Java v2 client configured not to retry at all. What it fires on and when it
 * stays quiet, case by case, is in its {@link #METADATA};
 * {@link dev.resilint.code.ResilienceRules#SDK_CLIENTS_SHOULD_RETRY} runs it as an ArchUnit rule.
 * The constant arguments of {@code numRetries} and {@code maxAttempts} are read from the bytecode
 * by {@link MethodFlow}.
 */
public final class SdkRetriesDisabled extends CodeCondition {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CR02", SdkRetriesDisabled.class)
            .severity(Severity.WARNING)
            .summary("An AWS SDK v2 client is configured not to retry.")
            .rationale("AWS APIs throttle and fail transiently as a matter of course: a throttled request, a "
                    + "connection reset or a 500 from one host is answered by retrying, which the SDK does by "
                    + "default (standard mode: three attempts with jittered exponential backoff and a retry quota "
                    + "that stops retry storms). With retries off, each of these becomes an error for the caller, "
                    + "and a brief blip in a dependency becomes an outage of the service.")
            .remediation("Keep the SDK's default retry strategy, or choose one explicitly: "
                    + "`overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))`, or "
                    + "`AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3).build()`. To bound how long "
                    + "a call may take, set `apiCallTimeout` rather than switching retries off. Where another layer "
                    + "retries already (a queue redelivering, a Step Functions retrier), say so in a suppression.")
            .wellArchitected("REL05-BP03")
            .reference(Reference.doc("ArchUnit rule ResilienceRules.SDK_CLIENTS_SHOULD_RETRY", ResilienceRules.SOURCE_URL))
            .tags("retry", "aws-sdk", "code")
            .sources(SourceKind.CODE)
            .reads("software.amazon.awssdk.core.retry.RetryPolicy", "software.amazon.awssdk.retries.api.RetryStrategy")
            .firesOn("`RetryPolicy.none()`, `AwsRetryStrategy.doNotRetry()` and `DefaultRetryStrategy.doNotRetry()`.",
                    "`RetryPolicy.Builder.numRetries(0)` and a retry strategy builder's `maxAttempts(1)` "
                            + "(`StandardRetryStrategy`, `LegacyRetryStrategy`, `AdaptiveRetryStrategy`, also in "
                            + "`overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))`), where the "
                            + "argument is a constant in the code (0 or fewer retries, 1 or fewer attempts).")
            .quietWhen("The number of retries or attempts comes from a parameter, a field or a call: the caller or "
                    + "the configuration decides it, which resilint cannot see; the SDK's own `aws.maxAttempts` system "
                    + "property and `AWS_MAX_ATTEMPTS` environment variable.",
                    "Code inside the AWS SDK itself (`software.amazon.awssdk`), which defines these settings.")
            .build();

    private static final String POLICY = "software.amazon.awssdk.core.retry.RetryPolicy";
    /** The static factories of strategies that never retry. */
    private static final Set<String> NO_RETRY_OWNERS = Set.of("software.amazon.awssdk.awscore.retry.AwsRetryStrategy",
            "software.amazon.awssdk.retries.DefaultRetryStrategy",
            "software.amazon.awssdk.core.internal.retry.SdkDefaultRetryStrategy");
    private static final String STRATEGY_PACKAGE = "software/amazon/awssdk/retries/";

    public SdkRetriesDisabled() {
        super("let the AWS SDK clients they build retry");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        if (item.getName().startsWith("software.amazon.awssdk.")) {
            return; // the SDK itself defines these settings
        }
        boolean counts = false;
        for (JavaCall<?> call : ownCalls(item)) {
            if (isConstructor(call)) {
                continue;
            }
            if ((owner(call).equals(POLICY) && name(call).equals("none"))
                    || (NO_RETRY_OWNERS.contains(owner(call)) && name(call).equals("doNotRetry"))) {
                out.accept(Violation.at(call, message(Calls.describe(call)),
                        "retries:" + Calls.describe(call)));
            }
            counts |= name(call).equals("numRetries") && owner(call).equals(POLICY + "$Builder")
                    || name(call).equals("maxAttempts") && owner(call).startsWith("software.amazon.awssdk.retries.");
        }
        if (counts) {
            MethodFlow.of(item).ifPresent(flow -> counts(item, flow, out));
        }
    }

    /** {@code numRetries(0)} and {@code maxAttempts(1)} with constant arguments. */
    private static void counts(JavaClass item, MethodFlow flow, Consumer<Violation> out) {
        for (MethodNode method : flow.methods()) {
            for (MethodInsnNode call : MethodFlow.calls(method)) {
                boolean retries = call.name.equals("numRetries") && call.owner.equals("software/amazon/awssdk/core/retry/RetryPolicy$Builder")
                        && call.desc.startsWith("(Ljava/lang/Integer;)");
                boolean attempts = call.name.equals("maxAttempts") && call.owner.startsWith(STRATEGY_PACKAGE)
                        && call.desc.startsWith("(I)");
                if (!retries && !attempts) {
                    continue;
                }
                Optional<Object> value = flow.constant(method, flow.argument(method, call, 0));
                if (value.isEmpty() || !(value.get() instanceof Number n) || n.longValue() > (retries ? 0 : 1)) {
                    continue;
                }
                String owner = Calls.simpleName(MethodFlow.className(call.owner)).replace('$', '.');
                String what = owner + "." + call.name + "(" + n + ")";
                out.accept(new Violation(item, Violation.memberName(method.name), MethodFlow.line(call), false,
                        message(what), "retries:" + owner + "." + call.name));
            }
        }
    }

    private static String message(String what) {
        return "AWS SDK retries are switched off (" + what + "): every throttle, connection reset and transient 5xx "
                + "becomes an error for the caller; keep the SDK's standard retry strategy (it backs off with jitter "
                + "and a retry quota) and bound the call with apiCallTimeout instead";
    }
}
