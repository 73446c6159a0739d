package dev.resilint.infra.rules.mq;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Arn;
import java.util.List;
import java.util.Optional;

/**
 * MQ05: a Lambda event source mapping on a Kinesis or DynamoDB stream that retries a failing batch
 * for as long as its records live, and sends it nowhere when they expire. One record the function
 * cannot process blocks its shard: every later record of the shard waits behind it, for a day or
 * more, and is then lost. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class StreamConsumerWithoutFailureHandling extends ResourceRule {

    static final String MAPPING = "AWS::Lambda::EventSourceMapping";
    static final String TABLE = "AWS::DynamoDB::Table";

    /** The properties that only mappings of Kafka, Amazon MQ and DocumentDB sources have. */
    private static final List<String> OTHER_SOURCE_PROPERTIES = List.of("Topics", "Queues", "SelfManagedEventSource",
            "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig", "DocumentDBEventSourceConfig");

    public static final RuleMetadata METADATA = RuleMetadata.builder("MQ05", StreamConsumerWithoutFailureHandling.class)
            .severity(Severity.WARNING)
            .summary("A Kinesis or DynamoDB stream consumer retries failed batches until the records expire, with no "
                    + "on-failure destination.")
            .rationale("For stream sources Lambda retries a failed batch, by default, until its records expire "
                    + "from the stream (`MaximumRetryAttempts` and `MaximumRecordAgeInSeconds` default to -1, "
                    + "infinite), and processes a shard in order: one record the function cannot process (a "
                    + "poison record) stops its whole shard for up to the stream's retention, 24 hours for "
                    + "DynamoDB streams and by default for Kinesis, while the iterator age grows; then the "
                    + "records are dropped without a trace. `BisectBatchOnFunctionError` alone does not help: it "
                    + "narrows the failure down to the bad record, which is then still retried until it expires. "
                    + "Bounding the retries (`MaximumRetryAttempts` or `MaximumRecordAgeInSeconds`) lets the shard "
                    + "move on, and an on-failure destination keeps a pointer to what was skipped.")
            .remediation("Set `MaximumRetryAttempts` (e.g. 3) or `MaximumRecordAgeInSeconds`, "
                    + "`BisectBatchOnFunctionError: true`, and `DestinationConfig: {OnFailure: {Destination: "
                    + "!GetAtt StreamFailures.Arn}}` (an SQS queue, SNS topic or S3 bucket); with SAM, the same "
                    + "properties on the `Kinesis` or `DynamoDB` event. Report partial batch failures "
                    + "(`FunctionResponseTypes: [ReportBatchItemFailures]`) to retry only what failed.")
            .wellArchitected("REL05-BP04")
            .anchors(Reference.cdkNag("Serverless-LambdaEventSourceMappingDestination"))
            .tags("stream", "retry", "dead-letter", "lambda")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(MAPPING)
            .reads(TABLE)
            .firesOn("An `AWS::Lambda::EventSourceMapping` (SAM `Kinesis` and `DynamoDB` events become one) whose "
                            + "`EventSourceArn` is a DynamoDB table's stream (a reference to the table, or a literal "
                            + "`arn:...:dynamodb:...:table/.../stream/...` ARN) or a Kinesis stream or consumer (a "
                            + "literal `arn:...:kinesis:...` ARN, or a reference to a resource of the template that "
                            + "is no table when the mapping has a `StartingPosition` (which SQS mappings do not have) and none of the "
                            + "properties of Kafka, Amazon MQ and DocumentDB mappings: `Topics`, `Queues`, "
                            + "`SelfManagedEventSource`, `DocumentDBEventSourceConfig`, ...), when retries are unbounded (`MaximumRetryAttempts` not set or "
                            + "-1, and `MaximumRecordAgeInSeconds` not set or -1) and it has no "
                            + "`DestinationConfig.OnFailure.Destination`, in every branch of their conditions; "
                            + "`BisectBatchOnFunctionError` does not change the verdict. Located at "
                            + "`MaximumRetryAttempts`, or at the mapping when it is not set.")
            .quietWhen("The mapping reads an SQS queue, Kafka, Amazon MQ or DocumentDB, or its source cannot be told "
                            + "(a parameter, an import, an ARN built at deployment).",
                    "Retries are bounded (`MaximumRetryAttempts` 0 or more, or `MaximumRecordAgeInSeconds` set), or "
                            + "an on-failure destination is set: the shard moves on. Bounded retries without a "
                            + "destination drop records after the last attempt; this rule does not judge that "
                            + "choice.",
                    "Any deciding value cannot be known.",
                    "The mapping's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource mapping, GraphView graph, RuleContext context) {
        Optional<String> source = streamSource(graph, mapping);
        if (source.isEmpty()) {
            return;
        }
        Value retries = graph.property(mapping, "MaximumRetryAttempts");
        Value age = graph.property(mapping, "MaximumRecordAgeInSeconds");
        Value destination = graph.property(mapping, "DestinationConfig/OnFailure/Destination");
        if (!unbounded(retries) || !unbounded(age) || !destination.isAbsent()) {
            return;
        }
        context.report(mapping.locateProperty("MaximumRetryAttempts"), "Lambda event source mapping "
                + mapping.displayName() + " reads " + source.get() + " with "
                + describe(retries, "MaximumRetryAttempts") + ", " + describe(age, "MaximumRecordAgeInSeconds")
                + " and no DestinationConfig.OnFailure: one record the function cannot process blocks its shard "
                + "until it expires from the stream, and is then lost"
                + (graph.property(mapping, "BisectBatchOnFunctionError").asBoolean().orElse(false)
                        ? " (BisectBatchOnFunctionError only narrows the retries down to it)" : "")
                + "; set MaximumRetryAttempts (e.g. 3), BisectBatchOnFunctionError: true and an on-failure "
                + "destination (an SQS queue, SNS topic or S3 bucket)");
    }

    /** True when every possibility is absent or -1 (infinite). */
    private static boolean unbounded(Value value) {
        return value.always(v -> v.isAbsent() || v.asLong().equals(Optional.of(-1L)));
    }

    private static String describe(Value value, String name) {
        return value.isAbsent() ? name + " not set (default -1, infinite)" : name + " -1 (infinite)";
    }

    /** {@code "Kinesis stream Orders"} when the mapping provably reads a Kinesis or DynamoDB stream. */
    private static Optional<String> streamSource(GraphView graph, Resource mapping) {
        Value arn = graph.property(mapping, "EventSourceArn");
        Optional<Symbols.ResourceRef> ref = arn.asResourceRef();
        if (ref.isPresent()) {
            Optional<Resource> table = graph.resource(ref.get().resourceId(), TABLE);
            if (table.isPresent()) {
                return Optional.of("the stream of DynamoDB table " + table.get().displayName());
            }
            // not a table or queue: a Kinesis stream or consumer, unless the mapping is one of another source
            // (an SQS mapping has no StartingPosition)
            boolean kinesis = !graph.property(mapping, "StartingPosition").isAbsent()
                    && OTHER_SOURCE_PROPERTIES.stream().allMatch(p -> graph.property(mapping, p).isAbsent());
            return kinesis ? Optional.of("Kinesis stream " + ref.get().resourceId()) : Optional.empty();
        }
        Optional<Arn> parsed = arn.asString().flatMap(Arn::parse);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String resource = parsed.get().resource();
        if (parsed.get().service().equals("kinesis")) {
            return Optional.of("Kinesis stream " + resource.substring(resource.indexOf('/') + 1));
        }
        if (parsed.get().isDynamoDbStream()) {
            String table = resource.startsWith("table/") ? resource.substring("table/".length()) : resource;
            return Optional.of("the stream of DynamoDB table " + table.substring(0, table.indexOf("/stream/")));
        }
        return Optional.empty();
    }
}
