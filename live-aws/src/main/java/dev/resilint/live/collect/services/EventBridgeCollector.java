package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.events.EventBusMapper;
import dev.resilint.live.map.events.RuleMapper;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * EventBridge event buses and rules. {@code ListEventBuses} (100 a page) gives the buses (the
 * account's {@code default} one included); {@code DescribeEventBus}, one per bus, gives a bus's
 * dead-letter configuration. {@code ListRules} lists the rules of one bus, so it is called per bus,
 * and {@code ListTargetsByRule} per rule: the API has no other way to the targets. The Java SDK has
 * no paginators for these (botocore pages ListRules and ListTargetsByRule by {@code NextToken}),
 * so the tokens are followed by hand.
 *
 * <p>A bus or rule whose detail call fails is kept and marked unread; a failed {@code ListRules}
 * for one bus makes the rule type missing, since that bus's rules are unknown.
 */
public final class EventBridgeCollector implements Collector {

    static final int PAGE = 100;

    @Override
    public String service() {
        return "events";
    }

    @Override
    public List<String> types() {
        return List.of(RuleMapper.TYPE, EventBusMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("events:ListEventBuses", "events:DescribeEventBus", "events:ListRules",
                "events:ListTargetsByRule");
    }

    @Override
    public void collect(ScopeReader in) {
        EventBridgeClient events = in.client(EventBridgeClient.class, EventBridgeClient::builder);
        List<EventBus> buses = new ArrayList<>();
        in.read(types(), () -> buses.addAll(in.pagesByToken("ListEventBuses",
                token -> events.listEventBuses(r -> r.limit(PAGE).nextToken(token)),
                ListEventBusesResponse::eventBuses, ListEventBusesResponse::nextToken)));
        in.read(List.of(EventBusMapper.TYPE), () -> in.each(buses, bus -> {
            try {
                DescribeEventBusResponse detail = in.call("DescribeEventBus",
                        () -> events.describeEventBus(r -> r.name(bus.name())));
                return EventBusMapper.map(in.scope(), bus, detail);
            } catch (ReadFailure f) {
                return EventBusMapper.map(in.scope(), bus, null).withUnread(f.asUnknown());
            }
        }).forEach(in::add));
        in.read(List.of(RuleMapper.TYPE), () -> {
            List<Rule> rules = in.each(buses, bus -> in.pagesByToken("ListRules",
                    token -> events.listRules(r -> r.eventBusName(bus.name()).limit(PAGE).nextToken(token)),
                    ListRulesResponse::rules, ListRulesResponse::nextToken)).stream().flatMap(List::stream).toList();
            in.each(rules, rule -> rule(in, events, rule)).forEach(in::add);
        });
    }

    private static LiveResource rule(ScopeReader in, EventBridgeClient events, Rule rule) {
        try {
            List<Target> targets = in.pagesByToken("ListTargetsByRule", token -> events.listTargetsByRule(r -> r
                    .rule(rule.name()).eventBusName(rule.eventBusName()).limit(PAGE).nextToken(token)),
                    ListTargetsByRuleResponse::targets, ListTargetsByRuleResponse::nextToken);
            return RuleMapper.map(in.scope(), rule, targets);
        } catch (ReadFailure f) {
            return RuleMapper.map(in.scope(), rule, null).withUnread(f.asUnknown());
        }
    }
}
