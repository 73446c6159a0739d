package dev.resilint.infra.rules.dp;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * DP05: a live EC2 instance that has run for longer than the configured maximum
 * ({@code maximumAgeDays}, default 180) since it was launched. The scan time comes from the
 * {@link Clock} the rule is built with, so a finding is deterministic given the clock. What it
 * fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class InstanceTooOld extends ResourceRule {

    public static final String MAXIMUM = "maximumAgeDays";

    static final String INSTANCE = "AWS::EC2::Instance";

    public static final RuleMetadata METADATA = RuleMetadata.builder("DP05", InstanceTooOld.class)
            .severity(Severity.NOTE)
            .summary("An EC2 instance was launched longer ago than the configured maximum age.")
            .rationale("An instance that has run for months is a pet: it carries configuration drift, hand-made "
                    + "fixes and an old image that nobody has rebuilt, and no one knows whether it could be "
                    + "replaced. When it fails, or has to be replaced for a kernel patch or a hardware retirement, "
                    + "the replacement is the first test of that procedure. Replacing instances regularly keeps "
                    + "images current and proves that the fleet can be rebuilt.")
            .remediation("Replace the instance from a current image (better: run it in an Auto Scaling group with "
                    + "a maximum instance lifetime or regular instance refresh), or raise `maximumAgeDays` for "
                    + "DP05 in `.resilint.yaml` if long-lived instances are intended.")
            .wellArchitected("REL08-BP04")
            .anchors(Reference.conformityMonkey("InstanceTooOld"))
            .tags("deployment", "compute")
            .sources(SourceKind.LIVE)
            .judges(INSTANCE)
            .parameter(RuleParameter.integer(MAXIMUM, 180,
                    "Most days since launch accepted for an EC2 instance."))
            .firesOn("A live standalone `AWS::EC2::Instance` (not terminated, not launched by an Auto Scaling "
                    + "group) whose `LaunchTime` is more than `maximumAgeDays` days (default 180) before the scan. "
                    + "EC2 reports as `LaunchTime` the last time the instance was started, so a stopped and "
                    + "restarted instance counts from its restart.")
            .quietWhen("Instances launched by an Auto Scaling group: the group replaces them, and it is judged on its own.",
                    "An instance whose launch time EC2 did not report.",
                    "Templates: a template does not say when an instance was launched, so the rule runs on live "
                            + "accounts only.")
            .build();

    private final Clock clock;

    /** The rule as scans run it: the scan time is the system clock's. */
    public InstanceTooOld() {
        this(Clock.systemUTC());
    }

    /** The rule judging ages at {@code clock}'s time, for deterministic tests. */
    public InstanceTooOld(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource instance, GraphView graph, RuleContext context) {
        Optional<Instant> launched = graph.property(instance, "LaunchTime").asString().flatMap(InstanceTooOld::instant);
        if (launched.isEmpty()) {
            return;
        }
        int maximum = context.intParameter(MAXIMUM);
        long days = Duration.between(launched.get(), clock.instant()).toDays();
        if (days <= maximum) {
            return;
        }
        context.report(instance.locateProperty("LaunchTime"), "EC2 instance " + instance.displayName()
                + " was launched on " + launched.get().atOffset(ZoneOffset.UTC).toLocalDate() + ", " + days
                + " days before the scan (more than " + maximum + "), so its image and configuration have drifted "
                + "and its replacement is untested; replace it from a current image, or run it in an Auto Scaling "
                + "group with a maximum instance lifetime");
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
