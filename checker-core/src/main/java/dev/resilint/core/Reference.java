package dev.resilint.core;

import java.util.Objects;

/**
 * A pointer from a rule to where the practice it enforces is described or already checked: a
 * Well-Architected best practice, an AWS Config managed rule, a Trusted Advisor check, a cdk-nag,
 * cfn-lint or checkov rule, a Conformity Monkey rule. Every reference has a name a reader can look
 * up and a link; the factories below build both from the other tool's own identifier, so that no
 * bare placeholder ({@code CFG}, {@code NAG}, {@code TA}) and no guessed link reaches a report.
 *
 * @param kind what is referenced
 * @param label the name shown, for example {@code REL10-BP01 Deploy the workload to multiple
 *     locations} or {@code AWS Config rule rds-multi-az-support}
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

    /** The AWS Config developer guide, where each managed rule has a page named by the rule. */
    static final String AWS_CONFIG_RULES = "https://docs.aws.amazon.com/config/latest/developerguide/";

    /** cdk-nag's list of all its rules, by rule pack. */
    static final String CDK_NAG_RULES = "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md";

    /** cfn-lint's generated list of its rules, with an anchor per rule id. */
    static final String CFN_LINT_RULES = "https://github.com/aws-cloudformation/cfn-lint/blob/main/docs/rules.md";

    /** checkov's CloudFormation checks, one Python file per check. */
    static final String CHECKOV_CFN_CHECKS =
            "https://github.com/bridgecrewio/checkov/blob/main/checkov/cloudformation/checks/resource/aws/";

    /** The fault tolerance checks of AWS Trusted Advisor. */
    static final String TRUSTED_ADVISOR_FAULT_TOLERANCE =
            "https://docs.aws.amazon.com/awssupport/latest/user/fault-tolerance-checks.html";

    /** Netflix Conformity Monkey (Simian Army), whose rules are listed on its wiki. */
    static final String CONFORMITY_MONKEY = "https://github.com/Netflix/SimianArmy/wiki/Conformity-Home";

    /**
     * A Well-Architected Reliability Pillar best practice such as {@code REL10-BP01}, named by its
     * title and linked to its own page.
     *
     * @throws IllegalArgumentException when {@link ReliabilityPillar} does not know the id
     */
    public static Reference wellArchitected(String bestPractice) {
        ReliabilityPillar.Practice p = ReliabilityPillar.practice(bestPractice);
        return new Reference(Kind.WELL_ARCHITECTED, p.id() + " " + p.title(), p.url());
    }

    /** The AWS Config managed rule of this name, such as {@code rds-multi-az-support}. */
    public static Reference awsConfig(String rule) {
        requireIdentifier(rule);
        return new Reference(Kind.ANCHOR, "AWS Config rule " + rule, AWS_CONFIG_RULES + rule + ".html");
    }

    /** The cdk-nag rule of this id, such as {@code AwsSolutions-RDS3}. */
    public static Reference cdkNag(String rule) {
        requireIdentifier(rule);
        return new Reference(Kind.ANCHOR, "cdk-nag " + rule, CDK_NAG_RULES);
    }

    /** The cfn-lint rule of this id, such as {@code W3011}. */
    public static Reference cfnLint(String rule) {
        requireIdentifier(rule);
        return new Reference(Kind.ANCHOR, "cfn-lint " + rule, CFN_LINT_RULES + "#" + rule);
    }

    /** The checkov check of this id, implemented in {@code file} (such as {@code RDSMultiAZEnabled.py}). */
    public static Reference checkov(String id, String file) {
        requireIdentifier(id);
        requireIdentifier(file);
        return new Reference(Kind.ANCHOR, "checkov " + id, CHECKOV_CFN_CHECKS + file);
    }

    /**
     * The Trusted Advisor fault tolerance check of this title; {@code anchor} is its section on the
     * page, or empty to link the page.
     */
    public static Reference trustedAdvisor(String check, String anchor) {
        requireIdentifier(check);
        return new Reference(Kind.ANCHOR, "Trusted Advisor check \"" + check + "\"",
                TRUSTED_ADVISOR_FAULT_TOLERANCE + (anchor.isEmpty() ? "" : "#" + anchor));
    }

    /** The Conformity Monkey rule of this name, such as {@code SameZonesInElbAndAsg}. */
    public static Reference conformityMonkey(String rule) {
        requireIdentifier(rule);
        return new Reference(Kind.ANCHOR, "Conformity Monkey " + rule, CONFORMITY_MONKEY);
    }

    public static Reference doc(String label, String url) {
        return new Reference(Kind.DOCUMENTATION, label, url);
    }

    private static void requireIdentifier(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a reference needs the other tool's identifier");
        }
    }
}
