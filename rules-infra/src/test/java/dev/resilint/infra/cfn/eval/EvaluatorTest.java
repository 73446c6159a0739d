package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Evaluations.eval;
import static dev.resilint.infra.cfn.eval.Evaluations.reason;
import static dev.resilint.infra.cfn.eval.Evaluations.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.Fixtures;
import dev.resilint.infra.cfn.TemplateGraphs;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's values: parameters, intrinsic functions and conditions. Availability zones,
 * embedded JSON and the evaluation budget have tests of their own.
 */
class EvaluatorTest {

    @Nested
    class Parameters {
        @Test
        void defaultIsTheValue() {
            assertThat(text(eval("Parameters:\n  Size: {Type: Number, Default: 3}", "!Ref Size"))).isEqualTo("3");
            assertThat(eval("Parameters:\n  Size: {Type: Number, Default: 3}", "!Ref Size").asLong()).contains(3L);
        }

        @Test
        void withoutDefaultIsUnknown() {
            Value v = eval("Parameters:\n  Size: {Type: Number}", "!Ref Size");
            assertThat(reason(v)).isEqualTo(Reason.PARAMETER_WITHOUT_DEFAULT);
            assertThat(((Value.Unknown) v).describe()).contains("Ref Size");
        }

        @Test
        void allowedValuesWithoutDefaultArePossibilities() {
            Value v = eval("Parameters:\n  Env: {Type: String, AllowedValues: [dev, prod]}", "!Ref Env");
            assertThat(v).isInstanceOf(Value.OneOf.class);
            assertThat(v.possibilities()).extracting(p -> p.asString().orElseThrow()).containsExactly("dev", "prod");
            assertThat(v.asString()).isEmpty(); // they disagree
            Value same = eval("Parameters:\n  Flag: {Type: String, AllowedValues: ['true', 'True']}", "!Ref Flag");
            assertThat(same.asBoolean()).contains(true); // they agree
        }

        @Test
        void listParametersSplitTheirDefault() {
            Value v = eval("Parameters:\n  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1, subnet-2'}",
                    "!Ref Subnets");
            assertThat(v.asList().orElseThrow()).extracting(i -> i.asString().orElseThrow())
                    .containsExactly("subnet-1", "subnet-2");
        }

        @Test
        void pseudoParametersAreSymbolic() {
            assertThat(reason(eval("", "!Ref AWS::Region"))).isEqualTo(Reason.PSEUDO_PARAMETER);
            assertThat(reason(eval("", "!Ref AWS::AccountId"))).isEqualTo(Reason.PSEUDO_PARAMETER);
            assertThat(eval("", "!Ref AWS::NoValue").isAbsent()).isTrue();
        }

        @Test
        void missingReferences() {
            assertThat(reason(eval("", "!Ref Nothing"))).isEqualTo(Reason.MISSING_REFERENCE);
            assertThat(reason(eval("", "!GetAtt Nothing.Arn"))).isEqualTo(Reason.MISSING_REFERENCE);
        }
    }

    @Nested
    class Functions {
        @Test
        void refAndGetAttOfResourcesStaySymbolic() {
            String queue = "  Q:\n    Type: AWS::SQS::Queue\n";
            Value ref = eval("", "!Ref Q", queue);
            assertThat(ref.asResourceRef()).contains(new Symbols.ResourceRef("Q", ""));
            assertThat(ref.asString()).isEmpty();
            Value arn = eval("", "!GetAtt Q.Arn", queue);
            assertThat(arn.asResourceRef()).contains(new Symbols.ResourceRef("Q", "Arn"));
            assertThat(eval("", "{'Fn::GetAtt': [Q, Arn]}", queue)).isEqualTo(arn);
            assertThat(reason(eval("", "!Join ['', [!GetAtt Q.Arn, x]]", queue))).isEqualTo(Reason.RUNTIME_ATTRIBUTE);
        }

