package dev.resilint.live;

import dev.resilint.core.Shard;
import dev.resilint.live.aws.ClientSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What one live scan reads and how.
 *
 * @param accounts which accounts
 * @param regions the regions named ({@code --region}); empty means the default region of the SDK's
 *     chain, unless {@code allRegions}
 * @param allRegions every region enabled for each account ({@code DescribeRegions})
 * @param roleName the role assumed in accounts other than the caller's ({@code --role-name})
 * @param externalId the external id the role's trust policy asks for, if any
 * @param credentials the caller's credentials: the SDK's default chain or a profile's
 * @param defaultRegion the region of the SDK's chain (used when no region is named, and for STS and
 *     Organizations calls)
 * @param clients timeouts, retries and endpoint of the SDK clients
 * @param parallelScopes how many account regions are read at once
 * @param callsPerService how many calls of one service run at once in one account region
 * @param readTags whether to read the tags of every resource, for {@code resilint:suppress} tags, even
 *     where no enabled rule reads tags: what {@code resilint scan} does unless {@code --skip-tags}
 *     (which saves the tag calls of queues, tables, functions, cache clusters, state machines,
 *     distributions, load balancers, ECS and EKS)
 * @param shard the part of the accounts to read ({@code --shard K/N}): those whose {@link Shard} hash
 *     names it, picked from the account list before any role is assumed; empty for all
 */
public record ScanSettings(Accounts accounts, List<String> regions, boolean allRegions, Optional<String> roleName,
        Optional<String> externalId, AwsCredentialsProvider credentials, String defaultRegion,
        ClientSettings clients, int parallelScopes, int callsPerService, boolean readTags, Optional<Shard> shard) {

    /** Which accounts a scan reads. */
    public sealed interface Accounts {
        /** The caller's own account ({@code GetCallerIdentity}). */
        record Caller() implements Accounts {
        }

        /** The accounts listed ({@code --accounts FILE}). */
        record Listed(List<String> ids) implements Accounts {
            public Listed {
                ids = List.copyOf(ids);
            }
        }

        /** The ACTIVE accounts of the caller's organization ({@code --organization}). */
        record Organization() implements Accounts {
        }
    }

    public ScanSettings {
        Objects.requireNonNull(accounts, "accounts");
        regions = List.copyOf(regions);
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(shard, "shard");
        if (parallelScopes < 1 || callsPerService < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /** Settings of a scan over all the accounts (no {@code --shard}). */
    public ScanSettings(Accounts accounts, List<String> regions, boolean allRegions, Optional<String> roleName,
            Optional<String> externalId, AwsCredentialsProvider credentials, String defaultRegion,
            ClientSettings clients, int parallelScopes, int callsPerService, boolean readTags) {
        this(accounts, regions, allRegions, roleName, externalId, credentials, defaultRegion, clients, parallelScopes,
                callsPerService, readTags, Optional.empty());
    }

    /** Settings that read tags only where an enabled rule reads them. */
    public ScanSettings(Accounts accounts, List<String> regions, boolean allRegions, Optional<String> roleName,
            Optional<String> externalId, AwsCredentialsProvider credentials, String defaultRegion,
            ClientSettings clients, int parallelScopes, int callsPerService) {
        this(accounts, regions, allRegions, roleName, externalId, credentials, defaultRegion, clients, parallelScopes,
                callsPerService, false);
    }

    /** These settings, reading tags only where a rule reads them ({@code false}) or always. */
    public ScanSettings withReadTags(boolean read) {
        return new ScanSettings(accounts, regions, allRegions, roleName, externalId, credentials, defaultRegion,
                clients, parallelScopes, callsPerService, read, shard);
    }

    /** These settings, reading only the accounts of {@code part}. */
    public ScanSettings withShard(Shard part) {
        return new ScanSettings(accounts, regions, allRegions, roleName, externalId, credentials, defaultRegion,
                clients, parallelScopes, callsPerService, readTags, Optional.of(part));
    }

    /**
     * What of these settings decides a scan's findings, for the run's configuration digest: the
     * account selection, regions, role, external id's presence and tag reading; not the shard
     * (what the shards of one scan differ in), credentials, endpoint or parallelism.
     */
    public List<String> describe() {
        String which;
        if (accounts instanceof Accounts.Listed listed) {
            which = "accounts " + String.join(",", new java.util.TreeSet<>(listed.ids()));
        } else if (accounts instanceof Accounts.Organization) {
            which = "organization";
        } else {
            which = "caller";
        }
        return List.of(which, allRegions ? "regions all" : "regions " + String.join(",",
                new java.util.TreeSet<>(regions.isEmpty() ? List.of(defaultRegion) : regions)),
                "role " + roleName.orElse(""), "externalId " + externalId.isPresent(), "readTags " + readTags);
    }
}
