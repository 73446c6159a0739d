package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.pipes.PipeMapper;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.pipes.PipesClient;
import software.amazon.awssdk.services.pipes.model.DescribePipeResponse;
import software.amazon.awssdk.services.pipes.model.ListPipesResponse;
import software.amazon.awssdk.services.pipes.model.NotFoundException;
import software.amazon.awssdk.services.pipes.model.Pipe;

/**
 * EventBridge Pipes: {@code ListPipes} (100 a page), then one {@code DescribePipe} per pipe, which
 * the API makes unavoidable (the source parameters, and their dead-letter configuration, are only
 * there; so are the tags). A pipe deleted between the calls is gone; one whose details cannot be
 * read is kept with what the list gave and marked unread.
 */
public final class PipesCollector implements Collector {

    static final int PAGE = 100;

    @Override
    public String service() {
        return "pipes";
    }

    @Override
    public List<String> types() {
        return List.of(PipeMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("pipes:ListPipes", "pipes:DescribePipe");
    }

    @Override
    public void collect(ScopeReader in) {
        PipesClient pipes = in.client(PipesClient.class, PipesClient::builder);
        in.read(types(), () -> {
            List<Pipe> all = in.pages("ListPipes", pipes.listPipesPaginator(r -> r.limit(PAGE)),
                    ListPipesResponse::pipes, ListPipesResponse::nextToken);
            in.each(all, pipe -> pipe(in, pipes, pipe)).forEach(p -> p.ifPresent(in::add));
        });
    }

    private static Optional<LiveResource> pipe(ScopeReader in, PipesClient pipes, Pipe pipe) {
        try {
            Optional<DescribePipeResponse> detail = in.call("DescribePipe", () -> {
                try {
                    return Optional.of(pipes.describePipe(r -> r.name(pipe.name())));
                } catch (NotFoundException gone) {
                    return Optional.empty();
                }
            });
            return detail.map(d -> PipeMapper.map(in.scope(), pipe, d));
        } catch (ReadFailure f) {
            return Optional.of(PipeMapper.map(in.scope(), pipe, null).withUnread(f.asUnknown()));
        }
    }
}
