package dev.resilint.live.map.cloudfront;

import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.cloudfront.model.AllowedMethods;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponse;
import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.ForwardedValues;
import software.amazon.awssdk.services.cloudfront.model.Origin;

/**
 * {@code ListDistributions} items as {@code AWS::CloudFront::Distribution}: the summary holds the
 * {@code DistributionConfig} parts the rules read (origins, the default and other cache behaviors,
 * {@code Enabled}, the custom error responses), so no per-distribution call is made. The API wraps every list in
 * {@code {Quantity, Items}}; CloudFormation has plain lists. A behavior's {@code CachePolicyId} is a
 * reference to the cache policy; an empty one (the API's "none") is left out. The summary has no
 * {@code Logging}: {@code Logging.Bucket} is unknown (not collected), so that a rule that needs to know
 * where a distribution logs (DR05) does not take it for "nowhere".
 *
 * <p>Live semantics: a legacy behavior (no cache policy) has {@code MinTTL}, {@code DefaultTTL} and
 * {@code MaxTTL} in the API answer whenever CloudFront stored them, including its defaults (86400
 * and 31536000 s); they are mapped as the explicit values they are, and left out only when the API
 * leaves them out. A live account cannot tell a TTL someone chose from CloudFront's default.
 */
public final class DistributionMapper {

    public static final String TYPE = "AWS::CloudFront::Distribution";

    /** {@code DistributionConfig.Logging.Bucket}, which {@code ListDistributions} does not return. */
    static final Value.Unknown LOGGING_UNREAD = Value.unknown(Value.Reason.NOT_COLLECTED,
            "ListDistributions does not return a distribution's access-log bucket (DistributionConfig.Logging), "
                    + "which the live scan does not read");

    private DistributionMapper() {
    }

    /** @param tags the distributions' tags, when a rule reads them */
    public static LiveResource map(Scope scope, DistributionSummary d, TagLookup tags) {
        Props config = Props.map()
                .put("Enabled", d.enabled())
                .put("Comment", blankless(d.comment()))
                .strings("Aliases", d.aliases() == null ? null : d.aliases().items())
                .put("PriceClass", d.priceClassAsString())
                .put("HttpVersion", d.httpVersionAsString())
                .put("IPV6Enabled", d.isIPV6Enabled())
                .put("WebACLId", blankless(d.webACLId()))
                .put("Staging", d.staging())
                .list("Origins", d.origins() == null ? null
                        : d.origins().items().stream().map(DistributionMapper::origin).toList())
                .put("DefaultCacheBehavior", defaultBehavior(d.defaultCacheBehavior()))
                .list("CacheBehaviors", d.cacheBehaviors() == null ? null
                        : d.cacheBehaviors().items().stream().map(DistributionMapper::behavior).toList())
                .list("CustomErrorResponses", d.customErrorResponses() == null ? null
                        : d.customErrorResponses().items().stream().map(DistributionMapper::errorResponse).toList());
        // the summary has no access-log settings: where the distribution logs is not known
        config.put("Logging", Props.map().put("Bucket", Symbols.unknownPlaceholder(LOGGING_UNREAD, Mark.UNKNOWN)));
        String arn = d.arn() != null ? d.arn() : Arns.of(scope, "cloudfront", "distribution/" + d.id());
        Props p = Props.map().put("DistributionConfig", config);
        tags.apply(p, arn);
        return LiveResource.of(TYPE, arn, d.id() + " (" + d.domainName() + ")", scope, p.build(),
                Ids.of(d.id(), "", d.domainName(), "DomainName"));
    }

    private static Node origin(Origin o) {
        Props p = Props.map().put("Id", o.id()).put("DomainName", o.domainName())
                .put("OriginPath", blankless(o.originPath()))
                .put("ConnectionAttempts", o.connectionAttempts())
                .put("ConnectionTimeout", o.connectionTimeout())
                .put("OriginAccessControlId", blankless(o.originAccessControlId()));
        if (o.s3OriginConfig() != null) {
            p.put("S3OriginConfig", Props.map().put("OriginAccessIdentity", o.s3OriginConfig().originAccessIdentity()));
        }
        CustomOriginConfig c = o.customOriginConfig();
        if (c != null) {
            p.put("CustomOriginConfig", Props.map().put("HTTPPort", c.httpPort()).put("HTTPSPort", c.httpsPort())
                    .put("OriginProtocolPolicy", c.originProtocolPolicyAsString())
                    .put("OriginReadTimeout", c.originReadTimeout())
                    .put("OriginKeepaliveTimeout", c.originKeepaliveTimeout())
                    .strings("OriginSSLProtocols", c.originSslProtocols() == null ? null
                            : c.originSslProtocols().itemsAsStrings()));
        }
        if (o.originShield() != null) {
            p.put("OriginShield", Props.map().put("Enabled", o.originShield().enabled())
                    .put("OriginShieldRegion", o.originShield().originShieldRegion()));
        }
        return p.build();
    }

