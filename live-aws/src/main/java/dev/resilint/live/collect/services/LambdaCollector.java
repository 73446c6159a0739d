package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.lambda.AliasMapper;
import dev.resilint.live.map.lambda.EventInvokeConfigMapper;
import dev.resilint.live.map.lambda.EventSourceMappingMapper;
import dev.resilint.live.map.lambda.FunctionMapper;
import dev.resilint.live.map.lambda.PermissionMapper;
import dev.resilint.live.map.lambda.VersionMapper;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionEventInvokeConfigsResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Lambda functions ({@code ListFunctions}, 50 a page) and event source mappings
 * ({@code ListEventSourceMappings}, 100 a page), plus, per function and only for the types the
 * scan needs, its aliases ({@code ListAliases}), published versions ({@code ListVersionsByFunction})
 * and asynchronous invocation configurations ({@code ListFunctionEventInvokeConfigs}): the API has
 * no account-wide listing of these, so the per-function calls are unavoidable. Tags
 * ({@code ListTags}, one per function) only when a rule reads them. Permissions
 * ({@code AWS::Lambda::Permission}, who may invoke a function: S3, SNS, EventBridge, SES, IoT, Logs)
 * only when a rule reads them: {@code GetPolicy} for each function and for each of its aliases and
 * versions, since a permission granted on a qualified ARN lives in that alias's or version's own
 * policy; {@code ResourceNotFoundException} is a function (or qualifier) without a policy, or one
 * deleted meanwhile, which grants nothing.
 *
 * <p>Aliases, versions and invoke configurations are listings, not details: when the call fails for
 * one function, what that function has is unknown, so the whole type is missing with the cause
 * (the rules that read it are not evaluated in the scope) rather than silently short. So are
 * policies: a failed {@code GetPolicy} (or a policy that is not JSON) leaves the permissions of the
 * scope unread, as does a failed listing of the aliases or versions whose policies are read. A
 * function deleted between the calls has none. A failed tag call leaves only that function's tags
 * unknown.
 */
public final class LambdaCollector implements Collector {

    static final int FUNCTION_PAGE = 50;
    static final int MAPPING_PAGE = 100;

    @Override
    public String service() {
        return "lambda";
    }

