package dev.resilint.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.config.Config;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.infra.rules.mq.AsyncLambdaWithoutFailureDestination;
import dev.resilint.live.graph.LiveGraphs;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.lambda.FunctionMapper;
import dev.resilint.live.model.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * Types a rule reads only where a source supports them ({@link RuleMetadata.Builder#readsWhereSupported}):
 * the live source runs the rule though it does not collect them, and ignores their UNSUPPORTED gap;
 * any other gap, of them or of a type it collects, still makes the rule not evaluated.
 */
class ReadsWhereSupportedTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String SES_RULE = "AWS::SES::ReceiptRule";
    static final String ALIAS = "AWS::Lambda::Alias";

    /** Reports every function; reads aliases, and SES receipt rules where supported (or as a plain read). */
    static ResourceRule rule(boolean whereSupported) {
        RuleMetadata.Builder b = RuleMetadata.builder("XX97", "EveryFunction").summary("s.").rationale("r.")
                .remediation("m.").sources(SourceKind.TEMPLATE, SourceKind.LIVE).judges(FunctionMapper.TYPE)
                .reads(ALIAS);
        RuleMetadata meta = (whereSupported ? b.readsWhereSupported(List.of(SES_RULE)) : b.reads(SES_RULE)).build();
        return new ResourceRule() {
            @Override
            public RuleMetadata metadata() {
                return meta;
            }

            @Override
            protected void check(Resource function, GraphView graph, RuleContext context) {
                graph.ofType(SES_RULE);
                context.report(function.locate(""), "function " + function.displayName());
            }
        };
    }

    /** One function; functions and aliases read as {@code aliases} says, SES rules as {@code ses} says. */
    static Results run(ResourceRule rule, Optional<Completeness.Gap> aliases, Optional<Completeness.Gap> ses) {
        Map<String, Optional<Completeness.Gap>> read = new HashMap<>();
        read.put(FunctionMapper.TYPE, Optional.empty());
        read.put(ALIAS, aliases);
        if (ses != null) {
            read.put(SES_RULE, ses);
        }
        var function = FunctionMapper.map(SCOPE, FunctionConfiguration.builder().functionName("f")
                .functionArn("arn:aws:lambda:eu-west-1:111122223333:function:f").build(), TagLookup.none());
        Results results = new Results();
        GraphRules.run(new Engine(Config.defaults()), List.of(rule), LiveGraphs.build(SCOPE, List.of(function),
                Completeness.of(read, LiveScan.UNSUPPORTED)), results);
        return results;
    }

    @Test
    void aRuleIsKeptLiveThoughATypeItReadsWhereSupportedIsNotCollectedAndNotOtherwise() {
        assertThat(Collectors.types()).doesNotContain(SES_RULE);
        assertThat(new LiveAnalyzer(List.of(rule(true))).rules()).extracting(RuleMetadata::id).containsExactly("XX97");
        assertThat(new LiveAnalyzer(List.of(rule(false))).rules()).isEmpty();
        assertThat(new LiveAnalyzer(InfraRules.all()).rules())
                .contains(AsyncLambdaWithoutFailureDestination.METADATA);
    }

    @Test
    void theUnsupportedGapOfATypeReadWhereSupportedIsIgnored() {
        Results results = run(rule(true), Optional.empty(), null);

        assertThat(results.findings()).extracting(f -> f.message()).containsExactly("function f");
        assertThat(results.notEvaluated()).isEmpty();
        // read as any other type, the same gap makes the rule not evaluated
        assertThat(run(rule(false), Optional.empty(), null).notEvaluated()).singleElement()
                .satisfies(n -> assertThat(n.resourceType()).isEqualTo(SES_RULE));
    }

    @Test
    void aFailedReadIsAGapWhetherOfACollectedTypeOrOfOneReadWhereSupported() {
        Completeness.Gap denied = new Completeness.Gap(NotEvaluated.Reason.ACCESS_DENIED, "ListAliases: denied");

        Results aliases = run(rule(true), Optional.of(denied), null);
        assertThat(aliases.findings()).isEmpty();
        assertThat(aliases.notEvaluated()).singleElement().satisfies(n -> {
            assertThat(n.scope()).isEqualTo("111122223333/eu-west-1");
            assertThat(n.resourceType()).isEqualTo(ALIAS);
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        });

        Results ses = run(rule(true), Optional.empty(), Optional.of(new Completeness.Gap(
                NotEvaluated.Reason.THROTTLED, "ListReceiptRuleSets: throttled")));
        assertThat(ses.findings()).isEmpty();
        assertThat(ses.notEvaluated()).singleElement().satisfies(n -> {
            assertThat(n.resourceType()).isEqualTo(SES_RULE);
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.THROTTLED);
        });
    }
}
