package dev.resilint.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision to accept findings of one rule in one scope, with a reason.
 *
 * @param ruleId the rule whose findings are accepted
 * @param reason why; suppressions in template metadata and configuration need at least
 *     {@link #MIN_REASON_LENGTH} characters, other syntaxes (annotations, other tools') none
 * @param expires the last day the suppression applies, or empty for no end
 * @param scope which findings it covers
 * @param origin where the suppression was written, for messages and SARIF
 * @param format which syntax it came from
 */
public record Suppression(String ruleId, String reason, Optional<LocalDate> expires, SuppressionScope scope,
        Location origin, Format format) {

    public static final int MIN_REASON_LENGTH = 10;

    /** The syntaxes resilint reads suppressions from. */
    public enum Format {
        /** {@code Metadata.resilint.suppress} in a template. */
        RESILINT_METADATA("resilint"),
        /** {@code suppressions} in {@code .resilint.yaml}. */
        CONFIG("config"),
        /** {@code Metadata.cfn-lint.config.ignore_checks}. */
        CFN_LINT("cfn-lint"),
        /** {@code Metadata.cfn_nag.rules_to_suppress}. */
        CFN_NAG("cfn_nag"),
        /** {@code Metadata.checkov.skip}. */
        CHECKOV("checkov"),
        /**
         * {@code @SuppressWarnings("resilint:ID")} on a class or method, read from the Java source; an
         * end-of-line comment after it is its reason.
         */
        ANNOTATION("annotation"),
        /**
         * A live resource's tag {@code resilint:suppress} = {@code ID[,ID...]: reason}.
         */
        RESOURCE_TAG("tag");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Suppression {
        Objects.requireNonNull(ruleId, "ruleId");
        reason = reason == null ? "" : reason.strip();
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(format, "format");
    }

    /** True when the suppression no longer applies on {@code today}. */
    public boolean isExpired(LocalDate today) {
        return expires.map(day -> day.isBefore(today)).orElse(false);
    }
}
