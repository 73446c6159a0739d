package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.opensearch.DomainMapper;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.DomainInfo;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;

/**
 * OpenSearch Service domains: {@code ListDomainNames} (not paged: every domain of the region), then
 * {@code DescribeDomains} for at most {@value #BATCH} names a call (the API's limit), and
 * {@code ListTags} for each domain only when a rule reads tags. A failed {@code ListDomainNames} leaves
 * the types incomplete; a failed {@code DescribeDomains} leaves the domains of its batch known by name,
 * unread; a failed {@code ListTags} leaves only that domain's tags unknown.
 *
 * <p>Decision: the OpenSearch API lists and describes Elasticsearch-engine domains too (the legacy
 * Elasticsearch API is the same service and the same domains), so every domain becomes one
 * {@code AWS::OpenSearchService::Domain}, whose {@code EngineVersion} says the engine
 * ({@code Elasticsearch_7.10}), as CloudFormation's own type accepts; {@code AWS::Elasticsearch::Domain}
 * is read by the same calls, complete and always empty, so that a rule judging both types runs (and a
 * failed {@code ListDomainNames} makes both incomplete).
 */
public final class OpenSearchCollector implements Collector {

    /** The legacy Elasticsearch type: complete and empty live (see the class comment). */
    public static final String ELASTICSEARCH = "AWS::Elasticsearch::Domain";

    /** The most names {@code DescribeDomains} takes a call. */
    static final int BATCH = 5;

    @Override
    public String service() {
        return "es";
    }

    @Override
    public List<String> types() {
        return List.of(DomainMapper.TYPE, ELASTICSEARCH);
    }

    @Override
    public List<String> actions() {
        return List.of("es:ListDomainNames", "es:DescribeDomains", "es:ListTags");
    }

    @Override
    public void collect(ScopeReader in) {
        OpenSearchClient os = in.client(OpenSearchClient.class, OpenSearchClient::builder);
        in.read(types(), () -> {
            List<String> names = in.call("ListDomainNames", () -> os.listDomainNames(r -> { })).domainNames()
                    .stream().map(DomainInfo::domainName).toList();
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < names.size(); i += BATCH) {
                batches.add(names.subList(i, Math.min(names.size(), i + BATCH)));
            }
            List<DomainStatus> described = new ArrayList<>();
            for (Described batch : in.each(batches, batch -> describe(in, os, batch))) {
                batch.domains().stream().filter(d -> !DomainMapper.gone(d)).forEach(described::add);
                batch.unread().forEach(in::add);
            }
            in.each(described, d -> DomainMapper.map(in.scope(), d, tags(in, os, DomainMapper.arn(in.scope(), d.arn(),
                    d.domainName())))).forEach(in::add);
        });
    }

    /** What one {@code DescribeDomains} call gave: the domains, or the batch's domains by name, unread. */
    private record Described(List<DomainStatus> domains, List<LiveResource> unread) {
    }

    private static Described describe(ScopeReader in, OpenSearchClient os, List<String> batch) {
        try {
            return new Described(in.call("DescribeDomains", () -> os.describeDomains(r -> r.domainNames(batch)))
                    .domainStatusList(), List.of());
        } catch (ReadFailure f) {
            return new Described(List.of(), batch.stream()
                    .map(name -> DomainMapper.listed(in.scope(), name).withUnread(f.asUnknown())).toList());
        }
    }

    /** The tags of one domain, when a rule reads them; a failed call leaves only its tags unknown. */
    private static TagLookup tags(ScopeReader in, OpenSearchClient os, String arn) {
        if (!in.wantsTags()) {
            return TagLookup.none();
        }
        try {
            var tags = in.call("ListTags", () -> os.listTags(r -> r.arn(arn)).tagList());
            return TagLookup.of(Map.of(arn, Tags.of(tags, t -> t.key(), t -> t.value())));
        } catch (ReadFailure f) {
            return TagLookup.failed(f.asUnknown());
        }
    }
}
