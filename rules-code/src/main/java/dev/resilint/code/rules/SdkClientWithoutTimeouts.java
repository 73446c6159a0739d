package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.List;
import java.util.function.Consumer;

/**
 * CT01: an AWS SDK for Java v2 client built in a class that never sets an API call timeout nor
 * HTTP client timeouts. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}; {@link dev.resilint.code.ResilienceRules#SDK_CLIENTS_SHOULD_SET_TIMEOUTS} runs it
 * as an ArchUnit rule.
 */
public final class SdkClientWithoutTimeouts extends CodeCondition {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CT01", SdkClientWithoutTimeouts.class)
            .severity(Severity.WARNING)
            .summary("A class builds an AWS SDK v2 client without an API call timeout or HTTP client timeouts.")
            .rationale("An AWS SDK v2 client has no overall API call timeout by default: a call to a slow or "
                    + "unreachable endpoint lasts as long as all its retries and their socket reads take. Callers pile "
                    + "up behind it, threads and connections run out, and one impaired dependency takes the service "
                    + "down with it.")
            .remediation("Set `apiCallTimeout` (the whole call, retries included) and `apiCallAttemptTimeout` (each "
                    + "attempt) on the client's `ClientOverrideConfiguration`: "
                    + "`DynamoDbClient.builder().overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2))"
                    + ".apiCallAttemptTimeout(Duration.ofMillis(500))).build()`, or at least socket and connection "
                    + "timeouts on the SDK HTTP client builder. Choose them below the caller's own timeout.")
            .wellArchitected("REL05-BP05")
            .reference(Reference.doc("ArchUnit rule ResilienceRules.SDK_CLIENTS_SHOULD_SET_TIMEOUTS", ResilienceRules.SOURCE_URL))
            .tags("timeout", "aws-sdk", "code")
            .sources(SourceKind.CODE)
            .reads("software.amazon.awssdk.core.client.builder.SdkClientBuilder")
            .firesOn("An AWS SDK for Java v2 client built (`DynamoDbClient.builder()...build()`, "
                    + "`DynamoDbClient.create()`) in a class that never sets `apiCallTimeout` or "
                    + "`apiCallAttemptTimeout` (on a `ClientOverrideConfiguration`, also per request) nor a socket or "
                    + "connection timeout on an SDK HTTP client builder. A timeout set in a helper method of the same "
                    + "class, or of a class nested in the same top-level class, counts.")
            .quietWhen("The builder gets an override configuration or an HTTP client that the class did not build "
                    + "itself: resilint cannot see what it holds.")
            .build();

    public SdkClientWithoutTimeouts() {
        super("set timeouts on the AWS SDK clients they build");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        ClientFamilies.SDK_CLIENTS_FAMILY.check(item, ownCalls(item), () -> callsOf(group), "sdk", out);
    }
}
