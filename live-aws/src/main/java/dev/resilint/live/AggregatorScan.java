package dev.resilint.live;

import dev.resilint.core.NotEvaluated;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.live.aws.Clients;
import dev.resilint.live.config.AggregatorSettings;
import dev.resilint.live.config.ConfigAggregatorSource;
import dev.resilint.live.config.ConfigTypes;
import dev.resilint.live.model.Scope;
import dev.resilint.live.model.ScopeRead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;

/**
 * The plan of a scan that reads an AWS Config aggregator ({@code --source config-aggregator}): the
 * aggregator's accounts and regions, each read from Config for the types it serves. The types it
 * does not serve (and the global services' types) are read by the direct collectors in each
 * account with {@code --role-name} (mixed mode), or are not evaluated ({@code unsupported}) without
 * it. The report's notes say which types came from where.
 */
final class AggregatorScan {

    private final ScanSettings settings;
    private final AggregatorSettings aggregator;
    private final Clients clients;
    private final DirectReader direct;
    private final Set<String> globalTypes;
    private final Instant now;

    AggregatorScan(ScanSettings settings, Clients clients, DirectReader direct, Set<String> globalTypes, Instant now) {
        this.settings = settings;
        this.aggregator = settings.aggregator().orElseThrow();
        this.clients = clients;
        this.direct = direct;
        this.globalTypes = Set.copyOf(globalTypes);
        this.now = now;
    }

    /** The scopes and their readers; {@link Accounts.SetupException} when the aggregator does not exist. */
    Plan plan(Set<String> wanted) {
        Set<String> regional = new TreeSet<>(wanted);
        regional.removeAll(globalTypes);
        Set<String> global = new TreeSet<>(wanted);
        global.retainAll(globalTypes);
        ConfigClient config = clients.client("caller", Region.of(aggregator.region()), settings.credentials(),
                ConfigClient.class, ConfigClient::builder);
        Set<String> accounts = settings.accounts() instanceof ScanSettings.Accounts.Listed listed
                ? new TreeSet<>(listed.ids()) : Set.of();
        ConfigAggregatorSource source = new ConfigAggregatorSource(config, aggregator, now);
        ConfigAggregatorSource.Index read;
        try {
            read = source.index(regional, accounts, new TreeSet<>(settings.regions()));
        } catch (ConfigAggregatorSource.AggregatorException e) {
            throw new Accounts.SetupException(e.getMessage());
        }
        String where = "AWS Config aggregator " + aggregator.name() + " in " + aggregator.region();
        if (read.whole().isPresent()) {
            Completeness.Gap gap = read.whole().get();
            return new Plan(List.of(), id -> Plan.Account.NONE,
                    () -> List.of(new Plan.Gap("*/*", gap.reason(), gap.detail())),
                    List.of(where + ": could not be read"));
        }
        Set<String> leftover = new TreeSet<>(regional);
        leftover.removeAll(read.served());
        leftover.removeAll(ConfigTypes.SYNTHESIZED);
        Set<String> direct = new TreeSet<>(leftover);
        direct.addAll(global);
        List<String> notes = new ArrayList<>();
        notes.add(where + ": " + read.scopes().size() + " account region(s); from AWS Config: "
                + list(read.served()));
        Map<String, List<Scope>> byAccount = new TreeMap<>();
        read.scopes().forEach(s -> byAccount.computeIfAbsent(s.account(), a -> new ArrayList<>()).add(s));
        if (!global.isEmpty()) {
            byAccount.forEach((a, scopes) -> scopes.add(new Scope(a, Scope.GLOBAL)));
        }
        List<String> owners = List.copyOf(byAccount.keySet());
        List<Plan.Gap> missing = missing(accounts, read.scopes(), where);
        // batches of the accounts this scan (or its shard) opens, in the order it opens them
        AccountBatches batches = new AccountBatches(settings.shard().map(sh -> owners.stream().filter(sh::holds).toList())
                .orElse(owners), ConfigAggregatorSource.ACCOUNTS_PER_QUERY, source::read);
        if (settings.roleName().isEmpty() || direct.isEmpty() || owners.isEmpty()) {
            if (!direct.isEmpty()) {
                notes.add(where + ": not read (give --role-name to read them in each account): " + list(direct));
            }
            return new Plan(owners, id -> {
                Map<Scope, ScopeRead> fromConfig = batches.take(id);
                return Plan.Account.of(byAccount.get(id), s -> s.isGlobal() ? unsupported(global, where)
                        : fromConfig.get(s), () -> { });
            }, () -> missing, notes);
        }
        Accounts resolver = new Accounts(settings.withAccounts(new ScanSettings.Accounts.Listed(owners)), clients);
        resolver.ids();
        notes.add(where + ": read directly in each account with --role-name " + settings.roleName().get() + ": "
                + list(direct));
        return new Plan(owners, id -> {
            Optional<Accounts.Target> target = resolver.target(id);
            Optional<Accounts.Unreachable> unreachable = target.isPresent() ? Optional.empty()
                    : resolver.unreachable().stream().filter(u -> u.account().equals(id)).reduce((a, b) -> b);
            Map<Scope, ScopeRead> fromAggregator = batches.take(id);
            return Plan.Account.of(byAccount.get(id), s -> {
                Set<String> types = s.isGlobal() ? global : leftover;
                ScopeRead fromConfig = s.isGlobal() ? ScopeRead.empty() : fromAggregator.get(s);
                if (types.isEmpty()) {
                    return fromConfig;
                }
                if (target.isEmpty()) {
                    return fromConfig.plus(gaps(types, unreachable.map(Accounts.Unreachable::reason)
                            .orElse(NotEvaluated.Reason.ERROR), unreachable.map(Accounts.Unreachable::detail)
                            .orElse("account " + id + " could not be read")));
                }
                return fromConfig.plus(direct(s, target.get(), types));
            }, () -> target.ifPresent(t -> t.close(settings)));
        }, () -> missing, notes);
    }

