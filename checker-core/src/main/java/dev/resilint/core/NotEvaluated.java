package dev.resilint.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A rule that could not judge part of its input: the data it reads could not be read, so it says
 * neither "problem" nor "fine" there. Never a pass: reports list it and a live scan that has any
 * ends with exit code 4 unless findings fail it.
 *
 * @param ruleId the rule that was not evaluated
 * @param scope where: a template file, or {@code account/region} for a live scan
 * @param resourceType the resource type whose data is missing
 * @param reason why the data is missing
 * @param detail what happened, for a human (the error code and message of the failed call)
 * @param subject the one resource concerned (its ARN), or the empty string when the whole type is
 *     missing in the scope
 */
public record NotEvaluated(String ruleId, String scope, String resourceType, Reason reason, String detail,
        String subject) {

    /** Why data could not be read. */
    public enum Reason {
        /** The credentials may not call the API (AccessDenied, UnauthorizedOperation). */
        ACCESS_DENIED,
        /** The API kept throttling after every retry was spent. */
        THROTTLED,
        /** The region is not enabled for the account. */
        REGION_DISABLED,
        /** The source cannot collect this resource type. */
        UNSUPPORTED,
        /** The data is older than allowed. */
        STALE,
        /** Any other failure: a malformed response, a timeout, a service error. */
        ERROR;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public NotEvaluated {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        subject = subject == null ? "" : subject;
    }

    /** {@code AZ01 in 123456789012/eu-west-1: AWS::EC2::Subnet access-denied (...)}. */
    public String display() {
        return ruleId + " in " + scope + (subject.isEmpty() ? "" : " for " + subject) + ": " + resourceType + " "
                + reason.label() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
