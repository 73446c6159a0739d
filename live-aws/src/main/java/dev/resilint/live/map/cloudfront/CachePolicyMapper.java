package dev.resilint.live.map.cloudfront;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.cloudfront.model.CachePolicy;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyConfig;
import software.amazon.awssdk.services.cloudfront.model.ParametersInCacheKeyAndForwardedToOrigin;

/**
 * {@code ListCachePolicies} items ({@code Type=custom}) as {@code AWS::CloudFront::CachePolicy}, with
 * the whole {@code CachePolicyConfig} (TTLs and cache key parameters) the list already carries.
 *
 * <p>Live semantics: only the account's own (custom) policies are cache policies of the account. The
 * managed policies (CachingOptimized, CachingDisabled, ...) are AWS's, the same in every account, and
 * a template cannot declare them either: it names them by their literal id, as a live distribution
 * does. A reference to a managed policy stays that id, and CA01 does not judge AWS's policies in either
 * source.
 */
public final class CachePolicyMapper {

    public static final String TYPE = "AWS::CloudFront::CachePolicy";

    private CachePolicyMapper() {
    }

    public static LiveResource map(Scope scope, CachePolicy policy) {
        CachePolicyConfig c = policy.cachePolicyConfig();
        Props config = Props.map();
        String name = policy.id();
        if (c != null) {
            name = c.name() == null ? policy.id() : c.name() + " (" + policy.id() + ")";
            config.put("Name", c.name()).put("Comment", c.comment())
                    .put("MinTTL", c.minTTL()).put("DefaultTTL", c.defaultTTL()).put("MaxTTL", c.maxTTL())
                    .put("ParametersInCacheKeyAndForwardedToOrigin", parameters(c.parametersInCacheKeyAndForwardedToOrigin()));
        }
        return LiveResource.of(TYPE, arn(scope, policy.id()), name, scope,
                Props.map().put("CachePolicyConfig", config).build(), Ids.of(policy.id(), ""));
    }

    /** {@code arn:<partition>:cloudfront::<account>:cache-policy/<id>}. */
    public static String arn(Scope scope, String id) {
        return Arns.of(scope, "cloudfront", "cache-policy/" + id);
    }

    private static Props parameters(ParametersInCacheKeyAndForwardedToOrigin k) {
        if (k == null) {
            return null;
        }
        Props p = Props.map().put("EnableAcceptEncodingGzip", k.enableAcceptEncodingGzip())
                .put("EnableAcceptEncodingBrotli", k.enableAcceptEncodingBrotli());
        if (k.headersConfig() != null) {
            p.put("HeadersConfig", Props.map().put("HeaderBehavior", k.headersConfig().headerBehaviorAsString())
                    .strings("Headers", k.headersConfig().headers() == null ? null : k.headersConfig().headers().items()));
        }
        if (k.cookiesConfig() != null) {
            p.put("CookiesConfig", Props.map().put("CookieBehavior", k.cookiesConfig().cookieBehaviorAsString())
                    .strings("Cookies", k.cookiesConfig().cookies() == null ? null : k.cookiesConfig().cookies().items()));
        }
        if (k.queryStringsConfig() != null) {
            p.put("QueryStringsConfig", Props.map()
                    .put("QueryStringBehavior", k.queryStringsConfig().queryStringBehaviorAsString())
                    .strings("QueryStrings", k.queryStringsConfig().queryStrings() == null ? null
                            : k.queryStringsConfig().queryStrings().items()));
        }
        return p;
    }
}