    /** A custom error response; the API's "" for no page or no response code is left out, as CloudFormation has it. */
    private static Node errorResponse(CustomErrorResponse e) {
        return Props.map().put("ErrorCode", e.errorCode()).put("ErrorCachingMinTTL", e.errorCachingMinTTL())
                .put("ResponseCode", blankless(e.responseCode()))
                .put("ResponsePagePath", blankless(e.responsePagePath())).build();
    }

    private static Props defaultBehavior(DefaultCacheBehavior b) {
        if (b == null) {
            return null;
        }
        return common(Props.map(), b.targetOriginId(), b.viewerProtocolPolicyAsString(), b.cachePolicyId(),
                b.originRequestPolicyId(), b.responseHeadersPolicyId(), b.compress(), b.smoothStreaming(),
                b.allowedMethods(), b.forwardedValues(), b.minTTL(), b.defaultTTL(), b.maxTTL(),
                b.realtimeLogConfigArn(), b.fieldLevelEncryptionId());
    }

    private static Node behavior(CacheBehavior b) {
        return common(Props.map().put("PathPattern", b.pathPattern()), b.targetOriginId(),
                b.viewerProtocolPolicyAsString(), b.cachePolicyId(), b.originRequestPolicyId(),
                b.responseHeadersPolicyId(), b.compress(), b.smoothStreaming(), b.allowedMethods(), b.forwardedValues(),
                b.minTTL(), b.defaultTTL(), b.maxTTL(), b.realtimeLogConfigArn(), b.fieldLevelEncryptionId()).build();
    }

    private static Props common(Props p, String target, String viewerProtocolPolicy, String cachePolicyId,
            String originRequestPolicyId, String responseHeadersPolicyId, Boolean compress, Boolean smoothStreaming,
            AllowedMethods methods, ForwardedValues forwarded, Long minTtl, Long defaultTtl, Long maxTtl,
            String realtimeLogConfigArn, String fieldLevelEncryptionId) {
        p.put("TargetOriginId", target).put("ViewerProtocolPolicy", viewerProtocolPolicy)
                .ref("CachePolicyId", cachePolicyId, CachePolicyMapper.TYPE)
                .put("OriginRequestPolicyId", blankless(originRequestPolicyId))
                .put("ResponseHeadersPolicyId", blankless(responseHeadersPolicyId))
                .put("Compress", compress).put("SmoothStreaming", smoothStreaming)
                .put("RealtimeLogConfigArn", blankless(realtimeLogConfigArn))
                .put("FieldLevelEncryptionId", blankless(fieldLevelEncryptionId));
        if (methods != null) {
            p.strings("AllowedMethods", methods.itemsAsStrings());
            if (methods.cachedMethods() != null) {
                p.strings("CachedMethods", methods.cachedMethods().itemsAsStrings());
            }
        }
        if (forwarded != null) {
            Props f = Props.map().put("QueryString", forwarded.queryString())
                    .strings("Headers", forwarded.headers() == null ? null : forwarded.headers().items())
                    .strings("QueryStringCacheKeys", forwarded.queryStringCacheKeys() == null ? null
                            : forwarded.queryStringCacheKeys().items());
            if (forwarded.cookies() != null) {
                f.put("Cookies", Props.map().put("Forward", forwarded.cookies().forwardAsString())
                        .strings("WhitelistedNames", forwarded.cookies().whitelistedNames() == null ? null
                                : forwarded.cookies().whitelistedNames().items()));
            }
            p.put("ForwardedValues", f);
        }
        return p.put("MinTTL", minTtl).put("DefaultTTL", defaultTtl).put("MaxTTL", maxTtl);
    }

    /** The API answers "" for an unset identifier; CloudFormation leaves it out. */
    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
