package dev.resilint.live.config;

import dev.resilint.core.NotEvaluated;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.model.ScopeRead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.AggregatedSourceStatus;
import software.amazon.awssdk.services.config.model.AggregatedSourceStatusType;
import software.amazon.awssdk.services.config.model.DescribeConfigurationAggregatorSourcesStatusResponse;
import software.amazon.awssdk.services.config.model.NoSuchConfigurationAggregatorException;
import software.amazon.awssdk.services.config.model.SelectAggregateResourceConfigResponse;

/**
 * Reads an organisation's resources from an AWS Config aggregator, from the aggregator's account
 * alone, in two steps so that memory stays bounded by a batch of accounts, never the whole
 * organisation. {@link #index}: {@code DescribeConfigurationAggregators} (that it exists),
 * {@code DescribeConfigurationAggregatorSourcesStatus} (which accounts and regions it aggregates,
 * and whether each delivered), one {@code SelectAggregateResourceConfig} query for the
 * configuration recorders ({@link Recorders}, one item per account and region) and, when a source
 * is a whole organisation, one aggregation query ({@code SELECT accountId, COUNT(*) ... GROUP BY
 * accountId}) for the accounts that hold items. Then {@link #read}, per batch of at most
 * {@value #ACCOUNTS_PER_QUERY} accounts: one query per resource type limited to those accounts
 * ({@code AND accountId IN (...)}), in pages of {@value #PAGE}.
 *
 * <p>Completeness, per account, region and type: read in full only when the source status is
 * {@code SUCCEEDED} (else {@code error} with Config's error for {@code FAILED}, {@code stale} for
 * {@code OUTDATED}), the type's query answered in full (else its classified failure, in every
 * scope), every item was captured within {@code --max-age} (else {@code stale}), and either items
 * of the type exist there or the scope's recorder records the type (else {@code unsupported}: a
 * missing item is never evidence of compliance). Types Config cannot serve are {@code unsupported}
 * ({@link ConfigTypes#whyNot}).
 */
public final class ConfigAggregatorSource {

    /** Results {@code SelectAggregateResourceConfig} returns a page at most. */
    static final int PAGE = 100;
    /** Accounts one query of {@link #read} asks for (its expression stays far below Config's 4,096 characters). */
    public static final int ACCOUNTS_PER_QUERY = 20;
    /** Pages after which a paginated call is taken to loop. */
    static final int MAX_PAGES = 100_000;

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final ConfigClient config;
    private final AggregatorSettings settings;
    private final Instant now;
    private final String where;
    // set by index()
    private Set<String> wanted = Set.of();
    private Map<String, ConfigAdapter> adapters = Map.of();
    private Map<Scope, AggregatedSourceStatus> statuses = Map.of();
    private final Recorders recorders = new Recorders();
    private Optional<Completeness.Gap> recordersFailed = Optional.empty();

    /** A mistake of the user's, such as an aggregator that does not exist: the scan cannot start. */
    public static final class AggregatorException extends RuntimeException {
        AggregatorException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What the aggregator has, before any resource is read.
     *
     * @param scopes each account and region it aggregates (of those asked for), in order
     * @param whole a gap that leaves every account and region unread (the aggregator or its source
     *     status cannot be read), with the aggregator's name and region in its detail
     * @param served the types read from Config
     */
    public record Index(Set<Scope> scopes, Optional<Completeness.Gap> whole, Set<String> served) {
        public Index {
            scopes = java.util.Collections.unmodifiableSet(new TreeSet<>(scopes));
            served = java.util.Collections.unmodifiableSet(new TreeSet<>(served));
        }
    }

    /**
     * @param config a client of the aggregator's region, with the caller's credentials
     * @param now the time items' ages are measured from
     */
    public ConfigAggregatorSource(ConfigClient config, AggregatorSettings settings, Instant now) {
        this.config = config;
        this.settings = settings;
        this.now = now;
        this.where = "aggregator " + settings.name() + " in " + settings.region();
    }

