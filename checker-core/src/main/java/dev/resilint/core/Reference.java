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

    /** A Well-Architected Reliability Pillar best practice, linked to its page. */
    public static Reference wellArchitected(String bestPractice) {
        String id = bestPractice.toLowerCase(java.util.Locale.ROOT);
        return new Reference(Kind.WELL_ARCHITECTED, bestPractice,
                "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/" + id + ".html");
    }

    /** Another tool's check of the same problem. */
    public static Reference anchor(String label) {
        return new Reference(Kind.ANCHOR, label, "");
    }

    public static Reference doc(String label, String url) {
        return new Reference(Kind.DOCUMENTATION, label, url);
    }
}
