package dev.resilint.infra.rules.ca;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ListItems;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CA04: a cache whose entries are given no lifetime: a DAX parameter group with a TTL of 0, or an
 * API Gateway Lambda authorizer whose result caching is switched off. It judges each of its three
 * types on its own (a DAX parameter group says nothing about an authorizer), so where a live scan
 * cannot read one of them only that type is not evaluated; it reads an HTTP API authorizer's API only
 * to tell a WebSocket API, which caches no authorizer results, from an HTTP API. What it fires on and
 * when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class CacheTtlUnset extends ResourceRule {

    static final String DAX_PARAMETER_GROUP = "AWS::DAX::ParameterGroup";
    static final String REST_AUTHORIZER = "AWS::ApiGateway::Authorizer";
    static final String HTTP_AUTHORIZER = "AWS::ApiGatewayV2::Authorizer";
    static final String HTTP_API = "AWS::ApiGatewayV2::Api";

    public static final RuleMetadata METADATA = RuleMetadata.builder("CA04", CacheTtlUnset.class)
            .severity(Severity.WARNING)
            .summary("A DAX parameter group sets a cache TTL of 0, or an API Gateway Lambda authorizer caches no results.")
            .rationale("A DAX TTL of 0 (`record-ttl-millis` for the item cache, `query-ttl-millis` for the query "
                    + "cache) means entries never expire by time: a change written to DynamoDB without going "
                    + "through DAX stays invisible to readers until the entry happens to be evicted. The defaults "
                    + "(5 minutes each) apply when the parameter group does not set them, and a cluster without a "
                    + "parameter group uses them. An API Gateway Lambda authorizer with "
                    + "`AuthorizerResultTtlInSeconds: 0` runs the authorizer function on every request: its "
                    + "latency is added to every call, its concurrency and throttles become the API's, and when it "
                    + "fails every request fails, where a cached policy would carry clients through a short "
                    + "outage. A REST API authorizer without the property caches for 300 seconds (the API default), "
                    + "which is fine. AppSync caches are not judged: AppSync requires a `Ttl` of 1 to 3600 seconds "
                    + "on `AWS::AppSync::ApiCache` and on resolver caching, so it cannot be unset or 0.")
            .remediation("In the DAX parameter group, set `record-ttl-millis` and `query-ttl-millis` to a lifetime "
                    + "that bounds staleness (the default is 300000). On the authorizer, set "
                    + "`AuthorizerResultTtlInSeconds` to 60-300 seconds and give it an identity source to key the "
                    + "cache on.")
            .wellArchitected("REL11-BP05")
            .tags("caching", "api-gateway", "dynamodb")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(DAX_PARAMETER_GROUP, REST_AUTHORIZER, HTTP_AUTHORIZER)
            .reads(HTTP_API)
            .judgesTypesIndependently()
            .firesOn("An `AWS::DAX::ParameterGroup` whose `ParameterNameValues` sets `record-ttl-millis` or "
                            + "`query-ttl-millis` to 0; one finding per parameter.",
                    "An `AWS::ApiGateway::Authorizer` of `Type` `TOKEN` or `REQUEST` (a Lambda authorizer) with "
                            + "`AuthorizerResultTtlInSeconds: 0`.",
                    "An `AWS::ApiGatewayV2::Authorizer` of `AuthorizerType` `REQUEST` with "
                            + "`AuthorizerResultTtlInSeconds: 0`.")
            .quietWhen("A DAX parameter group that does not set a TTL (the 5-minute defaults apply); a DAX cluster "
                            + "without a parameter group.",
                    "An authorizer without `AuthorizerResultTtlInSeconds`: REST API authorizers then cache for 300 "
                            + "seconds; for HTTP API authorizers the API model states no default, so an unset value is "
                            + "not taken as proof.",
                    "A `REQUEST` authorizer without an identity source (`IdentitySource` unset or empty): API "
                            + "Gateway cannot key a cache without one and requires caching to be off.",
                    "Cognito user pool and JWT authorizers, which run no function of the account.",
                    "An `AWS::ApiGatewayV2::Authorizer` of a WebSocket API (its `ApiId` refers to an "
                            + "`AWS::ApiGatewayV2::Api` of `ProtocolType` `WEBSOCKET`), or one whose API is not known "
                            + "to be an HTTP API (the API is elsewhere or its `ProtocolType` unknown) and that has "
                            + "neither an `AuthorizerPayloadFormatVersion` nor identity sources in the HTTP API's "
                            + "`$request.` syntax: API Gateway caches authorizer results only for HTTP APIs.",
                    "`AWS::AppSync::ApiCache` and AppSync resolvers: their TTL is required and at least 1 second.",
                    "A deciding value cannot be known.",
                    "Live accounts: DAX parameter groups are read with the values in effect (`DescribeParameters`, "
                            + "whether set or default; a value set per node type is unknown), DAX's own group "
                            + "`default.dax1.0` like any other (its values are the 5-minute defaults); REST and HTTP "
                            + "API authorizers are read with the TTL they have "
                            + "(`GetAuthorizers`). A group whose parameters cannot be read is not evaluated, and a "
                            + "type that cannot be read in a region is not evaluated there while the others are "
                            + "still judged.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        switch (r.type()) {
            case DAX_PARAMETER_GROUP -> dax(graph, r, context);
            case REST_AUTHORIZER -> authorizer(graph, r, context, "Type", List.of("TOKEN", "REQUEST"),
                    "API Gateway authorizer");
            default -> authorizer(graph, r, context, "AuthorizerType", List.of("REQUEST"), "HTTP API authorizer");
        }
    }

    private static void dax(GraphView graph, Resource group, RuleContext context) {
        for (String name : List.of("record-ttl-millis", "query-ttl-millis")) {
            Value ttl = graph.property(group, "ParameterNameValues/" + name);
            if (ttl.isAbsent() || !ttl.asLong().equals(Optional.of(0L))) {
                continue;
            }
            String cache = name.startsWith("record") ? "item cache" : "query cache";
            context.report(group.locate("Properties/ParameterNameValues/" + name), "DAX parameter group "
                    + group.displayName() + " sets " + name + " to 0, so entries of the " + cache + " never expire "
                    + "by time and changes written to DynamoDB without going through DAX stay invisible until the "
                    + "entry is evicted; set " + name + " to a lifetime that bounds staleness (default 300000)", name);
        }
    }

    private static void authorizer(GraphView graph, Resource authorizer, RuleContext context, String typeKey,
            List<String> lambdaTypes, String kind) {
        Optional<String> type = graph.property(authorizer, typeKey).asString().map(t -> t.trim().toUpperCase(Locale.ROOT));
        if (type.isEmpty() || !lambdaTypes.contains(type.get())) {
            return;
        }
        Value ttl = graph.property(authorizer, "AuthorizerResultTtlInSeconds");
        if (ttl.isAbsent() || !ttl.asLong().equals(Optional.of(0L))) {
            return;
        }
        if (type.get().equals("REQUEST") && !hasIdentitySource(graph.property(authorizer, "IdentitySource"))) {
            return; // caching needs an identity source to key on; without one it must be off
        }
        if (authorizer.type().equals(HTTP_AUTHORIZER) && ofWebSocketApi(graph, authorizer)) {
            return; // only HTTP APIs cache authorizer results
        }
        context.report(authorizer.locateProperty("AuthorizerResultTtlInSeconds"), kind + " " + authorizer.displayName()
                + " caches no results (AuthorizerResultTtlInSeconds: 0), so its function runs on every request and "
                + "when it fails or is throttled every request is denied; set AuthorizerResultTtlInSeconds to 60-300 "
                + "seconds");
    }

    /**
     * True unless the authorizer is known to be an HTTP API's: its API is in the graph with
     * {@code ProtocolType} {@code HTTP}, or, where the API is elsewhere or its protocol unknown, the
     * authorizer carries what only HTTP API authorizers have (an {@code AuthorizerPayloadFormatVersion},
     * or identity sources in the HTTP API's {@code $request.}/{@code $context.} syntax, where a WebSocket
     * API writes {@code route.request.}). WebSocket APIs cache no authorizer results. Where APIs could
     * not be read (a live region where only they are missing), the authorizer cannot be judged, and is
     * reported as not evaluated instead.
     */
    private static boolean ofWebSocketApi(GraphView graph, Resource authorizer) {
        if (!graph.holds(HTTP_API)) {
            graph.cannotJudge(authorizer, Value.unknown(Value.Reason.READ_FAILED, HTTP_API + " could not be read, "
                    + "so whether the authorizer belongs to a WebSocket API, which caches no results, is unknown"));
            return true;
        }
        Optional<String> protocol = graph.resolve(graph.property(authorizer, "ApiId"), HTTP_API)
                .flatMap(api -> graph.property(api, "ProtocolType").asString())
                .map(p -> p.trim().toUpperCase(Locale.ROOT));
        if (protocol.isPresent()) {
            return !protocol.get().equals("HTTP");
        }
        boolean payloadFormat = graph.property(authorizer, "AuthorizerPayloadFormatVersion").possibilities().stream()
                .noneMatch(v -> v instanceof Value.Absent);
        boolean httpSyntax = ListItems.of(graph.property(authorizer, "IdentitySource"))
                .map(items -> !items.isEmpty() && items.stream().allMatch(i -> i.asString()
                        .filter(t -> t.trim().startsWith("$")).isPresent()))
                .orElse(false);
        return !payloadFormat && !httpSyntax;
    }

    /** True when the identity source is known and names at least one source. */
    private static boolean hasIdentitySource(Value source) {
        if (source.isAbsent()) {
            return false;
        }
        Optional<String> text = source.asString();
        if (text.isPresent()) {
            return !text.get().isBlank();
        }
        Optional<List<Value>> items = ListItems.of(source);
        return items.isPresent() && !items.get().isEmpty();
    }
}
