package dev.resilint.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable finding identities. A fingerprint hashes the rule id, the location's
 * {@link Location#fingerprintKey() key} (file and logical path, ARN, or class and member) and an
 * optional discriminator a rule adds when it reports several findings at one place. It never
 * includes a line number, so moving a resource within its file keeps its fingerprint.
 */
public final class Fingerprints {

    /** Bumped only if the fingerprint recipe changes; baselines record it. */
    public static final String VERSION = "v1";

    private Fingerprints() {
    }

    public static String of(String ruleId, Location location, String discriminator) {
        return hash(VERSION + "\u0000" + ruleId + "\u0000" + location.fingerprintKey() + "\u0000"
                + (discriminator == null ? "" : discriminator));
    }

    /**
     * The fingerprint of the {@code occurrence}-th (2 or more) finding that had {@code fingerprint}:
     * for a rule that reports the same thing twice at one place without a discriminator.
     */
    public static String repeated(String fingerprint, int occurrence) {
        return hash(VERSION + "\u0000repeated\u0000" + fingerprint + "\u0000" + occurrence);
    }

    /** One digest per thread: looking the algorithm up again for every finding cost more than hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    });

    private static String hash(String material) {
        byte[] digest = SHA_256.get().digest(material.getBytes(StandardCharsets.UTF_8)); // digest() resets it
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
