package dev.resilint.core;

import java.util.Locale;

/** The kinds of input that a rule can judge. */
public enum SourceKind {
    /** CloudFormation templates (YAML or JSON, SAM, CDK synth output). */
    TEMPLATE,
    /** Resources read from a live AWS account. */
    LIVE,
    /** Compiled Java classes. */
    CODE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
