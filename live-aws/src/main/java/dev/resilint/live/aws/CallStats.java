package dev.resilint.live.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the calls a scan makes (per service and operation) and their retries, for progress
 * reports, benchmarks and the tests that hold the collectors to a call budget. An interceptor on
 * every client ({@link #interceptor()}): a call is one execution, each transmission after the first
 * is a retry. Only that interceptor names SDK types, so progress reporting does not load the SDK.
 */
public final class CallStats {

    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();

    /** The interceptor that counts into these statistics, for every client of a scan. */
    ExecutionInterceptor interceptor() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
                String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                calls.computeIfAbsent(service + ":" + operation, k -> new AtomicLong()).incrementAndGet();
                total.incrementAndGet();
            }

            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        };
    }

    /** Calls made so far. */
    public long calls() {
        return total.get();
    }

    /** Attempts beyond the first of each call. */
    public long retries() {
        return Math.max(0, attempts.get() - total.get());
    }

    /** Calls per {@code Service:Operation}, sorted. */
    public Map<String, Long> byOperation() {
        Map<String, Long> sorted = new TreeMap<>();
        calls.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }
}
