package dev.resilint.live.collect.services;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.dynamodb.TableMapper;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * DynamoDB tables: {@code ListTables} (pages of 100), then per table {@code DescribeTable} and
 * {@code DescribeContinuousBackups} (the API has no batch describe), and {@code ListTagsOfResource}
 * (paged by hand: the SDK has no paginator for it) only when a rule reads tags. A table deleted
 * between the list and its describe is gone; any other failed detail call keeps the table with
 * what could be read (see {@link TableMapper}).
 */
public final class DynamoDbCollector implements Collector {

    /** The most names {@code ListTables} returns a page. */
    static final int PAGE = 100;

    @Override
    public String service() {
        return "dynamodb";
    }

    @Override
    public List<String> types() {
        return List.of(TableMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("dynamodb:ListTables", "dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups",
                "dynamodb:ListTagsOfResource");
    }

    @Override
    public void collect(ScopeReader in) {
        DynamoDbClient dynamodb = in.client(DynamoDbClient.class, DynamoDbClient::builder);
        in.read(types(), () -> {
            List<String> names = in.pages("ListTables", dynamodb.listTablesPaginator(r -> r.limit(PAGE)),
                    ListTablesResponse::tableNames, ListTablesResponse::lastEvaluatedTableName);
            in.each(names, name -> table(in, dynamodb, name)).forEach(t -> t.ifPresent(in::add));
        });
    }

    private static Optional<LiveResource> table(ScopeReader in, DynamoDbClient dynamodb, String name) {
        TableDescription table = null;
        ReadFailure unread = null;
        try {
            Optional<TableDescription> described = in.call("DescribeTable", () -> {
                try {
                    return Optional.of(dynamodb.describeTable(r -> r.tableName(name)).table());
                } catch (ResourceNotFoundException e) {
                    return Optional.empty();
                }
            });
            if (described.isEmpty() || described.get().tableStatus() == TableStatus.DELETING) {
                return Optional.empty(); // deleted since it was listed, or being deleted: no more calls
            }
            table = described.get();
        } catch (ReadFailure f) {
            unread = f;
        }
        ContinuousBackupsDescription backups = null;
        Value.Unknown backupsFailure = null;
        try {
            Optional<DescribeContinuousBackupsResponse> read = in.call("DescribeContinuousBackups", () -> {
                try {
                    return Optional.of(dynamodb.describeContinuousBackups(r -> r.tableName(name)));
                } catch (TableNotFoundException e) {
                    return Optional.empty();
                }
            });
            if (read.isEmpty()) {
                return Optional.empty(); // deleted since it was listed
            }
            backups = read.get().continuousBackupsDescription();
        } catch (ReadFailure f) {
            backupsFailure = f.asUnknown();
        }
        String arn = table != null && table.tableArn() != null ? table.tableArn() : TableMapper.arn(in.scope(), name);
        Optional<LiveResource> resource = TableMapper.map(in.scope(), name, table, backups, backupsFailure,
                tags(in, dynamodb, arn));
        ReadFailure failure = unread;
        return failure == null ? resource : resource.map(r -> r.withUnread(failure.asUnknown()));
    }

    /** The table's tags, when a rule reads them; a failed call leaves only its tags unknown. */
    private static TagLookup tags(ScopeReader in, DynamoDbClient dynamodb, String arn) {
        if (!in.wantsTags()) {
            return TagLookup.none();
        }
        try {
            var tags = in.pagesByToken("ListTagsOfResource", token -> dynamodb.listTagsOfResource(r -> r
                    .resourceArn(arn).nextToken(token)), ListTagsOfResourceResponse::tags,
                    ListTagsOfResourceResponse::nextToken);
            return TagLookup.of(Map.of(arn, Tags.of(tags, t -> t.key(), t -> t.value())));
        } catch (ReadFailure f) {
            return TagLookup.failed(f.asUnknown());
        }
    }
}
