package dev.resilint.live.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a request is from, by its access key: a long-term key {@code AKIA<account-id>...} names its account;
 * a temporary key {@code ASIA<account-id>...} is one the fake's STS issued for an assumed role and must come
 * with its session token; other keys may be registered for an account.
 */
final class Identities {
    private static final Pattern LONG_TERM = Pattern.compile("AKIA(\\d{12})[A-Z0-9]*");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@/-]*/)?([\\w+=,.@-]+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    /** The principal behind a key. */
    record Identity(String account, String arn, String userId) {
    }

    /** Temporary credentials the fake's STS issued. */
    record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, String account,
                   String roleArn, String sessionName, String callerAccount) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> registeredKeys = new ConcurrentHashMap<>();
    private final List<Session> issued = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    /** The long-term access key id the fake attributes to this account. */
    static String accessKeyId(String account) {
        return "AKIA" + account + "FAKE";
    }

    void register(String accessKeyId, String account) {
        registeredKeys.put(accessKeyId, account);
    }

    /** The identity of this key and session token, or null when the fake does not know it. */
    Identity identify(String accessKeyId, String sessionToken) {
        if (accessKeyId == null) {
            return null;
        }
        Session session = sessions.get(accessKeyId);
        if (session != null) {
            if (!session.sessionToken().equals(sessionToken)) {
                return null;
            }
            String roleName = session.roleArn().substring(session.roleArn().lastIndexOf('/') + 1);
            return new Identity(session.account(),
                                "arn:aws:sts::" + session.account() + ":assumed-role/" + roleName + "/" + session.sessionName(),
                                "AROA" + session.account() + ":" + session.sessionName());
        }
        String account = registeredKeys.get(accessKeyId);
        if (account == null) {
            Matcher matcher = LONG_TERM.matcher(accessKeyId);
            account = matcher.matches() ? matcher.group(1) : null;
        }
        return account == null ? null
                               : new Identity(account, "arn:aws:iam::" + account + ":user/fake", "AIDA" + account);
    }

    /** Issues credentials for the role, or throws the error STS answers. */
    Session assume(Identity caller, Map<String, Object> input, FakeAws fake, Instant now) {
        Object roleArn = input.get("RoleArn");
        Object sessionName = input.get("RoleSessionName");
        if (roleArn == null || sessionName == null) {
            throw new AwsError("ValidationError", 400, "RoleArn and RoleSessionName are required");
        }
        if (!SESSION_NAME.matcher(sessionName.toString()).matches()) {
            throw new AwsError("ValidationError", 400, "1 validation error detected: Value '" + sessionName
                + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\w+=,.@-]* and length 2-64");
        }
        Matcher role = ROLE_ARN.matcher(roleArn.toString());
        if (!role.matches()) {
            throw new AwsError("ValidationError", 400, roleArn + " is invalid");
        }
        String account = role.group(1);
        if (fake.account(account).roleDenied(role.group(2))) {
            throw new AwsError("AccessDenied", 403, "User: " + caller.arn()
                + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        int duration = input.get("DurationSeconds") instanceof Number n ? n.intValue() : 3600;
        String suffix = Integer.toString(counter.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
        String key = "ASIA" + account + "0000".substring(Math.min(4, suffix.length())) + suffix;
        Session session = new Session(key, "fake-secret-" + key, "fake-session-token-" + key,
                                      now.plus(Duration.ofSeconds(duration)), account, roleArn.toString(),
                                      sessionName.toString(), caller.account());
        sessions.put(key, session);
        issued.add(session);
        return session;
    }

    void clear() {
        sessions.clear();
        registeredKeys.clear();
        issued.clear();
    }

    List<Session> issued() {
        return List.copyOf(issued);
    }
}
