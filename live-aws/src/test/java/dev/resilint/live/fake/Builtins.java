package dev.resilint.live.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake answers by itself when a test registered nothing: STS {@code GetCallerIdentity} (the
 * account of the caller's key) and {@code AssumeRole} (temporary credentials naming the role's account),
 * and EC2 {@code DescribeRegions} (the regions declared for the account, enabled or not); and what AWS
 * answers for a resource that has nothing to say: Lambda {@code GetPolicy} of a function without a
 * resource-based policy ({@code ResourceNotFoundException}, as Lambda answers), S3
 * {@code GetBucketNotificationConfiguration} of a bucket without notifications (an empty configuration).
 */
final class Builtins {
    private Builtins() {
    }

    /** The built-in output for this call, or null when the operation has none. */
    static Map<String, Object> answer(WireRequest request, Identities.Identity caller, Identities identities,
                                      FakeAws fake, Instant now) {
        String operation = request.operation().name();
        if (request.service() == AwsService.STS && operation.equals("GetCallerIdentity")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("UserId", caller.userId());
            out.put("Account", caller.account());
            out.put("Arn", caller.arn());
            return out;
        }
        if (request.service() == AwsService.STS && operation.equals("AssumeRole")) {
            Identities.Session session = identities.assume(caller, request.input(), fake, now);
            Map<String, Object> credentials = new LinkedHashMap<>();
            credentials.put("AccessKeyId", session.accessKeyId());
            credentials.put("SecretAccessKey", session.secretAccessKey());
            credentials.put("SessionToken", session.sessionToken());
            credentials.put("Expiration", session.expiration());
            Map<String, Object> user = new LinkedHashMap<>();
            String roleName = session.roleArn().substring(session.roleArn().lastIndexOf('/') + 1);
            user.put("AssumedRoleId", "AROA" + session.account() + ":" + session.sessionName());
            user.put("Arn", "arn:aws:sts::" + session.account() + ":assumed-role/" + roleName + "/" + session.sessionName());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("Credentials", credentials);
            out.put("AssumedRoleUser", user);
            return out;
        }
        if (request.service() == AwsService.EC2 && operation.equals("DescribeRegions")) {
            return regions(fake.account(caller.account()), request.input());
        }
        if (request.service() == AwsService.LAMBDA && operation.equals("GetPolicy")) {
            throw new AwsError("ResourceNotFoundException", 404, "The resource you requested does not exist.");
        }
        if (request.service() == AwsService.S3 && operation.equals("GetBucketNotificationConfiguration")) {
            return new LinkedHashMap<>();
        }
        return null;
    }

    private static Map<String, Object> regions(FakeAccount account, Map<String, Object> input) {
        boolean all = Boolean.TRUE.equals(input.get("AllRegions"));
        Object names = input.get("RegionNames");
        List<Object> regions = new ArrayList<>();
        for (String region : account.knownRegions()) {
            boolean enabled = account.regionEnabled(region);
            if (!enabled && !all || names instanceof List<?> wanted && !wanted.contains(region)) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("RegionName", region);
            item.put("Endpoint", "ec2." + region + ".amazonaws.com");
            item.put("OptInStatus", enabled ? "opt-in-not-required" : "not-opted-in");
            regions.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Regions", regions);
        return out;
    }
}
