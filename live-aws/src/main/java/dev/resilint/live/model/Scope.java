package dev.resilint.live.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One part of a live scan: an account and a region, or the account's global services
 * ({@link #GLOBAL}: CloudFront). A graph, its completeness and its gaps belong to one scope.
 *
 * @param account the 12-digit account id
 * @param region a region code such as {@code eu-west-1}, or {@code global}
 */
public record Scope(String account, String region) implements Comparable<Scope> {

    /** The region name of an account's global services. */
    public static final String GLOBAL = "global";

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public Scope {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("not a 12-digit account id: " + account);
        }
    }

    public boolean isGlobal() {
        return region.equals(GLOBAL);
    }

    /** {@code 111122223333/eu-west-1}: how reports name the scope. */
    public String display() {
        return account + "/" + region;
    }

    @Override
    public int compareTo(Scope other) {
        int c = account.compareTo(other.account);
        return c != 0 ? c : region.compareTo(other.region);
    }

    @Override
    public String toString() {
        return display();
    }
}
