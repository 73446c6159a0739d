package dev.resilint.core.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeReaderTest {

    private final TreeReader reader = new TreeReader();

    @TempDir
    Path dir;

    private MapNode yaml(String text) throws TreeReadException {
        return (MapNode) reader.parse(text, "t.yaml");
    }

    @Test
    void keepsKeyPositionsAndOrder() throws Exception {
        MapNode root = yaml("""
                Resources:
                  Web:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties:
                      MinSize: 1
                """);
        MapNode web = (MapNode) ((MapNode) root.get("Resources").orElseThrow()).get("Web").orElseThrow();
        MapNode props = (MapNode) web.get("Properties").orElseThrow();
        assertThat(props.entry("MinSize").orElseThrow().keyMark()).isEqualTo(new Mark(5, 7));
        assertThat(web.keys()).containsExactly("Type", "Properties");
        ScalarNode min = (ScalarNode) props.get("MinSize").orElseThrow();
        assertThat(min.type()).isEqualTo(ScalarNode.Type.INTEGER);
        assertThat(min.text()).isEqualTo("1");
    }

    @Test
    void keepsShortFormTagsOnScalarsListsAndMaps() throws Exception {
        MapNode root = yaml("""
                A: !Ref Param
                B: !GetAtt Db.Endpoint.Address
                C: !Select [0, !GetAZs '']
                D: !If
                  - Cond
                  - x
                  - y
                E: !Sub
                  - '${X}'
                  - X: !Ref Y
                """);
        ScalarNode a = (ScalarNode) root.get("A").orElseThrow();
        assertThat(a.tag()).isEqualTo("Ref");
        assertThat(a.text()).isEqualTo("Param");
        assertThat(root.get("B").orElseThrow().tag()).isEqualTo("GetAtt");
        ListNode c = (ListNode) root.get("C").orElseThrow();
        assertThat(c.tag()).isEqualTo("Select");
        assertThat(c.get(1).tag()).isEqualTo("GetAZs");
        assertThat(((ScalarNode) c.get(1)).text()).isEmpty();
        assertThat(root.get("D").orElseThrow().tag()).isEqualTo("If");
        assertThat(root.get("E").orElseThrow().tag()).isEqualTo("Sub");
    }

    @Test
    void quotedScalarsStayStrings() throws Exception {
        MapNode root = yaml("A: 'true'\nB: true\nC: \"5\"\nD: 5.5\nE: ~\n");
        assertThat(((ScalarNode) root.get("A").orElseThrow()).type()).isEqualTo(ScalarNode.Type.STRING);
        assertThat(((ScalarNode) root.get("B").orElseThrow()).type()).isEqualTo(ScalarNode.Type.BOOLEAN);
        assertThat(((ScalarNode) root.get("C").orElseThrow()).type()).isEqualTo(ScalarNode.Type.STRING);
        assertThat(((ScalarNode) root.get("D").orElseThrow()).type()).isEqualTo(ScalarNode.Type.DECIMAL);
        assertThat(((ScalarNode) root.get("E").orElseThrow()).isNull()).isTrue();
    }

    @Test
    void readsTabIndentedJsonWithPositions() throws Exception {
        MapNode root = (MapNode) reader.parse("{\n\t\"Resources\": {\n\t\t\"Q\": {\"Type\": \"AWS::SQS::Queue\"}\n\t}\n}\n",
                "t.json");
        MapNode resources = (MapNode) root.get("Resources").orElseThrow();
        assertThat(resources.entry("Q").orElseThrow().keyMark().line()).isEqualTo(3);
    }

    @Test
    void rejectsAliasesAndAnchorsNamingTheLine() {
        assertThatThrownBy(() -> yaml("a: &x [1, 2]\nb: *x\n"))
                .isInstanceOf(TreeReadException.class)
                .satisfies(e -> assertThat(((TreeReadException) e).mark().line()).isEqualTo(1))
                .hasMessageContaining("anchor");
    }

    @Test
    void defusesAliasBombs() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        assertThatThrownBy(() -> yaml(bomb.toString())).isInstanceOf(TreeReadException.class);
    }

    @Test
    void rejectsMergeKeys() {
        assertThatThrownBy(() -> yaml("base: {a: 1}\nderived:\n  <<: {a: 1}\n  b: 2\n"))
                .isInstanceOf(TreeReadException.class)
                .hasMessageContaining("merge key")
                .satisfies(e -> assertThat(((TreeReadException) e).mark()).isEqualTo(new Mark(3, 3)));
    }

    @Test
    void rejectsDuplicateKeysNamingBothPositions() {
        assertThatThrownBy(() -> yaml("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n"))
                .isInstanceOf(TreeReadException.class)
                .hasMessageContaining("duplicate key 'A'")
                .hasMessageContaining("first defined at line 2, column 3")
                .satisfies(e -> assertThat(((TreeReadException) e).mark()).isEqualTo(new Mark(3, 3)));
        assertThatThrownBy(() -> reader.parse("{\"A\": 1, \"A\": 2}", "t.json"))
                .hasMessageContaining("duplicate key 'A'");
    }

    @Test
    void reportsSyntaxErrorsWithPosition() {
        assertThatThrownBy(() -> yaml("a: [1, 2\nb: 3\n"))
                .isInstanceOf(TreeReadException.class)
                .hasMessageStartingWith("invalid YAML")
                .satisfies(e -> assertThat(((TreeReadException) e).mark().line()).isGreaterThan(0));
        assertThatThrownBy(() -> reader.parse("{\"a\": }", "t.json"))
                .isInstanceOf(TreeReadException.class)
                .hasMessageStartingWith("invalid JSON")
                .satisfies(e -> assertThat(((TreeReadException) e).mark()).isEqualTo(new Mark(1, 7)));
    }

    @Test
    void rejectsEmptyFilesAndEmptyDocuments() {
        assertThatThrownBy(() -> reader.parse("", "t.yaml")).hasMessage("empty file");
        assertThatThrownBy(() -> reader.parse("  \n\n", "t.yaml")).hasMessage("empty file");
        assertThatThrownBy(() -> reader.parse("# only a comment\n", "t.yaml")).hasMessageContaining("empty");
    }

    @Test
    void rejectsSeveralDocuments() {
        assertThatThrownBy(() -> yaml("a: 1\n---\nb: 2\n")).hasMessageContaining("more than one YAML document");
    }

    @Test
    void rejectsBinaryAndInvalidUtf8Files() throws Exception {
        Path binary = dir.resolve("b.yaml");
        Files.write(binary, new byte[] {'a', ':', ' ', 0, 1, 2});
        assertThatThrownBy(() -> reader.read(binary, "b.yaml")).hasMessageContaining("binary");
        Path latin1 = dir.resolve("l.yaml");
        Files.write(latin1, "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> reader.read(latin1, "l.yaml"))
                .hasMessageContaining("UTF-8")
                .satisfies(e -> assertThat(((TreeReadException) e).mark().line()).isEqualTo(2));
    }

    @Test
    void decodesValidTextAndRefusesMalformedTextWhateverTheReplacementCharacterSays() throws Exception {
        assertThat(TreeReader.decode("a: caf\u00e9 \uD83D\uDE80\n".getBytes(StandardCharsets.UTF_8), "t.yaml"))
                .isEqualTo("a: caf\u00e9 \uD83D\uDE80\n");
        assertThat(TreeReader.decode("a: \uFFFD written in the file\n".getBytes(StandardCharsets.UTF_8), "t.yaml"))
                .as("a replacement character written in the file is text").isEqualTo("a: \uFFFD written in the file\n");
        byte[] truncated = {'a', ':', ' ', (byte) 0xE2, (byte) 0x82, '\n'}; // a 3-byte sequence cut short
        assertThatThrownBy(() -> TreeReader.decode(truncated, "t.yaml")).hasMessageContaining("not valid UTF-8");
        byte[] both = ("a: \uFFFD\nb: ").getBytes(StandardCharsets.UTF_8);
        byte[] withBad = java.util.Arrays.copyOf(both, both.length + 1);
        withBad[both.length] = (byte) 0xFF;
        assertThatThrownBy(() -> TreeReader.decode(withBad, "t.yaml")).hasMessageContaining("not valid UTF-8")
                .satisfies(e -> assertThat(((TreeReadException) e).mark().line()).isEqualTo(2));
    }

    @Test
    void acceptsUtf8ByteOrderMark() throws Exception {
        Path bom = dir.resolve("bom.yaml");
        Files.write(bom, ("\uFEFFa: 1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(((MapNode) reader.read(bom, "bom.yaml")).has("a")).isTrue();
    }

    @Test
    void rejectsFilesOverTheSizeLimitBeforeReadingThem() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "a: " + "x".repeat(2000) + "\n");
        assertThatThrownBy(() -> new TreeReader(1000).read(big, "big.yaml"))
                .hasMessageContaining("over the limit of 1000 bytes");
    }

    @Test
    void sizeLimitIsNamedInMebibytesWithTheSettingThatRaisesIt() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[3 * 1024 * 1024 / 2]); // 1.5 MiB
        assertThatThrownBy(() -> new TreeReader(1024 * 1024).read(big, "big.yaml"))
                .hasMessage("file is 1.5 MiB, over the limit of 1 MiB (set maxFileSizeMiB in .resilint.yaml to raise it)");
    }

    @Test
    void yamlSyntaxErrorsGiveTheProblemAtItsOwnLineAndColumn() {
        assertThatThrownBy(() -> yaml("A: {b: 1 c: d}\n"))
                .hasMessage("invalid YAML: expected ',' or '}', but got ':' (while parsing a flow mapping started at "
                        + "line 1, column 4)")
                .satisfies(e -> assertThat(((TreeReadException) e).mark()).isEqualTo(new Mark(1, 11)));
        assertThatThrownBy(() -> yaml("A:\n  B: [1, 2\nC: 3\n"))
                .hasMessageStartingWith("invalid YAML: expected ',' or ']', but got ':'")
                .satisfies(e -> assertThat(((TreeReadException) e).mark()).isEqualTo(new Mark(3, 2)));
        // Jackson's location says line 1 here; the problem is at the end of the file
        assertThatThrownBy(() -> yaml("A: 'x\n"))
                .hasMessage("invalid YAML: found unexpected end of stream (while scanning a quoted scalar started at "
                        + "line 1, column 4)")
                .satisfies(e -> assertThat(((TreeReadException) e).mark()).isEqualTo(new Mark(2, 1)));
        assertThatThrownBy(() -> yaml("A: b\n B: c\n"))
                .hasMessage("invalid YAML: mapping values are not allowed here")
                .satisfies(e -> assertThat(((TreeReadException) e).mark()).isEqualTo(new Mark(2, 3)));
        assertThatThrownBy(() -> yaml("a:\n\tb: 1\n"))
                .hasMessageContaining("found character '\\t(TAB)' that cannot start any token")
                .satisfies(e -> assertThat(((TreeReadException) e).mark()).isEqualTo(new Mark(2, 1)));
    }

    @Test
    void rejectsMissingFilesAndDirectories() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope.yaml"), "nope.yaml")).hasMessage("no such file or directory");
        assertThatThrownBy(() -> reader.read(dir, "d")).hasMessageContaining("directory");
    }

    @Test
    void rejectsPathologicalNesting() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> reader.parse("a: " + deep, "t.yaml")).isInstanceOf(TreeReadException.class);
        assertThatThrownBy(() -> reader.parse("{\"a\": " + deep + "}", "t.json")).isInstanceOf(TreeReadException.class);
    }

    @Test
    void keepsTagsWrittenOnKeys() throws Exception {
        MapNode root = yaml("""
                Outputs:
                  !Ref Name: plain
                  !!str Other: value
                  Untagged: value
                """);
        MapNode outputs = (MapNode) root.get("Outputs").orElseThrow();
        assertThat(outputs.entries()).extracting(MapNode.Entry::keyTag)
                .containsExactly("Ref", "tag:yaml.org,2002:str", "");
        assertThat(outputs.keys()).containsExactly("Name", "Other", "Untagged");
    }

    @Test
    void booleansKeepYamlsMeaningButOneSpelling() throws Exception {
        MapNode root = yaml("""
                a: False
                b: TRUE
                c: true
                d: 'False'
                """);
        assertThat(root.entries()).extracting(e -> ((ScalarNode) e.value()).text())
                .containsExactly("false", "true", "true", "False");
        assertThat(root.entries()).extracting(e -> ((ScalarNode) e.value()).type()).containsExactly(
                ScalarNode.Type.BOOLEAN, ScalarNode.Type.BOOLEAN, ScalarNode.Type.BOOLEAN, ScalarNode.Type.STRING);
    }

    @Test
    void columnsCountUtf16CodeUnitsAsSarifAndEditorsDo() throws Exception {
        // U+1F600 is two UTF-16 code units (one code point): the key after it starts at unit 16
        String text = "a: {x: \"\uD83D\uDE00\", y: 1}\nb: [\"\uD83D\uDE00\uD83D\uDE00\", z]\n";
        MapNode root = yaml(text);
        MapNode a = (MapNode) root.get("a").orElseThrow();
        assertThat(a.entry("y").orElseThrow().keyMark()).isEqualTo(new Mark(1, text.indexOf("y:") + 1));
        ListNode b = (ListNode) root.get("b").orElseThrow();
        int line2 = text.indexOf('\n') + 1;
        assertThat(b.get(1).mark()).isEqualTo(new Mark(2, text.indexOf("z]") - line2 + 1));
        // JSON columns already count code units
        MapNode json = (MapNode) reader.parse("{\"x\": \"\uD83D\uDE00\", \"y\": 1}", "t.json");
        assertThat(json.entry("y").orElseThrow().keyMark().column()).isEqualTo(13);
    }
}
