package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.Fixtures;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    /** Evaluates property {@code P} of resource {@code R} in a template with the given sections. */
    private static Value eval(String sections, String property) {
        ResourceGraph graph = Fixtures.graph(sections + "\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      P: "
                + property + "\n" + extraResources);
        return TemplateGraphs.evaluator(graph).property(graph.resource("R").orElseThrow(), "P");
    }

    private static String extraResources = "";

    private static Reason reason(Value v) {
        assertThat(v).isInstanceOf(Value.Unknown.class);
        return ((Value.Unknown) v).reason();
    }

    private static String text(Value v) {
        return v.asString().orElseThrow(() -> new AssertionError("not a known string: " + v));
    }

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
            extraResources = "  Q:\n    Type: AWS::SQS::Queue\n";
            try {
                Value ref = eval("", "!Ref Q");
                assertThat(ref.asResourceRef()).contains(new Symbols.ResourceRef("Q", ""));
                assertThat(ref.asString()).isEmpty();
                Value arn = eval("", "!GetAtt Q.Arn");
                assertThat(arn.asResourceRef()).contains(new Symbols.ResourceRef("Q", "Arn"));
                assertThat(eval("", "{'Fn::GetAtt': [Q, Arn]}")).isEqualTo(arn);
                assertThat(reason(eval("", "!Join ['', [!GetAtt Q.Arn, x]]"))).isEqualTo(Reason.RUNTIME_ATTRIBUTE);
            } finally {
                extraResources = "";
            }
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
        void knownConditionsPickTheirBranch() {
            assertThat(text(eval(CONDITIONS, "!If [IsProd, big, small]"))).isEqualTo("big");
            assertThat(text(eval(CONDITIONS, "!If [IsDev, big, small]"))).isEqualTo("small");
            assertThat(text(eval(CONDITIONS, "!If [Either, yes, no]"))).isEqualTo("yes");
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

    @Nested
    class AvailabilityZones {
        private static AzSet subnetZones(String template, String resource, String property) {
            ResourceGraph graph = Fixtures.graph(template);
            GraphView e = Fixtures.view(graph, "AWS::EC2::Subnet", "AWS::X::Y", "AWS::AutoScaling::AutoScalingGroup");
            return e.zonesOfSubnets(e.property(graph.resource(resource).orElseThrow(), property));
        }

        @Test
        void sameZoneWrittenTwoWaysCountsOnce() {
            AzSet zones = subnetZones("""
                    Resources:
                      A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
                      B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select ['0', !GetAZs {Ref: AWS::Region}]}}
                      G:
                        Type: AWS::AutoScaling::AutoScalingGroup
                        Properties: {VPCZoneIdentifier: [!Ref A, !Ref B]}
                    """, "G", "VPCZoneIdentifier");
            assertThat(zones.isKnown()).isTrue();
            assertThat(zones.exact()).contains(Set.of("az[0]"));
            assertThat(zones.maxCount()).isEqualTo(1);
        }

        @Test
        void twoZonesThroughGetAttAndParameterDefaults() {
            AzSet zones = subnetZones("""
                    Parameters:
                      ZoneB: {Type: String, Default: us-east-1b}
                    Resources:
                      A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1a}}
                      B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Ref ZoneB}}
                      C: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !GetAtt A.AvailabilityZone}}
                      G:
                        Type: AWS::AutoScaling::AutoScalingGroup
                        Properties: {VPCZoneIdentifier: [!Ref A, !Ref B, !Ref C]}
                    """, "G", "VPCZoneIdentifier");
            assertThat(zones.exact()).contains(Set.of("us-east-1a", "us-east-1b"));
        }

        @Test
        void unknownWhenAnySubnetCannotBeResolved() {
            String base = """
                    Parameters:
                      Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
                    Resources:
                      A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
                      Floating: {Type: AWS::EC2::Subnet, Properties: {CidrBlock: 10.0.0.0/24}}
                      G:
                        Type: AWS::AutoScaling::AutoScalingGroup
                        Properties: {VPCZoneIdentifier: %s}
                    """;
            assertThat(subnetZones(base.formatted("!Ref Subnets"), "G", "VPCZoneIdentifier").isKnown()).isFalse();
            assertThat(subnetZones(base.formatted("[!Ref A, subnet-0abc]"), "G", "VPCZoneIdentifier").isKnown()).isFalse();
            assertThat(subnetZones(base.formatted("[!Ref A, !Ref Floating]"), "G", "VPCZoneIdentifier").unknown())
                    .hasValueSatisfying(u -> assertThat(u.detail()).contains("AWS picks one"));
            assertThat(subnetZones(base.formatted("[!Ref A, !ImportValue other-subnet]"), "G", "VPCZoneIdentifier")
                    .unknown()).hasValueSatisfying(u -> assertThat(u.reason()).isEqualTo(Reason.IMPORT));
        }

        @Test
        void zoneNamesAndGetAzsLists() {
            ResourceGraph graph = Fixtures.graph("""
                    Resources:
                      G:
                        Type: AWS::AutoScaling::AutoScalingGroup
                        Properties:
                          AvailabilityZones: !GetAZs ''
                          A: [us-east-1a]
                          B: [us-east-1a, !Select [1, !GetAZs '']]
                          C: [!Select [0, !GetAZs us-west-2], !Select [2, !GetAZs us-west-2]]
                    """);
            GraphView e = Fixtures.view(graph, graph.resource("G").orElseThrow().type());
            Resource g = graph.resource("G").orElseThrow();
            assertThat(e.zonesOfZoneNames(e.property(g, "AvailabilityZones")).minCount()).isEqualTo(2);
            assertThat(e.zonesOfZoneNames(e.property(g, "A")).exact()).contains(Set.of("us-east-1a"));
            assertThat(e.zonesOfZoneNames(e.property(g, "B")).isKnown()).isFalse(); // literal mixed with symbolic
            assertThat(e.zonesOfZoneNames(e.property(g, "C")).exact())
                    .contains(Set.of("az[0]@us-west-2", "az[2]@us-west-2"));
        }

        @Test
        void conditionalSubnetListsWhoseBranchesAgree() {
            AzSet zones = subnetZones("""
                    Parameters:
                      Free: {Type: String}
                    Conditions:
                      Big: !Equals [!Ref Free, big]
                    Resources:
                      A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
                      B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [1, !GetAZs '']}}
                      G:
                        Type: AWS::AutoScaling::AutoScalingGroup
                        Properties: {VPCZoneIdentifier: !If [Big, [!Ref A], [!Ref B]]}
                    """, "G", "VPCZoneIdentifier");
            assertThat(zones.isKnown()).isTrue();
            assertThat(zones.exact()).isEmpty(); // two different possibilities...
            assertThat(zones.maxCount()).isEqualTo(1); // ...that agree: one zone either way
        }
    }

    @Nested
    class EmbeddedJson {
        @Test
        void definitionStringBuiltWithSubIsParsedWithPlaceholders() {
            ResourceGraph graph = Fixtures.graph("""
                    Resources:
                      Fn: {Type: AWS::Lambda::Function}
                      Sm:
                        Type: AWS::StepFunctions::StateMachine
                        Properties:
                          DefinitionString: !Sub |
                            {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "${Fn.Arn}",
                             "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 3}], "End": true}}}
                    """);
            Value v = TemplateGraphs.evaluator(graph).embeddedJson(graph.resource("Sm").orElseThrow(), "DefinitionString");
            MapNode definition = v.asMap().orElseThrow();
            MapNode work = (MapNode) ((MapNode) definition.get("States").orElseThrow()).get("Work").orElseThrow();
            assertThat(((ScalarNode) work.get("Resource").orElseThrow()).text()).isEqualTo("${Fn.Arn}");
            assertThat(work.has("Retry")).isTrue();
        }

        @Test
        void redrivePolicyAsStringOrMap() {
            ResourceGraph graph = Fixtures.graph("""
                    Resources:
                      Dlq: {Type: AWS::SQS::Queue}
                      Q1:
                        Type: AWS::SQS::Queue
                        Properties:
                          RedrivePolicy: !Join ['', ['{"deadLetterTargetArn": "', !GetAtt Dlq.Arn, '", "maxReceiveCount": 5}']]
                      Q2:
                        Type: AWS::SQS::Queue
                        Properties:
                          RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                      Q3:
                        Type: AWS::SQS::Queue
                        Properties:
                          RedrivePolicy: '{"broken": '
                    """);
            Evaluator e = TemplateGraphs.evaluator(graph);
            assertThat(e.embeddedJson(graph.resource("Q1").orElseThrow(), "RedrivePolicy").asMap().orElseThrow()
                    .keys()).containsExactly("deadLetterTargetArn", "maxReceiveCount");
            MapNode q2 = e.embeddedJson(graph.resource("Q2").orElseThrow(), "RedrivePolicy").asMap().orElseThrow();
            assertThat(Symbols.resourceRef(q2.get("deadLetterTargetArn").orElseThrow()))
                    .contains(new Symbols.ResourceRef("Dlq", "Arn"));
            assertThat(reason(e.embeddedJson(graph.resource("Q3").orElseThrow(), "RedrivePolicy")))
                    .isEqualTo(Reason.INVALID);
        }
    }

    @Nested
    class EmbeddedJsonThroughFunctions {
        private Value redrive(String defaultValue) {
            ResourceGraph graph = Fixtures.graph("""
                    Parameters: {UseDlq: {Type: String, Default: '%s'}, Free: {Type: String}}
                    Conditions: {Dlq: !Equals [!Ref UseDlq, 'true']}
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                        Properties:
                          RedrivePolicy: !If [Dlq, {deadLetterTargetArn: x, maxReceiveCount: 5}, !Ref AWS::NoValue]
                          Text: !Ref Free
                          Plain: just text
                    """.formatted(defaultValue));
            return TemplateGraphs.evaluator(graph).embeddedJson(graph.resource("Q").orElseThrow(), "RedrivePolicy");
        }

        @Test
        void conditionsAroundTheJsonAreEvaluatedFirst() {
            assertThat(redrive("false").isAbsent()).isTrue();
            assertThat(redrive("true").asMap().orElseThrow().keys()).containsExactly("deadLetterTargetArn", "maxReceiveCount");
        }

        @Test
        void parametersAndPlainTextAreNotJson() {
            ResourceGraph graph = Fixtures.graph("""
                    Parameters: {Free: {Type: String}}
                    Resources:
                      Q: {Type: AWS::SQS::Queue, Properties: {Text: !Ref Free, Plain: just text}}
                    """);
            Evaluator e = TemplateGraphs.evaluator(graph);
            assertThat(reason(e.embeddedJson(graph.resource("Q").orElseThrow(), "Text")))
                    .isEqualTo(Reason.PARAMETER_WITHOUT_DEFAULT);
            assertThat(reason(e.embeddedJson(graph.resource("Q").orElseThrow(), "Plain"))).isEqualTo(Reason.INVALID);
        }
    }

    @Nested
    class Bounds {
        @Test
        void deepConditionChainsAreTooComplexNotAHang() {
            StringBuilder t = new StringBuilder("Conditions:\n");
            for (int i = 0; i < 500; i++) {
                t.append("  C").append(i).append(": !Not [!Condition C").append(i + 1).append("]\n");
            }
            t.append("  C500: !Equals [a, a]\nResources:\n  R: {Type: AWS::X::Y}\n");
            ResourceGraph graph = Fixtures.graph(t.toString());
            assertThat(TemplateGraphs.evaluator(graph).condition("C0")).isEmpty();
            assertThat(TemplateGraphs.evaluator(graph).condition("C480")).contains(true);
        }

        @Test
        void selfReferencesAreTooComplex() {
            ResourceGraph graph = Fixtures.graph("""
                    Resources:
                      A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !GetAtt A.AvailabilityZone}}
                    """);
            Value v = TemplateGraphs.evaluator(graph).property(graph.resource("A").orElseThrow(), "AvailabilityZone");
            assertThat(reason(v)).isEqualTo(Reason.TOO_COMPLEX);
        }

        @Test
        void exponentialIfTreesAreBounded() {
            StringBuilder value = new StringBuilder("x");
            for (int i = 0; i < 30; i++) {
                value = new StringBuilder("{'Fn::If': [U, ").append(value).append(", ").append(value).append("]}");
                if (value.length() > 200_000) {
                    break;
                }
            }
            Value v = eval("Parameters:\n  F: {Type: String}\nConditions:\n  U: !Equals [!Ref F, x]",
                    value.toString());
            assertThat(v.asString()).contains("x"); // every branch agrees, so the possibilities merge into one
            assertThat(v).isInstanceOf(Value.Known.class);
        }

        @Test
        void referenceChainsThatDoubleAtEveryStepAreTooComplex() {
            // each subnet's zone is one of two references to the next: 2^40 paths from linear text
            StringBuilder t = new StringBuilder("Parameters:\n  F: {Type: String}\nConditions:\n  U: !Equals [!Ref F, x]\n"
                    + "Resources:\n");
            for (int i = 0; i < 40; i++) {
                t.append("  S").append(i).append(": {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !If [U, !GetAtt S")
                        .append(i + 1).append(".AvailabilityZone, !GetAtt S").append(i + 1).append(".AvailabilityZone]}}\n");
            }
            t.append("  S40: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1a}}\n");
            ResourceGraph graph = Fixtures.graph(t.toString());
            Value v = TemplateGraphs.evaluator(graph).property(graph.resource("S0").orElseThrow(), "AvailabilityZone");
            assertThat(reason(v)).isEqualTo(Reason.TOO_COMPLEX);
            // the evaluator is usable again afterwards, with a fresh budget
            assertThat(TemplateGraphs.evaluator(graph).property(graph.resource("S40").orElseThrow(), "AvailabilityZone").asString())
                    .contains("us-east-1a");
        }
    }

    @Test
    void referencesInBothDirections() {
        ResourceGraph graph = Fixtures.graph("""
                Resources:
                  Dlq: {Type: AWS::SQS::Queue}
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                  Fn: {Type: AWS::Lambda::Function}
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties: {EventSourceArn: !GetAtt Q.Arn, FunctionName: !Ref Fn}
                  Sm:
                    Type: AWS::StepFunctions::StateMachine
                    DependsOn: Q
                    Properties:
                      DefinitionString: !Sub '{"Resource": "${Fn.Arn}", "Q": "${Q}", "X": "${!Fn}"}'
                """);
        References refs = graph.references();
        assertThat(refs.to("Q")).extracting(References.Edge::from, References.Edge::path, References.Edge::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Mapping", "Properties/EventSourceArn", References.Kind.GET_ATT),
                        org.assertj.core.groups.Tuple.tuple("Sm", "DependsOn", References.Kind.DEPENDS_ON),
                        org.assertj.core.groups.Tuple.tuple("Sm", "Properties/DefinitionString", References.Kind.SUB));
        assertThat(refs.from("Sm")).extracting(References.Edge::to).containsExactly("Q", "Fn", "Q");
        assertThat(refs.referrers(graph, "Q", "AWS::Lambda::EventSourceMapping")).extracting(Resource::id)
                .containsExactly("Mapping");
        assertThat(refs.to("Dlq")).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo("Q");
            assertThat(e.attribute()).isEqualTo("Arn");
        });
    }
}
