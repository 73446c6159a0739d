package dev.resilint.live.collect;

import java.util.List;

/**
 * Reads the resources of one AWS service in one scope and hands them, CloudFormation-shaped, to
 * its {@link ScopeReader}: one collector per service (or per group of calls that belong together),
 * one mapper per resource type. A collector reads only the types the scan needs
 * ({@link ScopeReader#wants}), calls only read-only APIs listed in the scan's IAM policy, and
 * reports every type it was asked for as either read in full or missing with the cause
 * ({@link ScopeReader#read}): never silently empty.
 */
public interface Collector {

    /** The SDK service name (its endpoint prefix), such as {@code ec2}: calls are limited per service. */
    String service();

    /** The CloudFormation types this collector can produce. */
    List<String> types();

    /** True for a global service (CloudFront): it is read once per account, not per region. */
    default boolean global() {
        return false;
    }

    /** The IAM actions the collector may call, such as {@code ec2:DescribeSubnets}. */
    List<String> actions();

    /** Reads the scope. Failures of single calls are reported through the reader, never thrown. */
    void collect(ScopeReader reader);
}
