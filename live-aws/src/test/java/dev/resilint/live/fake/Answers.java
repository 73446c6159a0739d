package dev.resilint.live.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * What the fake answers in one scope (everywhere, one account, or one account's region): the items a list
 * operation returns, paged by the operation's paginator, and the output of detail operations, fixed, keyed
 * by an input member or computed by a handler. Trees use the model's member names (see {@link FakeAws}).
 *
 * <p>Within a scope, an answer keyed by an input member wins over an unkeyed one, and a later answer over
 * an earlier one of the same kind. A region's answers win over its account's, an account's over those
 * registered everywhere.
 *
 * @param <S> the concrete scope, returned for chaining
 */
public abstract class Answers<S extends Answers<S>> {
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    Answers() {
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** One registered answer: for calls whose input member {@code keyMember} equals {@code key} (null: any). */
    record Answer(AwsService service, String operation, String keyMember, String key, boolean list,
                  Function<Map<String, Object>, Object> producer) {
        boolean matches(AwsService s, String op, Map<String, Object> input) {
            return service == s && operation.equals(op)
                   && (keyMember == null || Objects.equals(key, String.valueOf(input.get(keyMember))));
        }
    }

    /**
     * The items a list operation returns, paged by its paginator (e.g. {@code items("ec2", "DescribeSubnets",
     * List.of(Map.of("SubnetId", "subnet-1")))}). Items are structure trees (Maps by member name, or SDK
     * model objects) or strings for lists of strings ({@code ListQueues}, {@code ListServices}).
     */
    public S items(String service, String operation, List<?> items) {
        return add(service, operation, null, null, items);
    }

    /**
     * The items a list operation returns to calls whose input member equals {@code key}, e.g. the services of
     * one cluster: {@code items("ecs", "ListServices", "cluster", clusterArn, List.of(serviceArn))}.
     */
    public S items(String service, String operation, String inputMember, Object key, List<?> items) {
        return add(service, operation, inputMember, key, items);
    }

    private S add(String serviceName, String operation, String inputMember, Object key, List<?> items) {
        AwsService service = AwsService.of(serviceName);
        OperationModel op = SdkModels.require(service, operation);
        Paging paging = op.paging().orElseThrow(() -> new IllegalArgumentException(
            service.id() + " " + operation + " is not a list operation the fake pages; register an answer or handler"));
        checkMember(op, inputMember);
        Shape element = Trees.shapeAt(op.output(), paging.resultKey()).element().shape();
        List<Object> normalized = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            normalized.add(Trees.normalize(element, items.get(i), operation + "[" + i + "]"));
        }
        List<Object> fixed = List.copyOf(normalized);
        answers.add(new Answer(service, operation, inputMember, key == null ? null : key.toString(), true, in -> fixed));
        return self();
    }

    /** Computes the items of a list operation per call (then paged); the function may throw {@link AwsError}. */
    public S listHandler(String serviceName, String operation, Function<Map<String, Object>, List<?>> handler) {
        AwsService service = AwsService.of(serviceName);
        OperationModel op = SdkModels.require(service, operation);
        op.paging().orElseThrow(() -> new IllegalArgumentException(service.id() + " " + operation + " does not list"));
        answers.add(new Answer(service, operation, null, null, true, handler::apply));
        return self();
    }

    /** The fixed output of an operation (a structure tree of its output shape). */
    public S answer(String service, String operation, Map<String, ?> output) {
        return fixed(service, operation, null, null, output);
    }

    /**
     * The output of an operation for calls whose input member equals {@code key}, e.g.
     * {@code answer("dynamodb", "DescribeTable", "TableName", "orders", Map.of("Table", ...))}.
     */
    public S answer(String service, String operation, String inputMember, Object key, Map<String, ?> output) {
        return fixed(service, operation, inputMember, key, output);
    }

    /** Answers calls whose input member equals {@code key} with this error (one resource unreadable). */
    public S fail(String serviceName, String operation, String inputMember, Object key, AwsError error) {
        AwsService service = AwsService.of(serviceName);
        checkMember(SdkModels.require(service, operation), inputMember);
        answers.add(new Answer(service, operation, inputMember, key.toString(), false, in -> {
            throw error;
        }));
        return self();
    }

    /** Computes the output of an operation from its input tree; the handler may throw {@link AwsError}. */
    public S handler(String serviceName, String operation, Function<Map<String, Object>, Map<String, ?>> handler) {
        AwsService service = AwsService.of(serviceName);
        SdkModels.require(service, operation);
        answers.add(new Answer(service, operation, null, null, false, handler::apply));
        return self();
    }

    /**
     * Answers a batch detail operation from a list of items: the items whose {@code itemKey} member is among
     * the values of the input list {@code inputListMember}, under the output list {@code outputListMember},
     * in the order asked; values no item has are left out. E.g. {@code batch("ecs", "DescribeServices",
     * "services", "services", "serviceArn", services)} or {@code batch("elbv2", "DescribeTags", "ResourceArns",
     * "TagDescriptions", "ResourceArn", tagDescriptions)}.
     */
    public S batch(String serviceName, String operation, String inputListMember, String outputListMember, String itemKey,
                   List<?> items) {
        AwsService service = AwsService.of(serviceName);
        OperationModel op = SdkModels.require(service, operation);
        checkMember(op, inputListMember);
        Shape.Member output = op.output().member(outputListMember);
        if (output == null || output.shape().kind() != Shape.Kind.LIST) {
            throw new IllegalArgumentException(op.service().id() + " " + operation + " has no output list '"
                                               + outputListMember + "'; its members are " + op.output().members().keySet());
        }
        List<Object> normalized = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            normalized.add(Trees.normalize(output.shape().element().shape(), items.get(i), operation + "[" + i + "]"));
        }
        answers.add(new Answer(service, operation, null, null, false, input -> {
            List<Object> selected = new ArrayList<>();
            Object wanted = input.get(inputListMember);
            for (Object key : wanted instanceof List<?> list ? list : List.of()) {
                for (Object item : normalized) {
                    if (item instanceof Map<?, ?> map && key.equals(map.get(itemKey))) {
                        selected.add(item);
                    }
                }
            }
            return Map.of(outputListMember, selected);
        }));
        return self();
    }

    private S fixed(String serviceName, String operation, String inputMember, Object key, Map<String, ?> output) {
        AwsService service = AwsService.of(serviceName);
        OperationModel op = SdkModels.require(service, operation);
        checkMember(op, inputMember);
        Object tree = Trees.normalize(op.output(), output, operation);
        answers.add(new Answer(service, operation, inputMember, key == null ? null : key.toString(), false, in -> tree));
        return self();
    }

    private static void checkMember(OperationModel op, String inputMember) {
        if (inputMember != null && op.input().member(inputMember) == null) {
            throw new IllegalArgumentException(op.service().id() + " " + op.name() + " has no input member '"
                                               + inputMember + "'; its members are " + op.input().members().keySet());
        }
    }

    /** Forgets every answer of this scope. */
    public S clearAnswers() {
        answers.clear();
        return self();
    }

    /** The answer for this call in this scope, or null. */
    Answer find(AwsService service, String operation, Map<String, Object> input) {
        Answer unkeyed = null;
        for (int i = answers.size() - 1; i >= 0; i--) {
            Answer answer = answers.get(i);
            if (answer.matches(service, operation, input)) {
                if (answer.keyMember() != null) {
                    return answer;
                }
                if (unkeyed == null) {
                    unkeyed = answer;
                }
            }
        }
        return unkeyed;
    }
}
