package dev.resilint.live.collect.services;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import java.util.List;

/**
 * Template types that a live account holds none of, because what they describe is part of other
 * resources there: a nested stack's resources are collected themselves, and a DynamoDB global
 * table is, in each region, a table with replicas. These types are complete and empty, so that the
 * rules that read them for templates still run live.
 */
public final class SynthesizedTypes implements Collector {

    public static final String NESTED_STACK = "AWS::CloudFormation::Stack";
    public static final String GLOBAL_TABLE = "AWS::DynamoDB::GlobalTable";

    @Override
    public String service() {
        return "none";
    }

    @Override
    public List<String> types() {
        return List.of(NESTED_STACK, GLOBAL_TABLE);
    }

    @Override
    public List<String> actions() {
        return List.of();
    }

    @Override
    public void collect(ScopeReader in) {
        in.read(types(), () -> {
            // nothing to read: such resources do not exist in a live account
        });
    }
}
