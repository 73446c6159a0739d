package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.cloudfront.CachePolicyMapper;
import dev.resilint.live.map.cloudfront.DistributionMapper;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CachePolicySummary;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyType;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.ListCachePoliciesResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;

/**
 * CloudFront, a global service read once per account (in {@code us-east-1}): distributions
 * ({@code ListDistributions}, whose summaries carry the cache behaviors; the client interface of SDK
 * 2.40.2 has no paginator method, so its public paginator class is used) and the account's own cache
 * policies ({@code ListCachePolicies} with {@code Type=custom}, paged by hand; each summary carries the
 * whole policy). Tags take {@code ListTagsForResource} per distribution, only when a rule reads them.
 */
public final class CloudFrontCollector implements Collector {

    @Override
    public String service() {
        return "cloudfront";
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public List<String> types() {
        return List.of(DistributionMapper.TYPE, CachePolicyMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("cloudfront:ListDistributions", "cloudfront:ListCachePolicies",
                "cloudfront:ListTagsForResource");
    }

    @Override
    public void collect(ScopeReader in) {
        CloudFrontClient cloudfront = in.client(CloudFrontClient.class, CloudFrontClient::builder);
        in.read(List.of(DistributionMapper.TYPE), () -> {
            List<DistributionSummary> all = in.pages("ListDistributions",
                    new ListDistributionsIterable(cloudfront, ListDistributionsRequest.builder().build()),
                    r -> r.distributionList() == null ? List.of() : r.distributionList().items(),
                    r -> r.distributionList() == null ? null : r.distributionList().nextMarker());
            in.each(all, d -> DistributionMapper.map(in.scope(), d, tags(in, cloudfront, d))).forEach(in::add);
        });
        in.read(List.of(CachePolicyMapper.TYPE), () -> in.pagesByToken("ListCachePolicies",
                marker -> cloudfront.listCachePolicies(r -> r.type(CachePolicyType.CUSTOM).marker(marker)),
                r -> r.cachePolicyList() == null ? List.<CachePolicySummary>of() : r.cachePolicyList().items(),
                (ListCachePoliciesResponse r) -> r.cachePolicyList() == null ? null : r.cachePolicyList().nextMarker())
                .forEach(s -> in.add(CachePolicyMapper.map(in.scope(), s.cachePolicy()))));
    }

    private static TagLookup tags(ScopeReader in, CloudFrontClient cloudfront, DistributionSummary d) {
        if (!in.wantsTags()) {
            return TagLookup.none();
        }
        try {
            var tags = in.call("ListTagsForResource", () -> cloudfront.listTagsForResource(r -> r.resource(d.arn())).tags());
            return TagLookup.of(Map.of(d.arn(), Tags.of(tags == null ? List.of() : tags.items(), t -> t.key(),
                    t -> t.value())));
        } catch (ReadFailure f) {
            return TagLookup.failed(f.asUnknown());
        }
    }
}