    /**
     * Finds the scopes the aggregator has for {@code wanted} (regional types), limited to
     * {@code accounts} and {@code regions} when given (empty: all), reading no resource yet.
     *
     * @throws AggregatorException when the aggregator does not exist
     */
    public Index index(Set<String> wanted, Set<String> accounts, Set<String> regions) {
        this.wanted = Set.copyOf(wanted);
        try {
            call("DescribeConfigurationAggregators", () -> config.describeConfigurationAggregators(
                    r -> r.configurationAggregatorNames(settings.name())));
        } catch (NoSuchConfigurationAggregatorException e) {
            throw new AggregatorException("--aggregator " + settings.name() + ": no such AWS Config aggregator in "
                    + settings.region() + " (give --aggregator-region REGION if it lives in another region)");
        } catch (ReadFailure f) {
            return unread(f);
        }
        List<AggregatedSourceStatus> sources;
        try {
            sources = pages("DescribeConfigurationAggregatorSourcesStatus",
                    config.describeConfigurationAggregatorSourcesStatusPaginator(r -> r
                            .configurationAggregatorName(settings.name()).limit(PAGE)),
                    DescribeConfigurationAggregatorSourcesStatusResponse::aggregatedSourceStatusList,
                    DescribeConfigurationAggregatorSourcesStatusResponse::nextToken);
        } catch (ReadFailure f) {
            return unread(f);
        }
        Map<String, ConfigAdapter> chosen = new LinkedHashMap<>();
        ConfigTypes.adapters().forEach((type, a) -> {
            if (a.types().stream().anyMatch(wanted::contains)) {
                chosen.put(type, a);
            }
        });
        this.adapters = chosen;
        Set<String> known = new TreeSet<>();
        if (!adapters.isEmpty()) {
            try {
                for (ConfigItem recorder : select("'" + Recorders.TYPE + "'", List.of())) {
                    recorders.add(recorder);
                    known.add(recorder.account());
                }
            } catch (ReadFailure f) {
                recordersFailed = Optional.of(new Completeness.Gap(f.reason(), where + ": " + f.getMessage()));
            }
        }
        Map<Scope, AggregatedSourceStatus> status = new HashMap<>();
        Map<String, AggregatedSourceStatus> regionWide = new HashMap<>();
        for (AggregatedSourceStatus s : sources) {
            if (s.awsRegion() == null || s.sourceId() == null) {
                continue;
            }
            if (ACCOUNT.matcher(s.sourceId()).matches()) {
                status.merge(new Scope(s.sourceId(), s.awsRegion()), s, ConfigAggregatorSource::worse);
                known.add(s.sourceId());
            } else {
                regionWide.merge(s.awsRegion(), s, ConfigAggregatorSource::worse);
            }
        }
        if (!regionWide.isEmpty() && !adapters.isEmpty()) {
            try {
                known.addAll(accountsWithItems());
            } catch (ReadFailure f) {
                return unread(f);
            }
        }
        Set<Scope> scopes = new TreeSet<>(status.keySet());
        for (String region : regionWide.keySet()) {
            known.forEach(a -> scopes.add(new Scope(a, region)));
        }
        scopes.removeIf(s -> (!accounts.isEmpty() && !accounts.contains(s.account()))
                || (!regions.isEmpty() && !regions.contains(s.region())));
        Map<Scope, AggregatedSourceStatus> byScope = new HashMap<>();
        for (Scope scope : scopes) {
            AggregatedSourceStatus s = status.containsKey(scope) ? status.get(scope) : regionWide.get(scope.region());
            if (status.containsKey(scope) && regionWide.containsKey(scope.region())) {
                s = worse(s, regionWide.get(scope.region()));
            }
            byScope.put(scope, s);
        }
        this.statuses = byScope;
        return new Index(scopes, Optional.empty(), adapters.values().stream().flatMap(a -> a.types().stream())
                .filter(wanted::contains).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * Reads the resources of the indexed scopes of {@code accounts} (at most
     * {@value #ACCOUNTS_PER_QUERY}): one query per type, limited to them.
     */
    public Map<Scope, ScopeRead> read(Collection<String> accounts) {
        if (accounts.size() > ACCOUNTS_PER_QUERY) {
            throw new IllegalArgumentException("at most " + ACCOUNTS_PER_QUERY + " accounts a read: " + accounts.size());
        }
        List<String> batch = new ArrayList<>(new TreeSet<>(accounts));
        Map<String, List<ConfigItem>> items = new HashMap<>();
        Map<String, Completeness.Gap> failed = new HashMap<>();
        for (String type : adapters.keySet()) {
            try {
                items.put(type, select("'" + type + "'", batch));
            } catch (ReadFailure f) {
                failed.put(type, new Completeness.Gap(f.reason(), where + ": " + f.getMessage()));
            }
        }
        Map<Scope, ScopeRead> read = new TreeMap<>();
        for (Map.Entry<Scope, AggregatedSourceStatus> e : new TreeMap<>(statuses).entrySet()) {
            if (batch.contains(e.getKey().account())) {
                read.put(e.getKey(), scope(e.getKey(), e.getValue(), items, failed));
            }
        }
        return read;
    }

    private Index unread(ReadFailure f) {
        return new Index(Set.of(), Optional.of(new Completeness.Gap(f.reason(), where + ": " + f.getMessage())), Set.of());
    }

    /** The accounts that hold items of the adapters' types: one row per account. */
    private Set<String> accountsWithItems() {
        String types = adapters.keySet().stream().sorted().map(t -> "'" + t + "'")
                .collect(java.util.stream.Collectors.joining(", "));
        String expression = "SELECT accountId, COUNT(*) WHERE resourceType IN (" + types + ") GROUP BY accountId";
        List<String> rows = pages("SelectAggregateResourceConfig", config.selectAggregateResourceConfigPaginator(r -> r
                .configurationAggregatorName(settings.name()).expression(expression).limit(PAGE)),
                SelectAggregateResourceConfigResponse::results, SelectAggregateResourceConfigResponse::nextToken);
        Set<String> accounts = new TreeSet<>();
        for (String row : rows) {
            String account = ConfigItem.accountOf(row);
            if (!ACCOUNT.matcher(account).matches()) {
                throw new ReadFailure(NotEvaluated.Reason.ERROR, "SelectAggregateResourceConfig accounts: "
                        + "answered a row without an account id: " + row);
            }
            accounts.add(account);
        }
        return accounts;
    }

    private ScopeRead scope(Scope scope, AggregatedSourceStatus status, Map<String, List<ConfigItem>> items,
            Map<String, Completeness.Gap> failed) {
        Optional<Completeness.Gap> statusGap = statusGap(status, where);
        Map<String, Optional<Completeness.Gap>> completeness = new LinkedHashMap<>();
        List<LiveResource> resources = new ArrayList<>();
        for (String type : new TreeSet<>(wanted)) {
            if (ConfigTypes.SYNTHESIZED.contains(type)) {
                completeness.put(type, Optional.empty());
            } else if (adapters.values().stream().noneMatch(a -> a.types().contains(type))) {
                completeness.put(type, Optional.of(new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED,
                        ConfigTypes.whyNot(type) + " (" + where + ")")));
            }
        }
        for (Map.Entry<String, ConfigAdapter> e : adapters.entrySet()) {
            String type = e.getKey();
            List<ConfigItem> here = items.getOrDefault(type, List.of()).stream()
                    .filter(i -> i.scope().equals(scope)).toList();
            List<ConfigItem> existing = here.stream().filter(ConfigItem::exists).toList();
            for (ConfigItem item : existing) {
                e.getValue().map(item).ifPresent(resources::add);
            }
            Optional<Completeness.Gap> gap = statusGap;
            if (gap.isEmpty() && failed.containsKey(type)) {
                gap = Optional.of(failed.get(type));
            }
            if (gap.isEmpty() && here.stream().anyMatch(i -> i.status().equals("ResourceNotRecorded"))) {
                gap = Optional.of(new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED,
                        "AWS Config does not record " + type + " in " + scope + " (ResourceNotRecorded; " + where + ")"));
            }
            if (gap.isEmpty()) {
                gap = stale(existing, type);
            }
            if (gap.isEmpty()) {
                gap = recorded(scope, type, !existing.isEmpty());
            }
            for (String t : e.getValue().types()) {
                if (wanted.contains(t)) {
                    completeness.put(t, gap);
                }
            }
        }
        return new ScopeRead(resources, completeness);
    }

    private static Optional<Completeness.Gap> statusGap(AggregatedSourceStatus status, String where) {
        if (status == null) {
            return Optional.of(new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED,
                    "not a source of " + where));
        }
        if (status.lastUpdateStatus() == AggregatedSourceStatusType.SUCCEEDED) {
            return Optional.empty();
        }
        String error = status.lastErrorCode() == null ? "" : " " + status.lastErrorCode()
                + (status.lastErrorMessage() == null ? "" : " (" + status.lastErrorMessage() + ")");
        String detail = where + ": source status " + status.lastUpdateStatusAsString() + error
                + (status.lastUpdateTime() == null ? "" : " since " + status.lastUpdateTime());
        return Optional.of(new Completeness.Gap(status.lastUpdateStatus() == AggregatedSourceStatusType.OUTDATED
                ? NotEvaluated.Reason.STALE : NotEvaluated.Reason.ERROR, detail));
    }

    private Optional<Completeness.Gap> stale(List<ConfigItem> existing, String type) {
        Instant cutoff = now.minus(settings.maxAge());
        List<ConfigItem> old = existing.stream()
                .filter(i -> i.captureTime().isEmpty() || i.captureTime().get().isBefore(cutoff)).toList();
        if (old.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> oldest = old.stream().flatMap(i -> i.captureTime().stream()).min(Instant::compareTo);
        return Optional.of(new Completeness.Gap(NotEvaluated.Reason.STALE, old.size() + " of " + existing.size()
                + " " + type + " configuration item(s) older than --max-age " + display(settings.maxAge())
                + oldest.map(o -> " (oldest captured " + o + ")").orElse(" (no capture time)") + "; " + where));
    }

    private Optional<Completeness.Gap> recorded(Scope scope, String type, boolean hasItems) {
        Optional<Boolean> records = recorders.records(scope, type);
        if (records.isPresent() && !records.get()) {
            return Optional.of(new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED,
                    "AWS Config's recorder does not record " + type + " in " + scope + " (" + where + ")"));
        }
        if (hasItems || records.orElse(false)) {
            return Optional.empty();
        }
        if (recordersFailed.isPresent()) {
            return recordersFailed;
        }
        return Optional.of(new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED, "no " + type
                + " item and no configuration recorder item in " + scope + ": whether AWS Config records the type "
                + "there cannot be known (" + where + ")"));
    }

