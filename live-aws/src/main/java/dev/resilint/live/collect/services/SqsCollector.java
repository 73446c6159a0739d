package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * SQS queues: {@code ListQueues} (1000 a page; SQS only pages when {@code MaxResults} is set), then
 * one {@code GetQueueAttributes(All)} per queue, which the API makes unavoidable, and one
 * {@code ListQueueTags} per queue only when a rule reads tags. A queue deleted between the two
 * calls is gone; one whose attributes cannot be read is kept with its name and marked unread.
 */
public final class SqsCollector implements Collector {

    /** The most queues {@code ListQueues} answers in a page. */
    static final int PAGE = 1000;

    @Override
    public String service() {
        return "sqs";
    }

    @Override
    public List<String> types() {
        return List.of(QueueMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("sqs:ListQueues", "sqs:GetQueueAttributes", "sqs:ListQueueTags");
    }

    @Override
    public void collect(ScopeReader in) {
        SqsClient sqs = in.client(SqsClient.class, SqsClient::builder);
        in.read(types(), () -> {
            List<String> urls = in.pages("ListQueues", sqs.listQueuesPaginator(r -> r.maxResults(PAGE)),
                    ListQueuesResponse::queueUrls, ListQueuesResponse::nextToken);
            in.each(urls, url -> queue(in, sqs, url)).forEach(q -> q.ifPresent(in::add));
        });
    }

    private static Optional<LiveResource> queue(ScopeReader in, SqsClient sqs, String url) {
        Map<String, String> attributes;
        try {
            Optional<Map<String, String>> read = in.call("GetQueueAttributes", () -> {
                try {
                    return Optional.of(sqs.getQueueAttributes(r -> r.queueUrl(url)
                            .attributeNames(QueueAttributeName.ALL)).attributesAsStrings());
                } catch (QueueDoesNotExistException gone) {
                    return Optional.empty();
                }
            });
            if (read.isEmpty()) {
                return Optional.empty();
            }
            attributes = read.get();
        } catch (ReadFailure f) {
            // its tags are unread too: no tag call for a queue whose attributes failed
            return Optional.of(QueueMapper.map(in.scope(), url, null, TagLookup.none()).withUnread(f.asUnknown()));
        }
        String arn = attributes.getOrDefault("QueueArn", QueueMapper.arn(in.scope(), url));
        return Optional.of(QueueMapper.map(in.scope(), url, attributes, tags(in, sqs, url, arn)));
    }

    /** The queue's tags when a rule reads them; a failed call leaves them unknown for this queue only. */
    private static TagLookup tags(ScopeReader in, SqsClient sqs, String url, String arn) {
        if (!in.wantsTags()) {
            return TagLookup.none();
        }
        try {
            Map<String, String> tags = in.call("ListQueueTags", () -> sqs.listQueueTags(r -> r.queueUrl(url)).tags());
            return TagLookup.of(Map.of(arn, tags));
        } catch (ReadFailure f) {
            return TagLookup.failed(f.asUnknown());
        }
    }
}