    /**
     * What was asked for that the aggregator does not have: accounts of {@code --accounts} and
     * regions of {@code --region} it aggregates nothing of, or nothing at all. Never a silent pass.
     */
    private List<Plan.Gap> missing(Set<String> accounts, Set<Scope> scopes, String where) {
        List<Plan.Gap> missing = new ArrayList<>();
        if (scopes.isEmpty()) {
            missing.add(new Plan.Gap("*/*", NotEvaluated.Reason.UNSUPPORTED, where + " aggregates no account and region"
                    + (accounts.isEmpty() && settings.regions().isEmpty() ? "" : " of those asked for")));
            return missing;
        }
        Set<String> present = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        scopes.forEach(s -> {
            present.add(s.account());
            regions.add(s.region());
        });
        for (String account : new TreeSet<>(accounts)) {
            if (!present.contains(account)) {
                missing.add(new Plan.Gap(account + "/*", NotEvaluated.Reason.UNSUPPORTED, "account " + account
                        + " is not a source of " + where));
            }
        }
        for (String region : new TreeSet<>(settings.regions())) {
            if (!regions.contains(region)) {
                missing.add(new Plan.Gap("*/" + region, NotEvaluated.Reason.UNSUPPORTED, "region " + region
                        + " is not a source of " + where));
            }
        }
        return List.copyOf(missing);
    }

    private ScopeRead direct(Scope scope, Accounts.Target target, Set<String> types) {
        ScopeRead read = this.direct.read(scope, target.credentials(), types);
        Map<String, Optional<Completeness.Gap>> completeness = new LinkedHashMap<>(read.completeness());
        for (String type : types) {
            completeness.putIfAbsent(type, Optional.of(LiveScan.UNSUPPORTED));
        }
        return new ScopeRead(read.resources(), completeness);
    }

    private static ScopeRead unsupported(Set<String> types, String where) {
        return gaps(types, NotEvaluated.Reason.UNSUPPORTED, "AWS Config's aggregator source does not serve this type; "
                + "give --role-name to read it in each account (" + where + ")");
    }

    private static ScopeRead gaps(Set<String> types, NotEvaluated.Reason reason, String detail) {
        Map<String, Optional<Completeness.Gap>> completeness = new LinkedHashMap<>();
        types.forEach(t -> completeness.put(t, Optional.of(new Completeness.Gap(reason, detail))));
        return new ScopeRead(List.of(), completeness);
    }

    private static String list(Set<String> types) {
        return types.isEmpty() ? "none" : String.join(", ", types);
    }
}
