package dev.resilint.live.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One fake account: its regions' answers, answers for all its regions, the regions not enabled for it and
 * the roles in it that cannot be assumed. Obtain it with {@link FakeAws#account(String)}.
 */
public final class FakeAccount extends Answers<FakeAccount> {
    private final String id;
    private final Map<String, FakeRegion> regions = Collections.synchronizedMap(new TreeMap<>());
    private final Set<String> disabledRegions = ConcurrentHashMap.newKeySet();
    private final Set<String> deniedRoles = ConcurrentHashMap.newKeySet();

    FakeAccount(String id) {
        if (!id.matches("\\d{12}")) {
            throw new IllegalArgumentException("an account id has 12 digits, not '" + id + "'");
        }
        this.id = id;
    }

    /** The account id. */
    public String id() {
        return id;
    }

    /** The answers of this account in this region (created on first use; the region is then enabled). */
    public FakeRegion region(String region) {
        return regions.computeIfAbsent(region, r -> new FakeRegion(this, r));
    }

    /**
     * Marks regions as not enabled for this account: every call there answers the service's invalid-token
     * error ({@code AuthFailure} for EC2, {@code InvalidClientTokenId} for query services,
     * {@code UnrecognizedClientException} for JSON and REST services).
     */
    public FakeAccount disableRegion(String... names) {
        Collections.addAll(disabledRegions, names);
        return this;
    }

    /** Whether calls in this region fail as in a region that is not enabled. */
    public boolean regionEnabled(String region) {
        return !disabledRegions.contains(region);
    }

    /** Makes {@code AssumeRole} on these role names of this account answer {@code AccessDenied}. */
    public FakeAccount denyAssumeRole(String... roleNames) {
        Collections.addAll(deniedRoles, roleNames);
        return this;
    }

    boolean roleDenied(String roleName) {
        return deniedRoles.contains(roleName);
    }

    FakeRegion existingRegion(String region) {
        return regions.get(region);
    }

    /** The regions declared for this account and those disabled, sorted: the answer of DescribeRegions. */
    List<String> knownRegions() {
        TreeMap<String, Boolean> all = new TreeMap<>();
        synchronized (regions) {
            regions.keySet().forEach(r -> all.put(r, true));
        }
        disabledRegions.forEach(r -> all.put(r, false));
        return new ArrayList<>(all.keySet());
    }
}
