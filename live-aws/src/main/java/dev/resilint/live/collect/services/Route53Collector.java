package dev.resilint.live.collect.services;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.route53.HealthCheckMapper;
import dev.resilint.live.map.route53.RecordSetMapper;
import java.util.List;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ListHealthChecksResponse;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;

/**
 * Route 53, a global service read once per account (in {@code us-east-1}, like CloudFront): the hosted
 * zones ({@code ListHostedZones}, public and private, pages of 100) and the records of each
 * ({@code ListResourceRecordSets}, pages of 300, the API's most; its page token is the next record's
 * name, type and set identifier, which the SDK's paginator carries over). Both calls are paged by the
 * SDK's paginators, ending on {@code IsTruncated: false}. The health checks ({@code ListHealthChecks},
 * pages of 1000, the API's most, by {@code Marker}/{@code NextMarker} until {@code IsTruncated: false}),
 * whose configurations are all OB02 reads of them (which alarm a health check watches): no call per
 * health check, and no tags, which no rule reads.
 *
 * <p>{@code AWS::Route53::RecordSetGroup} is complete and empty (see {@link #RECORD_SET_GROUP}). A zone
 * whose records cannot be listed makes the record type missing in the account; a failed
 * {@code ListHealthChecks} makes the health check type missing there. The account's global types are
 * handed to each of its regions, so either gap lands in every region of the account whose rules read
 * the type.
 */
public final class Route53Collector implements Collector {

    /** The most zones {@code ListHostedZones} returns a page. */
    static final int ZONE_PAGE = 100;
    /** The most records {@code ListResourceRecordSets} returns a page. */
    static final int RECORD_PAGE = 300;
    /** The most health checks {@code ListHealthChecks} returns a page. */
    static final int HEALTH_CHECK_PAGE = 1000;

    @Override
    public String service() {
        return "route53";
    }

    @Override
    public boolean global() {
        return true;
    }

    /**
     * A template's record set group: in an account its records are records like any other, so the type is
     * complete and empty, and the rules that judge it for templates still run live.
     */
    public static final String RECORD_SET_GROUP = "AWS::Route53::RecordSetGroup";

    @Override
    public List<String> types() {
        return List.of(RecordSetMapper.TYPE, RECORD_SET_GROUP, HealthCheckMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("route53:ListHostedZones", "route53:ListResourceRecordSets", "route53:ListHealthChecks");
    }

    @Override
    public void collect(ScopeReader in) {
        Route53Client route53 = in.client(Route53Client.class, Route53Client::builder);
        in.read(List.of(RECORD_SET_GROUP), () -> {
            // nothing to read: see RECORD_SET_GROUP
        });
        in.read(List.of(RecordSetMapper.TYPE), () -> {
            List<HostedZone> zones = in.pages("ListHostedZones",
                    route53.listHostedZonesPaginator(r -> r.maxItems(String.valueOf(ZONE_PAGE))),
                    ListHostedZonesResponse::hostedZones, ListHostedZonesResponse::nextMarker);
            in.each(zones, zone -> {
                String zoneId = RecordSetMapper.zoneId(zone.id());
                return in.pages("ListResourceRecordSets", route53.listResourceRecordSetsPaginator(r -> r
                                .hostedZoneId(zoneId).maxItems(String.valueOf(RECORD_PAGE))),
                        ListResourceRecordSetsResponse::resourceRecordSets, Route53Collector::nextToken).stream()
                        .map(record -> RecordSetMapper.map(in.scope(), zoneId, record)).toList();
            }).stream().flatMap(List::stream).forEach(in::add);
        });
        in.read(List.of(HealthCheckMapper.TYPE), () -> {
            List<HealthCheck> checks = in.pages("ListHealthChecks",
                    route53.listHealthChecksPaginator(r -> r.maxItems(String.valueOf(HEALTH_CHECK_PAGE))),
                    ListHealthChecksResponse::healthChecks,
                    r -> Boolean.TRUE.equals(r.isTruncated()) ? r.nextMarker() : null);
            checks.forEach(h -> in.add(HealthCheckMapper.map(in.scope(), h)));
        });
    }

    /** The page token of a record page, for the repeated-token check: the next record's name, type and id. */
    private static String nextToken(ListResourceRecordSetsResponse r) {
        if (!Boolean.TRUE.equals(r.isTruncated())) {
            return null;
        }
        return r.nextRecordName() + "|" + r.nextRecordTypeAsString() + "|" + r.nextRecordIdentifier();
    }
}