    @Override
    public List<String> types() {
        return List.of(FunctionMapper.TYPE, EventSourceMappingMapper.TYPE, AliasMapper.TYPE, VersionMapper.TYPE,
                EventInvokeConfigMapper.TYPE, PermissionMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("lambda:ListFunctions", "lambda:ListEventSourceMappings", "lambda:ListAliases",
                "lambda:ListVersionsByFunction", "lambda:ListFunctionEventInvokeConfigs", "lambda:ListTags",
                "lambda:GetPolicy");
    }

    @Override
    public void collect(ScopeReader in) {
        LambdaClient lambda = in.client(LambdaClient.class, LambdaClient::builder);
        List<String> perFunction = List.of(FunctionMapper.TYPE, AliasMapper.TYPE, VersionMapper.TYPE,
                EventInvokeConfigMapper.TYPE, PermissionMapper.TYPE);
        List<FunctionConfiguration> functions = new ArrayList<>();
        if (perFunction.stream().anyMatch(in::wants)) {
            in.read(perFunction, () -> functions.addAll(in.pages("ListFunctions",
                    lambda.listFunctionsPaginator(r -> r.maxItems(FUNCTION_PAGE)), ListFunctionsResponse::functions,
                    ListFunctionsResponse::nextMarker)));
        }
        in.read(List.of(FunctionMapper.TYPE), () -> in.each(functions, f -> FunctionMapper.map(in.scope(), f,
                tags(in, lambda, f))).forEach(in::add));
        // the qualifiers (aliases, published versions) of each function, for their own policies
        Map<String, List<String>> qualifiers = new ConcurrentHashMap<>();
        in.read(List.of(AliasMapper.TYPE, PermissionMapper.TYPE), () -> each(in, functions, f -> {
            List<AliasConfiguration> aliases = in.pages("ListAliases", unlessGone(lambda.listAliasesPaginator(r -> r
                    .functionName(f.functionArn()).maxItems(FUNCTION_PAGE))), ListAliasesResponse::aliases,
                    ListAliasesResponse::nextMarker);
            aliases.forEach(a -> qualifiers.computeIfAbsent(f.functionArn(), k -> new CopyOnWriteArrayList<>())
                    .add(a.name()));
            return in.wants(AliasMapper.TYPE) ? aliases.stream().map(a -> AliasMapper.map(in.scope(), f, a)).toList()
                    : List.of();
        }));
        in.read(List.of(VersionMapper.TYPE, PermissionMapper.TYPE), () -> each(in, functions, f -> {
            List<LiveResource> versions = in.pages("ListVersionsByFunction", unlessGone(lambda
                    .listVersionsByFunctionPaginator(r -> r.functionName(f.functionArn()).maxItems(FUNCTION_PAGE))),
                    ListVersionsByFunctionResponse::versions, ListVersionsByFunctionResponse::nextMarker).stream()
                    .flatMap(v -> VersionMapper.map(in.scope(), f, v).stream()).toList();
            versions.forEach(v -> qualifiers.computeIfAbsent(f.functionArn(), k -> new CopyOnWriteArrayList<>())
                    .add(FunctionMapper.qualifierOf(v.arn())));
            return in.wants(VersionMapper.TYPE) ? versions : List.of();
        }));
        in.read(List.of(PermissionMapper.TYPE), () -> each(in, functions, f -> {
            List<LiveResource> permissions = new ArrayList<>(policy(in, lambda, f, null));
            for (String qualifier : qualifiers.getOrDefault(f.functionArn(), List.of())) {
                permissions.addAll(policy(in, lambda, f, qualifier));
            }
            return permissions;
        }));
        in.read(List.of(EventInvokeConfigMapper.TYPE), () -> each(in, functions, f -> in.pages(
                "ListFunctionEventInvokeConfigs", unlessGone(lambda.listFunctionEventInvokeConfigsPaginator(r -> r
                        .functionName(f.functionArn()).maxItems(FUNCTION_PAGE))),
                ListFunctionEventInvokeConfigsResponse::functionEventInvokeConfigs,
                ListFunctionEventInvokeConfigsResponse::nextMarker).stream()
                .map(c -> EventInvokeConfigMapper.map(in.scope(), f, c)).toList()));
        in.read(List.of(EventSourceMappingMapper.TYPE), () -> in.pages("ListEventSourceMappings",
                lambda.listEventSourceMappingsPaginator(r -> r.maxItems(MAPPING_PAGE)),
                ListEventSourceMappingsResponse::eventSourceMappings, ListEventSourceMappingsResponse::nextMarker)
                .forEach(m -> in.add(EventSourceMappingMapper.map(in.scope(), m))));
    }

    /** Lists {@code listing} for every function and adds what it gave; a function deleted meanwhile has nothing. */
    private static void each(ScopeReader in, List<FunctionConfiguration> functions,
            Function<FunctionConfiguration, List<LiveResource>> listing) {
        in.each(functions, f -> {
            try {
                return listing.apply(f);
            } catch (Gone gone) {
                return List.<LiveResource>of();
            }
        }).forEach(list -> list.forEach(in::add));
    }

    /** A function listed a moment ago and deleted since. */
    private static final class Gone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Gone() {
            super("the function was deleted", null, false, false);
        }
    }

    /** The pages, ending with {@link Gone} when the API says the function does not exist (any more). */
    static <P> Iterable<P> unlessGone(Iterable<P> pages) {
        return () -> {
            Iterator<P> it = pages.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return it.hasNext();
                    } catch (ResourceNotFoundException e) {
                        throw new Gone();
                    }
                }

                @Override
                public P next() {
                    try {
                        return it.next();
                    } catch (ResourceNotFoundException e) {
                        throw new Gone();
                    }
                }
            };
        };
    }

    /**
     * The permissions in the policy of the function, or of its alias or version {@code qualifier} (null:
     * the function's own); none when it has no policy or is gone ({@code ResourceNotFoundException}).
     */
    private static List<LiveResource> policy(ScopeReader in, LambdaClient lambda, FunctionConfiguration f,
            String qualifier) {
        String policy = in.call("GetPolicy", () -> {
            try {
                return lambda.getPolicy(r -> r.functionName(f.functionArn()).qualifier(qualifier)).policy();
            } catch (ResourceNotFoundException none) {
                return null;
            }
        });
        return policy == null ? List.of() : PermissionMapper.map(in.scope(), f, qualifier, policy);
    }

    /** The function's tags when a rule reads them; a failed call leaves them unknown for this function only. */
    private static TagLookup tags(ScopeReader in, LambdaClient lambda, FunctionConfiguration f) {
        if (!in.wantsTags()) {
            return TagLookup.none();
        }
        try {
            Map<String, String> tags = in.call("ListTags", () -> lambda.listTags(r -> r.resource(f.functionArn())).tags());
            return TagLookup.of(Map.of(f.functionArn(), tags));
        } catch (ReadFailure failure) {
            return TagLookup.failed(failure.asUnknown());
        }
    }
}
