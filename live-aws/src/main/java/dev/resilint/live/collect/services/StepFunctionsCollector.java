package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.sfn.StateMachineMapper;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDeletingException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;

/**
 * Step Functions state machines: {@code ListStateMachines} (1000 a page), then one
 * {@code DescribeStateMachine} per state machine, which the API makes unavoidable (the definition
 * is only there), and {@code ListTagsForResource} per state machine only when a rule reads tags.
 * A state machine deleted (or being deleted) since it was listed is gone; one whose definition
 * cannot be read is kept with its name and type and marked unread.
 */
public final class StepFunctionsCollector implements Collector {

    static final int PAGE = 1000;

    @Override
    public String service() {
        return "states";
    }

    @Override
    public List<String> types() {
        return List.of(StateMachineMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("states:ListStateMachines", "states:DescribeStateMachine", "states:ListTagsForResource");
    }

    @Override
    public void collect(ScopeReader in) {
        SfnClient sfn = in.client(SfnClient.class, SfnClient::builder);
        in.read(types(), () -> {
            List<StateMachineListItem> items = in.pages("ListStateMachines",
                    sfn.listStateMachinesPaginator(r -> r.maxResults(PAGE)), ListStateMachinesResponse::stateMachines,
                    ListStateMachinesResponse::nextToken);
            in.each(items, item -> machine(in, sfn, item)).forEach(m -> m.ifPresent(in::add));
        });
    }

    private static Optional<LiveResource> machine(ScopeReader in, SfnClient sfn, StateMachineListItem item) {
        Optional<DescribeStateMachineResponse> detail;
        try {
            detail = in.call("DescribeStateMachine", () -> {
                try {
                    return Optional.of(sfn.describeStateMachine(r -> r.stateMachineArn(item.stateMachineArn())));
                } catch (StateMachineDoesNotExistException | StateMachineDeletingException gone) {
                    return Optional.empty();
                }
            });
        } catch (ReadFailure f) {
            return Optional.of(StateMachineMapper.map(in.scope(), item, null, TagLookup.none()).withUnread(f.asUnknown()));
        }
        if (detail.isEmpty() || detail.get().status() == StateMachineStatus.DELETING) {
            return Optional.empty();
        }
        return Optional.of(StateMachineMapper.map(in.scope(), item, detail.get(), tags(in, sfn, item.stateMachineArn())));
    }

    private static TagLookup tags(ScopeReader in, SfnClient sfn, String arn) {
        if (!in.wantsTags()) {
            return TagLookup.none();
        }
        try {
            Map<String, String> tags = Tags.of(in.call("ListTagsForResource",
                    () -> sfn.listTagsForResource(r -> r.resourceArn(arn)).tags()), t -> t.key(), t -> t.value());
            return TagLookup.of(Map.of(arn, tags));
        } catch (ReadFailure f) {
            return TagLookup.failed(f.asUnknown());
        }
    }
}
