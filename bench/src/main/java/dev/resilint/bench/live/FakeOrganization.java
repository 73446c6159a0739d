package dev.resilint.bench.live;

import dev.resilint.live.fake.Call;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated organisation served by the fake AWS on loopback, in a process of its own so that a
 * real {@code resilint scan} can be measured against it (its wall time and peak memory alone):
 * a management account that lists {@code accounts} ACTIVE accounts (itself included), each with a
 * {@link SyntheticAccount.Size#SMALL} account (about 100 resources) in every region given, every call
 * answered after {@code latencyMs}. Every role may be assumed.
 *
 * <p>It prints what the scanner needs ({@code endpoint}, {@code access-key}, {@code management}),
 * the call budget and the latency lower bound, then serves until its standard input closes, and
 * then prints the calls it answered against the budget.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.resilint.bench.live.FakeOrganization 200 20 eu-west-1 us-east-1</pre>
 */
public final class FakeOrganization {

    static final String MANAGEMENT = "100000000000";
    /** ListAccounts answers at most 20 accounts a page. */
    static final int ACCOUNTS_PAGE = 20;

    private FakeOrganization() {
    }

    public static void main(String[] args) throws IOException {
        int accounts = Integer.parseInt(args[0]);
        int latencyMs = Integer.parseInt(args[1]);
        List<String> regions = List.of(args).subList(2, args.length);
        int perService = 4;
        int parallelScopes = 8;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            ids.add(i == 0 ? MANAGEMENT : String.format(Locale.ROOT, "2%011d", i));
        }
        try (FakeAws fake = FakeAws.start()) {
            fake.pageSize(1000);
            List<Object> listed = new ArrayList<>();
            for (String id : ids) {
                listed.add(Map.of("Id", id, "State", "ACTIVE", "Status", "ACTIVE", "Name", "account-" + id));
                for (String region : regions) {
                    new SyntheticAccount(id, region, SyntheticAccount.Size.SMALL).serve(fake.account(id).region(region));
                }
            }
            fake.account(MANAGEMENT).items("organizations", "ListAccounts", listed);
            fake.inject(Fault.latency(Duration.ofMillis(latencyMs)));

            SyntheticAccount one = new SyntheticAccount(MANAGEMENT, regions.get(0), SyntheticAccount.Size.SMALL);
            Map<String, Long> budget = new TreeMap<>();
            one.budget().forEach((op, n) -> budget.merge(op, (long) n * regions.size() * accounts, Long::sum));
            budget.merge("sts:GetCallerIdentity", 1L, Long::sum);
            budget.merge("sts:AssumeRole", (long) accounts - 1, Long::sum);
            budget.merge("organizations:ListAccounts", (long) pages(accounts, ACCOUNTS_PAGE), Long::sum);
            budget.merge("cloudfront:ListDistributions", (long) accounts, Long::sum);
            budget.merge("cloudfront:ListCachePolicies", (long) accounts, Long::sum);
            budget.merge("route53:ListHostedZones", (long) accounts, Long::sum);
            budget.merge("route53:ListHealthChecks", (long) accounts, Long::sum);
            // lower bound: the caller, the account pages, then every scope's critical path (a region's,
            // the global scope's two calls, an account's role) shared out over the scopes read at once
            long work = (long) accounts * regions.size() * one.criticalPath(perService) + 2L * accounts
                    + (accounts - 1);
            double bound = latencyMs * (1 + pages(accounts, ACCOUNTS_PAGE) + Math.ceil((double) work / parallelScopes))
                    / 1000.0;
            System.out.println("endpoint " + fake.endpoint());
            System.out.println("access-key " + FakeAws.accessKeyId(MANAGEMENT));
            System.out.println("management " + MANAGEMENT);
            System.out.printf(Locale.ROOT, "organisation: %d accounts x %d regions x %d resources, %d ms a call%n",
                    accounts, regions.size(), SyntheticAccount.Size.SMALL.resources(), latencyMs);
            System.out.printf(Locale.ROOT, "budget: %d calls; lower bound %.2f s at %d account regions and %d calls "
                    + "per service at once%n", budget.values().stream().mapToLong(Long::longValue).sum(), bound,
                    parallelScopes, perService);
            System.out.flush();
            drain(System.in);
            report(fake.calls().calls(), budget);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // serve until the benchmark closes our standard input
        }
    }

    private static void report(List<Call> calls, Map<String, Long> budget) {
        Map<String, Long> made = new TreeMap<>();
        calls.stream().filter(c -> c.iamAction() != null).forEach(c -> made.merge(c.iamAction(), 1L, Long::sum));
        long over = 0;
        for (Map.Entry<String, Long> e : made.entrySet()) {
            long allowed = budget.getOrDefault(e.getKey(), 0L);
            if (e.getValue() > allowed) {
                over += e.getValue() - allowed;
                System.out.printf(Locale.ROOT, "over budget: %s made %d, budget %d%n", e.getKey(), e.getValue(),
                        allowed);
            }
        }
        long total = made.values().stream().mapToLong(Long::longValue).sum();
        long allowed = budget.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "calls answered: %d, budget %d: %.2fx (%d over)%n", total, allowed,
                (double) total / allowed, over);
        // the fake shares the machine's cores with the scan: its CPU belongs to the floor of the wall time
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            System.out.printf(Locale.ROOT, "fake CPU: %.1f s while serving%n", os.getProcessCpuTime() / 1e9);
        }
    }

    private static int pages(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }
}