        @Test
        void joinSplitSelect() {
            assertThat(text(eval("Parameters:\n  N: {Type: String, Default: web}", "!Join ['-', [!Ref N, app, '1']]")))
                    .isEqualTo("web-app-1");
            assertThat(text(eval("", "!Select [1, !Split [',', 'a,b,c']]"))).isEqualTo("b");
            assertThat(text(eval("", "!Select ['2', [x, y, z]]"))).isEqualTo("z");
            assertThat(reason(eval("", "!Select [5, [x, y]]"))).isEqualTo(Reason.INVALID);
            assertThat(reason(eval("Parameters:\n  I: {Type: Number}", "!Select [!Ref I, [x, y]]")))
                    .isEqualTo(Reason.PARAMETER_WITHOUT_DEFAULT);
        }

        @Test
        void sub() {
            String params = "Parameters:\n  Env: {Type: String, Default: prod}";
            assertThat(text(eval(params, "!Sub 'orders-${Env}'"))).isEqualTo("orders-prod");
            assertThat(text(eval(params, "!Sub ['${A}-${Env}', {A: !Join ['', [x, y]]}]"))).isEqualTo("xy-prod");
            assertThat(text(eval(params, "!Sub 'literal ${!NotAVariable}'"))).isEqualTo("literal ${NotAVariable}");
            assertThat(reason(eval(params, "!Sub '${AWS::StackName}-x'"))).isEqualTo(Reason.PSEUDO_PARAMETER);
        }

        @Test
        void findInMap() {
            String mappings = "Mappings:\n  Sizes:\n    prod: {min: '2'}\n    dev: {min: '1'}\n"
                    + "Parameters:\n  Env: {Type: String, Default: prod}";
            assertThat(text(eval(mappings, "!FindInMap [Sizes, !Ref Env, min]"))).isEqualTo("2");
            assertThat(reason(eval(mappings, "!FindInMap [Sizes, !Ref AWS::Region, min]")))
                    .isEqualTo(Reason.PSEUDO_PARAMETER);
            assertThat(text(eval(mappings, "!FindInMap [Sizes, test, min, {DefaultValue: '5'}]"))).isEqualTo("5");
            assertThat(reason(eval(mappings, "!FindInMap [Sizes, test, min]"))).isEqualTo(Reason.INVALID);
        }

        @Test
        void unsupportedAndImports() {
            assertThat(reason(eval("", "!ImportValue shared-vpc"))).isEqualTo(Reason.IMPORT);
            assertThat(reason(eval("", "!Base64 abc"))).isEqualTo(Reason.UNSUPPORTED_FUNCTION);
            assertThat(reason(eval("", "!Cidr [10.0.0.0/16, 2, 8]"))).isEqualTo(Reason.UNSUPPORTED_FUNCTION);
            assertThat(reason(eval("", "!Rain::Embed x.txt"))).isEqualTo(Reason.DIRECTIVE);
        }

        @Test
        void stringFormsOfNumbersAndBooleans() {
            assertThat(eval("", "'true'").asBoolean()).contains(true);
            assertThat(eval("", "True").asBoolean()).contains(true);
            assertThat(eval("", "false").asBoolean()).contains(false);
            assertThat(eval("", "'30'").asLong()).contains(30L);
            assertThat(eval("", "30").asLong()).contains(30L);
            assertThat(eval("", "yes-please").asBoolean()).isEmpty();
        }

        @Test
        void noValueRemovesListItemsAndMapKeys() {
            Value list = eval("", "[a, !Ref AWS::NoValue, b]");
            assertThat(list.asList().orElseThrow()).hasSize(2);
            Value map = eval("", "{A: 1, B: !Ref AWS::NoValue}");
            assertThat(map.asMap().orElseThrow().keys()).containsExactly("A");
        }
    }

