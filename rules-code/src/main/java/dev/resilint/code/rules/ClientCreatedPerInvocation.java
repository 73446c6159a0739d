package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * CL01: an AWS Lambda handler that builds an SDK or HTTP client on every invocation. What it fires
 * on and when it stays quiet, case by case, is in its {@link #METADATA};
 * {@link dev.resilint.code.ResilienceRules#LAMBDA_HANDLERS_SHOULD_REUSE_CLIENTS} runs it as an
 * ArchUnit rule.
 */
public final class ClientCreatedPerInvocation extends CodeCondition {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CL01", ClientCreatedPerInvocation.class)
            .severity(Severity.WARNING)
            .summary("A Lambda handler builds an SDK or HTTP client on every invocation.")
            .rationale("Building a client costs tens to hundreds of milliseconds (credentials, TLS handshakes, "
                    + "connection pools, class loading) and throws its warm connections away afterwards. Inside "
                    + "`handleRequest` that cost is paid on every invocation, raises latency and duration, and "
                    + "under load opens connections faster than the other side accepts them.")
            .remediation("Build clients once per execution environment: in a static field or in the handler's "
                    + "constructor (both run during the init phase, which SnapStart can also snapshot), and reuse "
                    + "them in `handleRequest`.")
            .wellArchitected("REL05-BP05")
            .reference(Reference.doc("ArchUnit rule ResilienceRules.LAMBDA_HANDLERS_SHOULD_REUSE_CLIENTS", ResilienceRules.SOURCE_URL))
            .tags("lambda", "aws-sdk", "http", "code")
            .sources(SourceKind.CODE)
            .reads("com.amazonaws.services.lambda.runtime.RequestHandler",
                    "com.amazonaws.services.lambda.runtime.RequestStreamHandler")
            .firesOn("An AWS Lambda handler (a class implementing `RequestHandler` or `RequestStreamHandler` from "
                    + "`aws-lambda-java-core`) that builds an AWS SDK client, an SDK HTTP client or an HTTP client "
                    + "(`java.net.http.HttpClient`, Apache HttpClient, `RestTemplate`) in `handleRequest`, or in a "
                    + "method of the class that only `handleRequest` calls (directly or through such methods).")
            .quietWhen("The method stores a client in a field (lazy initialization: built once per execution "
                    + "environment).",
                    "Clients built in a static field or in the constructor (the init phase).")
            .build();

    private static final Set<String> HANDLERS = Set.of("com.amazonaws.services.lambda.runtime.RequestHandler",
            "com.amazonaws.services.lambda.runtime.RequestStreamHandler");

    /** What creates a client, built when the rule first runs, not when its metadata is read. */
    private static final class Creation {
        static final Predicate<JavaCall<?>> CLIENT = ClientFamilies.SDK_CLIENT_CREATION
                .or(ClientFamilies.SDK_HTTP_CLIENT_CREATION).or(ClientFamilies.HTTP_CLIENT_CREATION);
    }

    public ClientCreatedPerInvocation() {
        super("not build SDK or HTTP clients per Lambda invocation");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        if (!Calls.isA(item, HANDLERS) || item.isInterface()) {
            return;
        }
        Set<JavaCodeUnit> perInvocation = perInvocation(item);
        for (JavaCodeUnit unit : perInvocation) {
            if (storesAClient(unit)) {
                continue;
            }
            for (JavaCall<?> call : unit.getCallsFromSelf()) {
                if (Creation.CLIENT.test(call)) {
                    out.accept(Violation.at(call, "builds a client (" + Calls.describe(call) + ") on every Lambda "
                            + "invocation: " + (unit.getName().equals("handleRequest") ? "handleRequest" : unit.getName()
                            + ", called only from handleRequest,") + " creates it each time; build it once in a "
                            + "static field or the constructor and reuse it", "client:" + Calls.describe(call)));
                }
            }
        }
    }

    /** handleRequest, and the methods of the class that only per-invocation methods call. */
    private static Set<JavaCodeUnit> perInvocation(JavaClass handler) {
        Set<JavaCodeUnit> reached = new HashSet<>();
        for (JavaCodeUnit unit : handler.getCodeUnits()) {
            if (unit.getName().equals("handleRequest")) {
                reached.add(unit);
            }
        }
        boolean grew = !reached.isEmpty();
        while (grew) {
            grew = false;
            for (JavaCodeUnit unit : handler.getCodeUnits()) {
                if (reached.contains(unit) || unit.isConstructor() || unit.getName().equals("<clinit>")) {
                    continue;
                }
                Set<JavaAccess<?>> callers = new HashSet<>(unit.getAccessesToSelf());
                if (!callers.isEmpty() && callers.stream().allMatch(a -> reached.contains(a.getOrigin()))) {
                    reached.add(unit);
                    grew = true;
                }
            }
        }
        return reached;
    }

    /** Lazy initialization: the method assigns a field that holds a client. */
    private static boolean storesAClient(JavaCodeUnit unit) {
        for (JavaFieldAccess access : unit.getFieldAccesses()) {
            if (access.getAccessType() == JavaFieldAccess.AccessType.SET) {
                String type = access.getTarget().getRawType().getName();
                if (type.endsWith("Client") || type.endsWith("RestTemplate") || type.startsWith(ClientFamilies.SDK)) {
                    return true;
                }
            }
        }
        return false;
    }
}
