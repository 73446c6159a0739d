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
 */
public record Finding(String ruleId, Severity severity, String message, Location location, String fingerprint,
        Optional<Suppression> suppression) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(suppression, "suppression");
    }

    public static Finding of(String ruleId, Severity severity, String message, Location location,
            String discriminator) {
        return new Finding(ruleId, severity, message, location, Fingerprints.of(ruleId, location, discriminator),
                Optional.empty());
    }

    public boolean isSuppressed() {
        return suppression.isPresent();
    }

    public Finding withSuppression(Suppression value) {
        return new Finding(ruleId, severity, message, location, fingerprint, Optional.of(value));
    }

    public Finding withMessage(String value) {
        return new Finding(ruleId, severity, value, location, fingerprint, suppression);
    }

    public Finding withFingerprint(String value) {
        return new Finding(ruleId, severity, message, location, value, suppression);
    }
}