    @Nested
    class Conditions {
        static final String CONDITIONS = """
                Parameters:
                  Env: {Type: String, Default: prod}
                  Free: {Type: String}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  IsDev: !Not [!Condition IsProd]
                  Unknown: !Equals [!Ref Free, x]
                  Both: !And [!Condition IsProd, !Condition Unknown]
                  Either: !Or [!Condition IsProd, !Condition Unknown]
                  Loop1: !Condition Loop2
                  Loop2: !Condition Loop1
                """;

        @Test
        void yamlBooleansCompareAsCloudFormationSeesThemWhateverTheirSpelling() {
            String sections = """
                    Parameters:
                      Flag: {Type: String, Default: False}
                    Conditions:
                      IsOff: !Equals [!Ref Flag, 'false']
                      AlsoIsOff: !Equals [FALSE, false]
                    """;
            assertThat(text(eval(sections, "!If [IsOff, stopped, running]"))).isEqualTo("stopped");
            assertThat(text(eval(sections, "!If [AlsoIsOff, stopped, running]"))).isEqualTo("stopped");
            assertThat(text(eval(sections, "True"))).isEqualTo("true");
            // YAML 1.1 (SnakeYAML, PyYAML, CloudFormation): yes, on and their kin are booleans too
            assertThat(text(eval(sections, "Yes"))).isEqualTo("true");
        }

        @Test
        void knownConditionsPickTheirBranch() {
            assertThat(text(eval(CONDITIONS, "!If [IsProd, big, small]"))).isEqualTo("big");
            assertThat(text(eval(CONDITIONS, "!If [IsDev, big, small]"))).isEqualTo("small");
            assertThat(text(eval(CONDITIONS, "!If [Either, big, small]"))).isEqualTo("big");
        }

        @Test
        void unknownConditionsGivePossibilitiesThatMayAgree() {
            Value v = eval(CONDITIONS, "!If [Unknown, 'true', 'false']");
            assertThat(v).isInstanceOf(Value.OneOf.class);
            assertThat(v.asBoolean()).isEmpty();
            Value agree = eval(CONDITIONS, "!If [Unknown, 'true', 'True']");
            assertThat(agree.asBoolean()).contains(true);
            Value same = eval(CONDITIONS, "!If [Both, x, x]");
            assertThat(same).isInstanceOf(Value.Known.class);
            Value withNoValue = eval(CONDITIONS, "!If [Unknown, 'false', !Ref AWS::NoValue]");
            assertThat(withNoValue.possibilities()).hasSize(2);
            assertThat(withNoValue.isAbsent()).isFalse();
        }

        @Test
        void threeValuedLogicAndCycles() {
            ResourceGraph graph = Fixtures.graph(CONDITIONS + "Resources:\n  R: {Type: AWS::X::Y}\n");
            Evaluator e = TemplateGraphs.evaluator(graph);
            assertThat(e.condition("IsProd")).contains(true);
            assertThat(e.condition("IsDev")).contains(false);
            assertThat(e.condition("Unknown")).isEmpty();
            assertThat(e.condition("Both")).isEmpty();
            assertThat(e.condition("Either")).contains(true);
            assertThat(e.condition("Loop1")).isEmpty();
            assertThat(e.condition("Undefined")).isEmpty();
        }

        @Test
        void resourceConditions() {
            ResourceGraph graph = Fixtures.graph(CONDITIONS + """
                    Resources:
                      A: {Type: AWS::X::Y, Condition: IsProd}
                      B: {Type: AWS::X::Y, Condition: IsDev}
                      C: {Type: AWS::X::Y, Condition: Unknown}
                      D: {Type: AWS::X::Y}
                    """);
            Evaluator e = TemplateGraphs.evaluator(graph);
            assertThat(e.exists(graph.resource("A").orElseThrow())).contains(true);
            assertThat(e.exists(graph.resource("B").orElseThrow())).contains(false);
            assertThat(e.exists(graph.resource("C").orElseThrow())).isEmpty();
            assertThat(e.exists(graph.resource("D").orElseThrow())).contains(true);
        }
    }
}
