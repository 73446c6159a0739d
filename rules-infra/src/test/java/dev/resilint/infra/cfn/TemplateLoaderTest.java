package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.eval.Intrinsics;
import org.junit.jupiter.api.Test;

class TemplateLoaderTest {

    private final TemplateLoader loader = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES);

    private MapNode props(String yaml) throws TreeReadException {
        MapNode root = loader.parse(yaml, "t.yaml");
        return (MapNode) ((MapNode) ((MapNode) root.get("Resources").orElseThrow()).get("R").orElseThrow())
                .get("Properties").orElseThrow();
    }

    @Test
    void turnsShortFormTagsIntoLongForm() throws Exception {
        MapNode p = props("""
                Resources:
                  R:
                    Type: AWS::X::Y
                    Properties:
                      A: !Ref Param
                      B: !GetAtt Db.Endpoint.Address
                      C: !Select [0, !GetAZs '']
                      D: !Sub '${AWS::StackName}-x'
                """);
        MapNode a = (MapNode) p.get("A").orElseThrow();
        assertThat(a.keys()).containsExactly("Ref");
        assertThat(((ScalarNode) a.get("Ref").orElseThrow()).text()).isEqualTo("Param");
        ListNode getAtt = (ListNode) ((MapNode) p.get("B").orElseThrow()).get("Fn::GetAtt").orElseThrow();
        assertThat(getAtt.items()).extracting(n -> ((ScalarNode) n).text()).containsExactly("Db", "Endpoint.Address");
        ListNode select = (ListNode) ((MapNode) p.get("C").orElseThrow()).get("Fn::Select").orElseThrow();
        MapNode getAzs = (MapNode) select.get(1);
        assertThat(getAzs.keys()).containsExactly("Fn::GetAZs");
        assertThat(getAzs.mark()).isEqualTo(new Mark(7, 22));
        assertThat(((MapNode) p.get("D").orElseThrow()).keys()).containsExactly("Fn::Sub");
    }

    @Test
    void shortAndLongFormsGiveTheSameStructure() throws Exception {
        MapNode shortForm = props("Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      A: !GetAtt [Db, Arn]\n");
        MapNode longForm = props("Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      A: {'Fn::GetAtt': [Db, Arn]}\n");
        ListNode s = (ListNode) ((MapNode) shortForm.get("A").orElseThrow()).get("Fn::GetAtt").orElseThrow();
        ListNode l = (ListNode) ((MapNode) longForm.get("A").orElseThrow()).get("Fn::GetAtt").orElseThrow();
        assertThat(s.items()).extracting(n -> ((ScalarNode) n).text())
                .isEqualTo(l.items().stream().map(n -> ((ScalarNode) n).text()).toList());
    }

    @Test
    void rejectsUnknownTagsNamingTheLine() {
        assertThatThrownBy(() -> loader.parse("Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      A: !Reff X\n",
                "t.yaml"))
                .isInstanceOf(TreeReadException.class)
                .hasMessage("unknown tag !Reff; did you mean !Ref?")
                .satisfies(e -> assertThat(((TreeReadException) e).mark().line()).isEqualTo(5));
    }

    @Test
    void keepsPreprocessorDirectivesAsUnknownValues() throws Exception {
        MapNode p = props("Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Code: !Rain::Embed handler.py\n");
        MapNode code = (MapNode) p.get("Code").orElseThrow();
        assertThat(code.keys()).containsExactly("Rain::Embed");
        assertThat(Intrinsics.isDirectiveKey("Rain::Embed")).isTrue();
        assertThat(Intrinsics.isDirectiveKey("Fn::GetAtt")).isFalse();
    }

    @Test
    void explainsTagsThatAreNothingLikeAFunction() {
        assertThatThrownBy(() -> loader.parse("Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      A: !Whatever x\n",
                "t.yaml")).hasMessage("unknown tag !Whatever; it is not a CloudFormation short-form function");
    }

    @Test
    void acceptsYamlCoreTags() throws Exception {
        MapNode p = props("Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      A: !!str 123\n");
        assertThat(((ScalarNode) p.get("A").orElseThrow()).text()).isEqualTo("123");
    }

    @Test
    void rejectsTemplatesThatAreNotMaps() {
        assertThatThrownBy(() -> loader.parse("- a\n- b\n", "t.yaml")).hasMessageContaining("must be a map");
    }

    @Test
    void recognizesTemplatesByContent() throws Exception {
        assertThat(TemplateGraphs.isTemplate(loader.parse("Resources:\n  Q: {Type: AWS::SQS::Queue}\n", "t"))).isTrue();
        assertThat(TemplateGraphs.isTemplate(loader.parse(
                "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", "t"))).isTrue();
        assertThat(TemplateGraphs.isTemplate(loader.parse("{\"name\": \"pkg\", \"version\": \"1.0.0\"}", "t"))).isFalse();
        assertThat(TemplateGraphs.isTemplate(loader.parse("on: push\njobs:\n  build: {runs-on: x}\n", "t"))).isFalse();
        assertThat(TemplateGraphs.isTemplate(loader.parse("Resources:\n  r: {Type: thing}\n", "t"))).isFalse();
    }

    @Test
    void refusesAFunctionTagOnAKeyNamingItsLineForKeysArePlainStrings() throws Exception {
        assertThatThrownBy(() -> loader.parse("Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n"
                + "      !Ref Name: x\n", "t.yaml"))
                .isInstanceOf(TreeReadException.class)
                .hasMessage("tag !Ref on the key 'Name': CloudFormation keys are plain strings, not functions")
                .satisfies(e -> assertThat(((TreeReadException) e).mark()).isEqualTo(new Mark(5, 7)));
        MapNode root = loader.parse("Resources:\n  !!str R:\n    Type: AWS::X::Y\n", "t.yaml");
        assertThat(((MapNode) root.get("Resources").orElseThrow()).keys()).containsExactly("R");
    }
}
