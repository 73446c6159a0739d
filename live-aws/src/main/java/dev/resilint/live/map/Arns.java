package dev.resilint.live.map;

import dev.resilint.live.model.Scope;

/** ARNs for resources whose API does not return one. */
public final class Arns {

    private Arns() {
    }

    /** The partition of a region: {@code aws}, {@code aws-cn}, {@code aws-us-gov}. */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public static String of(Scope scope, String service, String resource) {
        String region = scope.isGlobal() ? "" : scope.region();
        String partition = partition(scope.isGlobal() ? "us-east-1" : scope.region());
        return "arn:" + partition + ":" + service + ":" + region + ":" + scope.account() + ":" + resource;
    }
}
