package dev.resilint.live.collect;

import dev.resilint.infra.graph.Completeness;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.aws.ReadFailure;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;

/**
 * What a collector works with in one scope: its SDK clients, guarded calls and pages, bounded
 * parallel detail calls, and the sink for resources and completeness.
 */
public interface ScopeReader {

    Scope scope();

    /** Whether the scan needs {@code type} (some enabled rule reads it). */
    boolean wants(String type);

    /** Whether tags are needed (a rule that reads them is enabled and configured). */
    boolean wantsTags();

    /** The scope's client of a service. */
    <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(Class<C> type,
            Supplier<B> builder);

    /**
     * Reads {@code types} with {@code body}: when it returns, the types are complete; when a call in
     * it fails ({@link ReadFailure}, or any SDK exception), they are missing with that cause. Types
     * the scan does not want are skipped without a call.
     */
    void read(Collection<String> types, Runnable body);

    /** Calls the API; an SDK exception becomes a classified {@link ReadFailure} naming the operation. */
    <T> T call(String operation, Supplier<T> call);

    /**
     * The items of every page of a paginated call, in order. {@code pages} is an SDK paginator
     * (or any lazy iterable of responses); a pagination token that comes back twice ends the call as a
     * failure instead of looping forever.
     */
    <P, I> List<I> pages(String operation, Iterable<P> pages, Function<P, ? extends Collection<I>> items,
            Function<P, String> nextToken);

    /**
     * The items of a paginated call driven by hand (for APIs without an SDK paginator): {@code page}
     * fetches the page after a token ({@code null} for the first).
     */
    <P, I> List<I> pagesByToken(String operation, Function<String, P> page,
            Function<P, ? extends Collection<I>> items, Function<P, String> nextToken);

    /**
     * Applies {@code detail} to every item, a bounded number at a time, and returns the results in
     * the items' order. {@code detail} handles its own failures (usually by returning the resource
     * marked unread, see {@link LiveResource#withUnread}).
     */
    <I, R> List<R> each(List<I> items, Function<I, R> detail);

    /** Hands over a resource of a type being read. */
    void add(LiveResource resource);

    /** Records a type as missing without reading it (a call it depends on failed). */
    void missing(String type, Completeness.Gap gap);
}
