package dev.resilint.live;

import dev.resilint.live.model.Scope;
import dev.resilint.core.NotEvaluated;
import dev.resilint.live.aws.Clients;
import dev.resilint.live.aws.ReadFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The accounts of a scan and their credentials, and the regions of each. The caller's own account
 * is read with the caller's credentials; any other by assuming {@code --role-name} in it. An account
 * whose role cannot be assumed, or whose regions cannot be listed, is not evaluated as a whole and
 * the others go on.
 */
final class Accounts {

    /** The session name the scan's assumed roles carry (CloudTrail shows it). */
    static final String SESSION_NAME = "resilint-scan";

    /** An account to read, with the credentials that read it. */
    record Target(String account, AwsCredentialsProvider credentials) {

        /** Ends the account's assumed-role session (the caller's own credentials stay open). */
        void close(ScanSettings settings) {
            if (credentials != settings.credentials() && credentials instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // a credentials provider that cannot close leaves nothing behind that matters
                }
            }
        }
    }

    /** An account that cannot be read at all, and why. */
    record Unreachable(String account, NotEvaluated.Reason reason, String detail) {
    }

    /** A problem with the caller's own setup (credentials that do not work): the scan cannot start. */
    static final class SetupException extends RuntimeException {
        SetupException(String message) {
            super(message, null, false, false);
        }
    }

    private final ScanSettings settings;
    private final Clients clients;
    private final List<Unreachable> unreachable = Collections.synchronizedList(new ArrayList<>());
    private String caller;

    Accounts(ScanSettings settings, Clients clients) {
        this.settings = settings;
        this.clients = clients;
    }

    /** The accounts that could not be read, found while resolving. */
    List<Unreachable> unreachable() {
        synchronized (unreachable) {
            return List.copyOf(unreachable);
        }
    }

    /** The accounts to read, with their credentials, sorted; see {@link #ids()} and {@link #target}. */
    List<Target> resolve() {
        List<Target> targets = new ArrayList<>();
        for (String id : ids()) {
            target(id).ifPresent(targets::add);
        }
        return targets;
    }

    /** The ids of the accounts to read, sorted; throws {@link SetupException} when the caller's credentials fail. */
    List<String> ids() {
        Region home = Region.of(settings.defaultRegion());
        StsClient sts = clients.client("caller", home, settings.credentials(), StsClient.class, StsClient::builder);
        try {
            caller = sts.getCallerIdentity().account();
        } catch (AwsServiceException e) {
            throw new SetupException("the credentials do not work: " + ReadFailure.of("sts:GetCallerIdentity", e)
                    .getMessage());
        } catch (SdkException e) {
            String message = ReadFailure.of("sts:GetCallerIdentity", e).getMessage();
            if (String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
                throw new SetupException("no AWS credentials found (environment, profile, SSO, web identity, "
                        + "container or instance metadata): " + message);
            }
            throw new SetupException("AWS STS in " + home.id() + " cannot be reached: " + message);
        }
        Set<String> ids = new TreeSet<>();
        if (settings.accounts() instanceof ScanSettings.Accounts.Caller) {
            ids.add(caller);
        } else if (settings.accounts() instanceof ScanSettings.Accounts.Listed listed) {
            ids.addAll(listed.ids());
        } else {
            ids.addAll(organization(home));
        }
        return new ArrayList<>(ids);
    }

    /**
     * The credentials that read an account of {@link #ids()}: the caller's own for its account, the
     * assumed role for the others; empty (and recorded as unreachable) when the role cannot be assumed.
     */
    Optional<Target> target(String id) {
        if (id.equals(caller)) {
            return Optional.of(new Target(id, settings.credentials()));
        }
        StsClient sts = clients.client("caller", Region.of(settings.defaultRegion()), settings.credentials(),
                StsClient.class, StsClient::builder);
        return assume(sts, id);
    }

    private List<String> organization(Region home) {
        OrganizationsClient orgs = clients.client("caller", home, settings.credentials(), OrganizationsClient.class,
                OrganizationsClient::builder);
        List<String> ids = new ArrayList<>();
        try {
            // ListAccounts may answer an empty page while more follow: the paginator goes on to the last token
            for (ListAccountsResponse page : orgs.listAccountsPaginator(r -> r.maxResults(20))) {
                for (Account a : page.accounts()) {
                    if (a.state() == AccountState.ACTIVE) {
                        ids.add(a.id());
                    }
                }
            }
        } catch (SdkException e) {
            throw new SetupException("cannot list the organization's accounts: "
                    + ReadFailure.of("organizations:ListAccounts", e).getMessage());
        }
        return ids;
    }

    private Optional<Target> assume(StsClient sts, String account) {
        if (settings.roleName().isEmpty()) {
            unreachable.add(new Unreachable(account, NotEvaluated.Reason.ACCESS_DENIED,
                    "no --role-name to assume in account " + account));
            return Optional.empty();
        }
        String partition = dev.resilint.live.map.Arns.partition(settings.defaultRegion());
        String role = "arn:" + partition + ":iam::" + account + ":role/" + settings.roleName().get();
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(role).roleSessionName(SESSION_NAME);
                    settings.externalId().ifPresent(r::externalId);
                })
                .asyncCredentialUpdateEnabled(false).build();
        try {
            provider.resolveCredentials();
        } catch (SdkException e) {
            ReadFailure f = ReadFailure.of("sts:AssumeRole " + role, e);
            unreachable.add(new Unreachable(account, f.reason() == NotEvaluated.Reason.ERROR
                    ? NotEvaluated.Reason.ERROR : NotEvaluated.Reason.ACCESS_DENIED, f.getMessage()));
            provider.close();
            return Optional.empty();
        }
        return Optional.of(new Target(account, provider));
    }

    /** The regions to read in an account, and its global scope; none when they cannot be listed. */
    List<Scope> scopes(Target target, boolean global) {
        List<String> regions = new ArrayList<>(settings.regions());
        if (settings.allRegions()) {
            Ec2Client ec2 = clients.client(target.account(), Region.of(settings.defaultRegion()),
                    target.credentials(), Ec2Client.class, Ec2Client::builder);
            try {
                ec2.describeRegions().regions().stream()
                        .filter(r -> !"not-opted-in".equals(r.optInStatus()))
                        .map(software.amazon.awssdk.services.ec2.model.Region::regionName)
                        .forEach(regions::add);
            } catch (SdkException e) {
                ReadFailure f = ReadFailure.of("ec2:DescribeRegions", e);
                unreachable.add(new Unreachable(target.account(), f.reason(), f.getMessage()));
                return List.of();
            }
        } else if (regions.isEmpty()) {
            regions.add(settings.defaultRegion());
        }
        List<Scope> scopes = new ArrayList<>();
        new TreeSet<>(regions).forEach(r -> scopes.add(new Scope(target.account(), r)));
        if (global) {
            scopes.add(new Scope(target.account(), Scope.GLOBAL));
        }
        return scopes;
    }
}
