package dev.resilint.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem a rule found.
 *
 * @param ruleId id of the rule that reported it
 * @param severity effective severity (after configuration overrides)
 * @param message what is wrong and how to fix it, naming the resource
 * @param location where
 * @param fingerprint stable identity for baselines, independent of line numbers
 * @param suppression the suppression that accepts it, if any
 * @param discriminator what tells apart several findings of one rule at one place (part of the
 *     fingerprint), or the empty string; kept so that a fingerprint can be computed again for the
 *     same finding seen from another directory (baselines)
 */
public record Finding(String ruleId, Severity severity, String message, Location location, String fingerprint,
        Optional<Suppression> suppression, String discriminator) {

    /** A finding without a discriminator. */
    public Finding(String ruleId, Severity severity, String message, Location location, String fingerprint,
            Optional<Suppression> suppression) {
        this(ruleId, severity, message, location, fingerprint, suppression, "");
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(suppression, "suppression");
        discriminator = discriminator == null ? "" : discriminator;
    }

    public static Finding of(String ruleId, Severity severity, String message, Location location,
            String discriminator) {
        return new Finding(ruleId, severity, message, location, Fingerprints.of(ruleId, location, discriminator),
                Optional.empty(), discriminator);
    }

    /** This finding at {@code place}, with the fingerprint a finding there gets (before {@link Engine#normalize}). */
    public Finding at(Location place) {
        return new Finding(ruleId, severity, message, place, Fingerprints.of(ruleId, place, discriminator), suppression,
                discriminator);
    }

    public boolean isSuppressed() {
        return suppression.isPresent();
    }

    public Finding withSuppression(Suppression value) {
        return new Finding(ruleId, severity, message, location, fingerprint, Optional.of(value), discriminator);
    }

    public Finding withMessage(String value) {
        return new Finding(ruleId, severity, value, location, fingerprint, suppression, discriminator);
    }

    public Finding withFingerprint(String value) {
        return new Finding(ruleId, severity, message, location, value, suppression, discriminator);
    }
}
