package dev.resilint.live.examples;

import static dev.resilint.live.examples.FlawedIds.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.CoreRules;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.config.Config;
import dev.resilint.core.report.Report;
import dev.resilint.core.run.Runner;
import dev.resilint.core.run.RunOptions;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.LiveAnalyzer;
import dev.resilint.live.LiveScan;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.twin.Scans;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acceptance test of the live scan: {@code resilint check examples/flawed} and a live scan of the
 * account those four templates make ({@link FlawedAccount}) name the same rule ids on the same
 * resources, for every rule that runs live, through the same pipeline the command line runs (the
 * analyzer, then suppressions, in {@link Runner}). Findings are compared as sorted
 * {@code ruleId logicalId} lines, one per finding (FulfilmentStateMachine has two MQ07 findings), live
 * ARNs named by the logical id of the template resource they are ({@link #LOGICAL_IDS}).
 *
 * <p>One rule differs, by design, and is asserted as such: CA01 fires on {@code WebDistribution}'s
 * legacy {@code /static/*} behavior in the template (no {@code DefaultTTL}) and cannot live, where
 * CloudFront answers the TTLs it applies to every legacy behavior, set or not (CA01's "quiet when").
 *
 * <p>Tags: the live form of the template's suppression of DR03 on {@code CustomerOrdersViewTable} is
 * the {@code resilint:suppress} tag on that table. DynamoDB tags take a call of their own, which
 * {@code resilint scan} makes unless {@code --skip-tags};
 * {@link #withSkipTagsTheTableTagIsNotReadSoDr03IsNotSuppressedLive} pins what that option costs.
 */
class FlawedExamplesLiveTest {

    static final Path FLAWED = Path.of("..", "examples", "flawed").toAbsolutePath().normalize();
    /** Before the template suppression's {@code expires: 2027-06-30}. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    /** The live resource (by ARN) that each template resource (by logical id) became. */
    static final Map<String, String> LOGICAL_IDS = Map.ofEntries(
            // network-and-web.yaml
            Map.entry(subnet(PUBLIC_SUBNET_A), "PublicSubnetA"), Map.entry(subnet(PUBLIC_SUBNET_B), "PublicSubnetB"),
            Map.entry(subnet(PRIVATE_SUBNET_A), "PrivateSubnetA"), Map.entry(subnet(PRIVATE_SUBNET_B), "PrivateSubnetB"),
            Map.entry(securityGroup(LOAD_BALANCER_SG), "LoadBalancerSecurityGroup"),
            Map.entry(securityGroup(WEB_SG), "WebSecurityGroup"),
            Map.entry(LOAD_BALANCER, "LoadBalancer"), Map.entry(TARGET_GROUP, "WebTargetGroup"),
            Map.entry(LISTENER, "HttpListener"),
            Map.entry("arn:aws:ec2:eu-west-1:123456789012:launch-template/" + LAUNCH_TEMPLATE, "WebLaunchTemplate"),
            Map.entry(ASG, "WebAutoScalingGroup"),
            // data.yaml
            Map.entry(securityGroup(DATABASE_SG), "DatabaseSecurityGroup"),
            Map.entry(securityGroup(CACHE_SG), "CacheSecurityGroup"),
            Map.entry(DATABASE, "OrdersDatabase"), Map.entry(ORDER_STATUS_TABLE, "OrderStatusTable"),
            Map.entry(CUSTOMER_ORDERS_VIEW_TABLE, "CustomerOrdersViewTable"), Map.entry(SESSION_CACHE, "SessionCache"),
            // async.yaml
            Map.entry(DEAD_LETTER_QUEUE, "OrderEventsDeadLetterQueue"), Map.entry(ORDER_EVENTS_QUEUE, "OrderEventsQueue"),
            Map.entry(SHIPMENT_UPDATES_QUEUE, "ShipmentUpdatesQueue"), Map.entry(ORDER_WORKER, "OrderWorkerFunction"),
            Map.entry(ORDER_EVENTS_MAPPING, "OrderEventsMapping"), Map.entry(RESERVE_STOCK, "ReserveStockFunction"),
            Map.entry(CHARGE_PAYMENT, "ChargePaymentFunction"), Map.entry(STATE_MACHINE, "FulfilmentStateMachine"),
            Map.entry(CLUSTER, "ShipmentTrackerCluster"), Map.entry(TASK_DEFINITION, "ShipmentTrackerTaskDefinition"),
            Map.entry(SERVICE, "ShipmentTrackerService"),
            // edge.yaml
            Map.entry(DISTRIBUTION, "WebDistribution"), Map.entry(ORDER_STATUS_FUNCTION, "OrderStatusFunction"),
            Map.entry(GET_ORDER_METHOD, "GetOrderMethod"), Map.entry(PARTNER_API_DEPLOYMENT, "PartnerApiDeployment"),
            Map.entry(PARTNER_API_STAGE, "PartnerApiStage"), Map.entry(DEPLOYMENT_GROUP, "WebDeploymentGroup"));

    /**
     * The 24 findings of {@code examples/README.md} but those of rules that judge templates only:
     * DR04 ({@code OrderStatusTable} has no {@code DeletionPolicy}; a live resource has no stack
     * attributes) and DP03 ({@code UpdatePolicy}, a stack attribute too).
     */
    static final List<String> README_FINDINGS_LIVE_RULES_JUDGE = List.of(
            "AZ01 WebAutoScalingGroup", "AZ03 WebAutoScalingGroup", "AZ04 OrdersDatabase", "AZ06 SessionCache",
            "CA01 WebDistribution", "CA02 PartnerApiStage", "CA03 WebDistribution", "DP01 ShipmentTrackerService",
            "DP02 WebDeploymentGroup", "DR01 OrdersDatabase", "DR02 LoadBalancer", "DR02 OrderStatusTable",
            "DR03 OrderStatusTable", "LB02 WebAutoScalingGroup", "LB04 WebTargetGroup", "MQ01 ShipmentUpdatesQueue",
            "MQ03 OrderEventsQueue", "MQ07 FulfilmentStateMachine", "MQ07 FulfilmentStateMachine",
            "OB03 OrderEventsDeadLetterQueue", "SC01 WebAutoScalingGroup",
            "TO02 OrderStatusFunction");
    /** What the template finds and the account cannot show (see the class comment). */
    static final List<String> TEMPLATE_ONLY = List.of("CA01 WebDistribution");
    static final String SUPPRESSED = "DR03 CustomerOrdersViewTable";

    @BeforeEach
    void serve() {
        FlawedAccount.serve(FAKE);
    }

    @Test
    void theFlawedAccountGetsTheFindingsOfTheFlawedTemplates() {
        Report template = checkTemplates();
        Report live = scanAccount(true);

        assertThat(template.problems()).as("template problems").isEmpty();
        assertThat(live.problems()).as("live problems").isEmpty();
        assertThat(live.notEvaluated()).as("gaps in the account").isEmpty();
        assertThat(FAKE.problems()).as("calls the fake could not answer").isEmpty();

        List<String> expected = lines(template.findings());
        assertThat(expected).as("what the README lists").isEqualTo(README_FINDINGS_LIVE_RULES_JUDGE);
        List<String> withoutTemplateOnly = new ArrayList<>(expected);
        TEMPLATE_ONLY.forEach(withoutTemplateOnly::remove);
        assertThat(lines(live.findings())).as("live findings vs template findings").isEqualTo(withoutTemplateOnly);

        assertThat(lines(template.suppressed())).containsExactly(SUPPRESSED);
        assertThat(lines(live.suppressed())).as("the tag suppresses as the Metadata does").containsExactly(SUPPRESSED);
        assertThat(live.suppressed().get(0).suppression().orElseThrow().reason())
                .isEqualTo(template.suppressed().get(0).suppression().orElseThrow().reason())
                .isEqualTo(SUPPRESSION_REASON);

        Set<String> called = new TreeSet<>(FAKE.calls().iamActions());
        // GetCallerIdentity needs no permission
        called.remove("sts:GetCallerIdentity");
        assertThat(called).contains("dynamodb:ListTagsOfResource", "apigateway:GET", "cloudfront:ListDistributions");
        assertThat(IamPolicy.actions()).as("the shipped IAM policy covers every call").containsAll(called);
    }

    @Test
    void withSkipTagsTheTableTagIsNotReadSoDr03IsNotSuppressedLive() {
        Report template = checkTemplates();
        Report live = scanAccount(false);

        assertThat(live.problems()).isEmpty();
        assertThat(live.notEvaluated()).isEmpty();
        assertThat(FAKE.problems()).isEmpty();
        assertThat(FAKE.calls().count("dynamodb", "ListTagsOfResource")).isZero();
        assertThat(lines(template.suppressed())).containsExactly(SUPPRESSED);
        assertThat(live.suppressed()).isEmpty();
        List<String> expected = new ArrayList<>(lines(template.findings()));
        TEMPLATE_ONLY.forEach(expected::remove);
        expected.add(SUPPRESSED);
        assertThat(lines(live.findings())).isEqualTo(expected.stream().sorted().toList());
    }

    @Test
    void everyLiveRuleRanOnTheAccountAndTheFindingsNameOnlyTemplateResources() {
        Report live = scanAccount(true);
        Set<String> ran = live.rules().stream().map(RuleMetadata::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ran).isEqualTo(liveRuleIds());
        assertThat(Stream.concat(live.findings().stream(), live.suppressed().stream()))
                .allSatisfy(f -> assertThat(LOGICAL_IDS).containsKey(((Location.Live) f.location()).arn()));
    }

    // ------------------------------------------------------------------

    /** {@code resilint check examples/flawed}, findings of the rules that run live only. */
    static Report checkTemplates() {
        Set<String> live = liveRuleIds();
        List<InfraRule> rules = InfraRules.all().stream().filter(r -> live.contains(r.id())).toList();
        return new Runner(catalog()).run(List.of(new CloudFormationAnalyzer(rules)), new RunOptions(List.of(FLAWED),
                FLAWED.getParent(), Config.defaults(), Optional.empty(), FailThreshold.WARNING, TODAY, List.of()));
    }

    /** {@code resilint scan --region eu-west-1} of the fixture account, with {@code --skip-tags} unless {@code readTags}. */
    static Report scanAccount(boolean readTags) {
        LiveAnalyzer analyzer = new LiveAnalyzer(InfraRules.all(),
                Scans.caller(FAKE, ACCOUNT, REGION).withReadTags(readTags), LiveScan.Progress.NONE);
        return new Runner(catalog()).run(List.of(analyzer), new RunOptions(List.of(), FLAWED.getParent(), Config.defaults(),
                Optional.empty(), FailThreshold.WARNING, TODAY, List.of()));
    }

    static RuleCatalog catalog() {
        List<RuleMetadata> rules = new ArrayList<>(InfraRules.all().stream().map(r -> r.metadata()).toList());
        rules.addAll(CoreRules.all());
        return new RuleCatalog(rules);
    }

    /** The ids of the rules that run live (and RL01, invalid suppressions, in both). */
    static Set<String> liveRuleIds() {
        Set<String> ids = new LiveAnalyzer(InfraRules.all()).rules().stream().map(RuleMetadata::id)
                .collect(Collectors.toCollection(TreeSet::new));
        ids.add(CoreRules.INVALID_SUPPRESSION.id());
        return ids;
    }

    /**
     * Sorted {@code ruleId logicalId} lines: a template finding's subject is its logical id, a live one's
     * its ARN, named by {@link #LOGICAL_IDS} (an ARN not there stays an ARN).
     */
    static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " "
                + LOGICAL_IDS.getOrDefault(f.location().subject(), f.location().subject())).sorted().toList();
    }

    static String subnet(String id) {
        return "arn:aws:ec2:eu-west-1:123456789012:subnet/" + id;
    }

    static String securityGroup(String id) {
        return "arn:aws:ec2:eu-west-1:123456789012:security-group/" + id;
    }
}
