package dev.resilint.core;

import java.util.Objects;

/**
 * A pointer from a rule to where the practice it enforces is described or already checked: a
 * Well-Architected best practice, an AWS Config managed rule, a cdk-nag or checkov check.
 *
 * @param kind what is referenced
 * @param label a short identifier, for example {@code REL10-BP01} or {@code CFG rds-multi-az-support}
 * @param url a link, or the empty string when there is none
 */
public record Reference(Kind kind, String label, String url) {

    public enum Kind {
        /** A best practice of the AWS Well-Architected Reliability Pillar. */
        WELL_ARCHITECTED,
        /** Another tool that checks the same thing. */
        ANCHOR,
        /** Further documentation. */
        DOCUMENTATION
    }

    public Reference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        url = url == null ? "" : url;
    }

    /** The Reliability Pillar whitepaper, where every REL best practice is described. */
    public static final String RELIABILITY_PILLAR_URL =
            "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/welcome.html";

    /**
     * A Well-Architected Reliability Pillar best practice such as {@code REL10-BP01}. Its page has a
     * descriptive name that cannot be derived from the id, so the link goes to the pillar.
     */
    public static Reference wellArchitected(String bestPractice) {
        return new Reference(Kind.WELL_ARCHITECTED, bestPractice, RELIABILITY_PILLAR_URL);
    }

    /** Another tool's check of the same problem. */
    public static Reference anchor(String label) {
        return new Reference(Kind.ANCHOR, label, "");
    }

    public static Reference doc(String label, String url) {
        return new Reference(Kind.DOCUMENTATION, label, url);
    }
}
