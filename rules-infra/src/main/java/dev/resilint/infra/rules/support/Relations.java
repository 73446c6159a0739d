package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shared reading of relations for the MQ and TO rules: which resource a property refers to, which
 * Lambda function a reference stands for, a function's timeout, and numbers that may depend on a
 * condition.
 */
public final class Relations {

    public static final String FUNCTION = "AWS::Lambda::Function";
    public static final String ALIAS = "AWS::Lambda::Alias";
    public static final String VERSION = "AWS::Lambda::Version";

    /** The types {@link #lambdaFunction} reads: a rule that uses it declares them. */
    public static final List<String> FUNCTION_TYPES = List.of(FUNCTION, ALIAS, VERSION);

    /** CloudFormation's default Lambda {@code Timeout}, in seconds. */
    public static final long LAMBDA_DEFAULT_TIMEOUT = 3;

    private Relations() {
    }

    /**
     * The resources a property refers to: the {@code Ref} or {@code Fn::GetAtt} it evaluates to, or
     * else the references written anywhere inside it ({@code Fn::Sub}, {@code Fn::Join}, ...).
     * Empty when the property is absent or depends on a condition that cannot be decided.
     */
    public static List<String> referencedIds(GraphView graph, Resource resource, String path) {
        Value value = graph.property(resource, path);
        Optional<Symbols.ResourceRef> ref = value.asResourceRef();
        if (ref.isPresent()) {
            return List.of(ref.get().resourceId());
        }
        if (value.isAbsent() || value.possibilities().size() > 1) {
            return List.of();
        }
        return idsAt(graph, resource, "Properties/" + path);
    }

    /** The resources referred to at {@code fullPath} (below the resource, e.g. {@code Properties/X}) or inside it. */
    public static List<String> idsAt(GraphView graph, Resource resource, String fullPath) {
        return graph.referencedIdsAt(resource, fullPath);
    }

    /**
     * The Lambda function that {@code resourceId} stands for: the function itself, or the function
     * of an alias or version defined in the same template. Empty for anything else, and for a
     * function, alias or version whose condition is provably false.
     */
    public static Optional<Resource> lambdaFunction(GraphView graph, String resourceId) {
        return lambdaFunction(graph, resourceId, 0);
    }

    private static Optional<Resource> lambdaFunction(GraphView graph, String resourceId, int depth) {
        Optional<Resource> r = graph.resource(resourceId, FUNCTION, ALIAS, VERSION);
        if (r.isEmpty() || depth > 3 || !graph.mayExist(r.get())) {
            return Optional.empty();
        }
        String type = r.get().type();
        if (type.equals("AWS::Lambda::Function")) {
            return r;
        }
        if (type.equals("AWS::Lambda::Alias") || type.equals("AWS::Lambda::Version")) {
            List<String> targets = referencedIds(graph, r.get(), "FunctionName");
            return targets.size() == 1 ? lambdaFunction(graph, targets.get(0), depth + 1) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The one Lambda function the given resources stand for; empty when none or several. */
    public static Optional<Resource> oneFunction(GraphView graph, List<String> resourceIds) {
        Set<Resource> functions = new LinkedHashSet<>();
        for (String id : resourceIds) {
            lambdaFunction(graph, id).ifPresent(functions::add);
        }
        return functions.size() == 1 ? Optional.of(functions.iterator().next()) : Optional.empty();
    }


    /** The function's {@code Timeout} in seconds, per possibility (3 when unset); empty when unknown. */
    public static Optional<Range> lambdaTimeout(GraphView graph, Resource function) {
        return Range.of(graph.property(function, "Timeout"), LAMBDA_DEFAULT_TIMEOUT);
    }

    /**
     * The smallest and largest value a numeric property may take, whichever way its conditions go.
     *
     * @param min the smallest possibility
     * @param max the largest possibility
     * @param conditional whether the value depends on a condition (several possibilities)
     */
    public record Range(long min, long max, boolean conditional) {

        /** The range of {@code value}, with {@code dflt} for an absent possibility; empty when any is unknown. */
        public static Optional<Range> of(Value value, long dflt) {
            return value.readEach(option -> option.isAbsent() ? Optional.of(dflt) : option.asLong()).map(numbers -> {
                long min = numbers.stream().mapToLong(Long::longValue).min().orElseThrow();
                long max = numbers.stream().mapToLong(Long::longValue).max().orElseThrow();
                return new Range(min, max, numbers.size() > 1 && min != max);
            });
        }

        /** {@code "60 s"}, or {@code "up to 60 s"} / {@code "at least 20 s"} when it depends on a condition. */
        public String describeMax(String unit) {
            return (conditional ? "up to " : "") + max + unit;
        }

        public String describeMin(String unit) {
            return (conditional ? "at least " : "") + min + unit;
        }
    }
}
