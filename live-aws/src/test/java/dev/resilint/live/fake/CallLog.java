package dev.resilint.live.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every call the fake received, in arrival order, with counts: to assert call budgets ("one
 * DescribeSubnets page per 2 subnets") and that every IAM action a scan uses is in the shipped policy.
 */
public final class CallLog {
    private final List<Call> calls = new ArrayList<>();

    synchronized void add(Call call) {
        calls.add(call);
    }

    /** All calls so far, in arrival order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls matching this predicate. */
    public synchronized List<Call> calls(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    /** How many calls of this operation were made (any account, region, outcome). */
    public long count(String service, String operation) {
        String id = AwsService.of(service).id();
        return calls(c -> c.service().equals(id) && c.operation().equals(operation)).size();
    }

    /** How many calls of this operation were made as this account in this region. */
    public long count(String account, String region, String service, String operation) {
        String id = AwsService.of(service).id();
        return calls(c -> Objects.equals(c.account(), account) && Objects.equals(c.region(), region)
                          && c.service().equals(id) && c.operation().equals(operation)).size();
    }

    /** Counts by {@code service:Operation}, sorted. */
    public synchronized Map<String, Long> counts() {
        return calls.stream().collect(Collectors.groupingBy(c -> c.service() + ":" + c.operation(), TreeMap::new,
                                                            Collectors.counting()));
    }

    /** The IAM actions the calls needed, sorted. */
    public synchronized SortedSet<String> iamActions() {
        return calls.stream().map(Call::iamAction).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Forgets the calls so far. */
    public synchronized void clear() {
        calls.clear();
    }

    @Override
    public synchronized String toString() {
        return counts().toString();
    }
}
