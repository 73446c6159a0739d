package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.mq.BrokerMapper;
import java.util.List;
import software.amazon.awssdk.services.mq.MqClient;
import software.amazon.awssdk.services.mq.model.BrokerSummary;
import software.amazon.awssdk.services.mq.model.ListBrokersResponse;

/**
 * Amazon MQ brokers: {@code ListBrokers} (pages of 100, the API's largest), whose summaries carry the
 * deployment mode and engine; {@code DescribeBroker} for each broker only when tags are needed. A broker
 * whose description fails keeps what its summary says, its other properties unread (see
 * {@link BrokerMapper}).
 */
public final class MqCollector implements Collector {

    /** The most brokers {@code ListBrokers} returns a page. */
    static final int PAGE = 100;

    @Override
    public String service() {
        return "mq";
    }

    @Override
    public List<String> types() {
        return List.of(BrokerMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("mq:ListBrokers", "mq:DescribeBroker");
    }

    @Override
    public void collect(ScopeReader in) {
        MqClient mq = in.client(MqClient.class, MqClient::builder);
        in.read(types(), () -> {
            List<BrokerSummary> brokers = in.pages("ListBrokers", mq.listBrokersPaginator(r -> r.maxResults(PAGE)),
                    ListBrokersResponse::brokerSummaries, ListBrokersResponse::nextToken);
            if (!in.wantsTags()) {
                brokers.forEach(b -> in.add(BrokerMapper.listed(in.scope(), b).withUnread(BrokerMapper.NOT_DESCRIBED)));
                return;
            }
            in.each(brokers, b -> {
                try {
                    return BrokerMapper.map(in.scope(),
                            in.call("DescribeBroker", () -> mq.describeBroker(r -> r.brokerId(b.brokerId()))));
                } catch (ReadFailure f) {
                    return BrokerMapper.listed(in.scope(), b).withUnread(f.asUnknown());
                }
            }).forEach(in::add);
        });
    }
}
