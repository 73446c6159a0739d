package dev.resilint.code.rules;

import dev.resilint.core.budget.HandlerTimeouts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The code side of the timeout budget (TO03): how long one AWS SDK call may take in the clients a
 * class (with the classes nested in it) builds, read from the bytecode. Proven only from
 * constants: an {@code apiCallTimeout}, or an {@code apiCallAttemptTimeout} times the attempts
 * ({@code maxAttempts}, {@code numRetries} + 1, one for {@code doNotRetry()} and
 * {@code RetryPolicy.none()}, and otherwise 3, the fewest any SDK retry mode makes, so the product
 * is a lower bound of the worst case). The backoff between attempts is not counted, which keeps it
 * a lower bound too.
 */
public final class SdkCallBudget {

    private static final String SDK = "software/amazon/awssdk/";
    /** The fewest attempts of any SDK retry mode: standard and adaptive make 3, legacy 4 (DynamoDB 9). */
    static final int DEFAULT_ATTEMPTS = 3;

    private SdkCallBudget() {
    }

    /** A setting found in the bytecode: its value and where it is. */
    private record Found(MethodFlow.Parsed owner, MethodNode method, MethodInsnNode call, long value) {
    }

    /**
     * What the classes set, the handler's class first; empty when they build no SDK client or set
     * a timeout, attempt count or override configuration that resilint cannot prove.
     */
    public static Optional<HandlerTimeouts> of(List<byte[]> classFiles) {
        Found build = null;
        Found callTimeout = null;
        Found attemptTimeout = null;
        Found attempts = null;
        boolean overridesGiven = false;
        boolean overridesBuilt = false;
        boolean httpTimeouts = false;
        for (byte[] bytes : classFiles) {
            Optional<MethodFlow.Parsed> parsed = MethodFlow.parse(bytes);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            MethodFlow flow = parsed.get().flow();
            for (MethodNode method : flow.methods()) {
                for (MethodInsnNode call : MethodFlow.calls(method)) {
                    if (!call.owner.startsWith(SDK)) {
                        continue;
                    }
                    if (build == null && isClientBuild(call)) {
                        build = new Found(parsed.get(), method, call, 0);
                    }
                    if (call.name.equals("overrideConfiguration")
                            && call.desc.startsWith("(L" + SDK + "core/client/config/ClientOverrideConfiguration;")) {
                        overridesGiven = true;
                    }
                    if (call.owner.equals(SDK + "core/client/config/ClientOverrideConfiguration")
                            && (call.name.equals("builder") || call.name.equals("toBuilder"))) {
                        overridesBuilt = true;
                    }
                    httpTimeouts |= call.owner.startsWith(SDK + "http/") && call.name.endsWith("Timeout");
                    boolean isCall = call.name.equals("apiCallTimeout");
                    boolean isAttempt = call.name.equals("apiCallAttemptTimeout");
                    if ((isCall || isAttempt) && call.desc.startsWith("(Ljava/time/Duration;)")) {
                        Optional<Object> value = flow.constant(method, flow.argument(method, call, 0));
                        if (value.isEmpty() || !(value.get() instanceof Duration d)) {
                            return Optional.empty(); // a timeout resilint cannot read
                        }
                        Found found = new Found(parsed.get(), method, call, d.toMillis());
                        if (isCall && (callTimeout == null || found.value() > callTimeout.value())) {
                            callTimeout = found;
                        } else if (isAttempt && (attemptTimeout == null || found.value() > attemptTimeout.value())) {
                            attemptTimeout = found;
                        }
                        continue;
                    }
                    Optional<Long> count = attempts(flow, method, call);
                    if (count == null) {
                        continue;
                    }
                    if (count.isEmpty()) {
                        attempts = new Found(parsed.get(), method, call, -1); // not a constant
                    } else if (attempts == null || (attempts.value() >= 0 && count.get() > attempts.value())) {
                        attempts = new Found(parsed.get(), method, call, count.get());
                    }
                }
            }
        }
        if (build == null || (overridesGiven && !overridesBuilt)) {
            return Optional.empty();
        }
        if (callTimeout == null && attemptTimeout == null) {
            if (httpTimeouts) {
                return Optional.empty(); // bounded per read by the HTTP client: not a bound resilint can state
            }
            String client = Calls.simpleName(MethodFlow.className(build.call().owner)).replace('$', '.');
            return Optional.of(timeouts(build, Optional.empty(), client + "." + build.call().name + "()"));
        }
        Optional<Duration> perAttempt = Optional.empty();
        String attemptText = "";
        if (attemptTimeout != null) {
            if (attempts != null && attempts.value() < 0) {
                if (callTimeout == null) {
                    return Optional.empty(); // attempts unknown, and nothing else bounds the call
                }
            } else {
                long n = attempts == null ? DEFAULT_ATTEMPTS : attempts.value();
                perAttempt = Optional.of(Duration.ofMillis(attemptTimeout.value() * n));
                attemptText = "apiCallAttemptTimeout " + seconds(attemptTimeout.value()) + " x " + n + " attempts"
                        + (attempts == null ? " (the fewest the SDK's retry modes make)" : "");
            }
        }
        if (callTimeout != null && (perAttempt.isEmpty() || callTimeout.value() <= perAttempt.get().toMillis())) {
            return Optional.of(timeouts(callTimeout, Optional.of(Duration.ofMillis(callTimeout.value())),
                    "apiCallTimeout " + seconds(callTimeout.value())));
        }
        return Optional.of(timeouts(attemptTimeout, perAttempt, attemptText));
    }

    /**
     * The attempts a call sets: present for a constant, empty for another value, null when the call
     * sets none.
     */
    private static Optional<Long> attempts(MethodFlow flow, MethodNode method, MethodInsnNode call) {
        if (call.name.equals("doNotRetry") || (call.name.equals("none")
                && call.owner.equals(SDK + "core/retry/RetryPolicy"))) {
            return Optional.of(1L);
        }
        boolean max = call.name.equals("maxAttempts") && call.owner.startsWith(SDK + "retries/")
                && call.desc.startsWith("(I)");
        boolean retries = call.name.equals("numRetries") && call.owner.equals(SDK + "core/retry/RetryPolicy$Builder")
                && call.desc.startsWith("(Ljava/lang/Integer;)");
        if (!max && !retries) {
            return null;
        }
        Optional<Object> value = flow.constant(method, flow.argument(method, call, 0));
        if (value.isEmpty() || !(value.get() instanceof Number n)) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, n.longValue() + (retries ? 1 : 0)));
    }

    private static boolean isClientBuild(MethodInsnNode call) {
        boolean build = call.name.equals("build") && call.desc.startsWith("()") && !call.owner.startsWith(SDK + "http/")
                && call.owner.endsWith("ClientBuilder");
        boolean create = call.name.equals("create") && call.desc.startsWith("()")
                && call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.startsWith(SDK + "services/")
                && call.owner.endsWith("Client");
        return build || create;
    }

    private static HandlerTimeouts timeouts(Found found, Optional<Duration> longest, String setting) {
        return new HandlerTimeouts(MethodFlow.className(found.owner().node().name),
                Violation.memberName(found.method().name), found.owner().node().sourceFile == null ? ""
                        : found.owner().node().sourceFile, MethodFlow.line(found.call()), longest, setting);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : java.math.BigDecimal.valueOf(millis, 3)
                .stripTrailingZeros().toPlainString() + " s";
    }
}
