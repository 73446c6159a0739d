package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.sns.SubscriptionMapper;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * SNS subscriptions: {@code ListSubscriptions} (100 a page), then one
 * {@code GetSubscriptionAttributes} per confirmed subscription, which the API makes unavoidable
 * (the redrive policy is only there). A subscription still waiting for confirmation has no ARN
 * and no attributes to read and delivers nothing: it is left out. A subscription deleted between
 * the two calls is gone; one whose attributes cannot be read is kept and marked unread.
 */
public final class SnsCollector implements Collector {

    @Override
    public String service() {
        return "sns";
    }

    @Override
    public List<String> types() {
        return List.of(SubscriptionMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("sns:ListSubscriptions", "sns:GetSubscriptionAttributes");
    }

    @Override
    public void collect(ScopeReader in) {
        SnsClient sns = in.client(SnsClient.class, SnsClient::builder);
        in.read(types(), () -> {
            List<Subscription> subscriptions = in.pages("ListSubscriptions", sns.listSubscriptionsPaginator(),
                    ListSubscriptionsResponse::subscriptions, ListSubscriptionsResponse::nextToken).stream()
                    .filter(s -> s.subscriptionArn() != null && s.subscriptionArn().startsWith("arn:"))
                    .toList();
            in.each(subscriptions, s -> subscription(in, sns, s)).forEach(s -> s.ifPresent(in::add));
        });
    }

    private static Optional<LiveResource> subscription(ScopeReader in, SnsClient sns, Subscription s) {
        try {
            Optional<Map<String, String>> attributes = in.call("GetSubscriptionAttributes", () -> {
                try {
                    return Optional.of(sns.getSubscriptionAttributes(r -> r.subscriptionArn(s.subscriptionArn()))
                            .attributes());
                } catch (NotFoundException gone) {
                    return Optional.empty();
                }
            });
            return attributes.map(a -> SubscriptionMapper.map(in.scope(), s, a));
        } catch (ReadFailure f) {
            return Optional.of(SubscriptionMapper.map(in.scope(), s, null).withUnread(f.asUnknown()));
        }
    }
}