    /** The items of {@code type} (a quoted type), of {@code accounts} only when given. */
    private List<ConfigItem> select(String quotedType, List<String> accounts) {
        String type = quotedType.substring(1, quotedType.length() - 1);
        String expression = "SELECT " + ConfigItem.FIELDS + " WHERE resourceType = " + quotedType
                + (accounts.isEmpty() ? "" : " AND accountId IN (" + accounts.stream().map(a -> "'" + a + "'")
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
        List<String> results = pages("SelectAggregateResourceConfig", config.selectAggregateResourceConfigPaginator(r -> r
                .configurationAggregatorName(settings.name()).expression(expression).limit(PAGE)),
                SelectAggregateResourceConfigResponse::results, SelectAggregateResourceConfigResponse::nextToken);
        List<ConfigItem> items = new ArrayList<>(results.size());
        for (String result : results) {
            ConfigItem item;
            try {
                item = ConfigItem.parse(result);
            } catch (ConfigItem.Unreadable u) {
                throw new ReadFailure(NotEvaluated.Reason.ERROR, "SelectAggregateResourceConfig " + type + ": "
                        + u.getMessage());
            }
            if (!item.resourceType().equals(type)) {
                throw new ReadFailure(NotEvaluated.Reason.ERROR, "SelectAggregateResourceConfig " + type
                        + ": answered an item of type " + item.resourceType());
            }
            if (!accounts.isEmpty() && !accounts.contains(item.account())) {
                throw new ReadFailure(NotEvaluated.Reason.ERROR, "SelectAggregateResourceConfig " + type
                        + ": answered an item of account " + item.account() + ", which was not asked for");
            }
            items.add(item);
        }
        return items;
    }

    private static <T> T call(String operation, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (NoSuchConfigurationAggregatorException e) {
            throw e;
        } catch (SdkException e) {
            throw ReadFailure.of(operation, e);
        }
    }

    /** Every page's items; a repeating token or endless pages end as a failure, as in the direct scan. */
    private static <P, I> List<I> pages(String operation, Iterable<P> pages, Function<P, ? extends Collection<I>> items,
            Function<P, String> nextToken) {
        List<I> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = 0;
        try {
            for (P page : pages) {
                all.addAll(items.apply(page));
                String token = nextToken.apply(page);
                if (token != null && !token.isEmpty() && !seen.add(token)) {
                    throw new ReadFailure(NotEvaluated.Reason.ERROR, operation
                            + ": the API returned the same pagination token twice; the listing would never end");
                }
                if (++count > MAX_PAGES) {
                    throw new ReadFailure(NotEvaluated.Reason.ERROR, operation + ": more than " + MAX_PAGES + " pages");
                }
            }
        } catch (SdkException e) {
            throw ReadFailure.of(operation, e);
        }
        return all;
    }

    private static AggregatedSourceStatus worse(AggregatedSourceStatus a, AggregatedSourceStatus b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(AggregatedSourceStatus s) {
        return switch (s.lastUpdateStatusAsString() == null ? "" : s.lastUpdateStatusAsString()) {
            case "SUCCEEDED" -> 0;
            case "OUTDATED" -> 1;
            default -> 2;
        };
    }

    static String display(java.time.Duration d) {
        if (d.toSeconds() % 86_400 == 0) {
            return d.toDays() + "d";
        }
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + "h";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}
