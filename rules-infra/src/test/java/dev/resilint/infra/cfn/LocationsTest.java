package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilint.core.Location;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.eval.Intrinsics;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Findings point at keys: {@code resource.locate(path)} gives the line and column of the key at the
 * end of {@code path} as the parser recorded it, and the logical path {@code Resources/<id>/<path>};
 * and the recorded positions are the real 1-based line and column of the key text (for a quoted
 * key, of its opening quote; for a key made from a short-form tag such as {@code !Ref}, of the tag).
 */
class LocationsTest {

    private static final AtomicInteger BELOW_LISTS = new AtomicInteger();

    private static final TemplateLoader LOADER = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES);

    private static TemplateFile template(String text, String name) {
        try {
            return new TemplateFile(name, LOADER.parse(text, name));
        } catch (TreeReadException e) {
            throw new AssertionError(e.display(), e);
        }
    }

    private static void assertLocates(Resource resource, String path, int line, int column) {
        Location location = resource.locate(path);
        assertThat(location).as(path).isInstanceOf(Location.Template.class);
        Location.Template t = (Location.Template) location;
        assertThat(t.logicalPath()).as(path)
                .isEqualTo("Resources/" + resource.id() + (path.isEmpty() ? "" : "/" + path));
        assertThat(new Mark(t.line(), t.column())).as(path).isEqualTo(new Mark(line, column));
        assertThat(t.resourceId()).isEqualTo(resource.id());
        assertThat(t.resourceType()).isEqualTo(resource.type());
    }

    // Columns below were counted by hand from the text; the numbers on the left are line numbers.
    private static final String YAML = String.join("\n",
            /* 1 */ "AWSTemplateFormatVersion: '2010-09-09'",
            /* 2 */ "Resources:",
            /* 3 */ "  Lb:",
            /* 4 */ "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
            /* 5 */ "    Properties:",
            /* 6 */ "      Name: !Ref LbName",
            /* 7 */ "      SubnetMappings:",
            /* 8 */ "        - SubnetId: subnet-a",
            /* 9 */ "          AllocationId: eipalloc-a",
            /* 10 */ "        - SubnetId: !Ref SubnetB",
            /* 11 */ "          'AllocationId': \"eipalloc-b\"",
            /* 12 */ "      Tags: [{Key: team, Value: x}, {\"Key\": env, Value: prod}]",
            /* 13 */ "      LoadBalancerAttributes:",
            /* 14 */ "        # a comment",
            /* 15 */ "        - Key: deletion_protection.enabled",
            /* 16 */ "          Value: true",
            /* 17 */ "      Description: |",
            /* 18 */ "        two lines",
            /* 19 */ "        of text",
            /* 20 */ "      IpAddressType: !GetAtt Other.Type",
            /* 21 */ "      \"Scheme\" : internal",
            "");

    @Test
    void yamlKeysLocateToTheirHandCountedPositions() {
        Resource lb = TemplateGraphs.build(template(YAML, "t.yaml")).resource("Lb").orElseThrow();
        assertLocates(lb, "", 3, 3);
        assertLocates(lb, "Type", 4, 5);
        assertLocates(lb, "Properties", 5, 5);
        assertLocates(lb, "Properties/Name", 6, 7);
        assertLocates(lb, "Properties/Name/Ref", 6, 13); // the !Ref tag
        assertLocates(lb, "Properties/SubnetMappings", 7, 7);
        assertLocates(lb, "Properties/SubnetMappings/0/SubnetId", 8, 11);
        assertLocates(lb, "Properties/SubnetMappings/0/AllocationId", 9, 11);
        assertLocates(lb, "Properties/SubnetMappings/1/SubnetId", 10, 11);
        assertLocates(lb, "Properties/SubnetMappings/1/SubnetId/Ref", 10, 21);
        assertLocates(lb, "Properties/SubnetMappings/1/AllocationId", 11, 11); // the opening quote
        assertLocates(lb, "Properties/Tags", 12, 7);
        assertLocates(lb, "Properties/Tags/0/Key", 12, 15);
        assertLocates(lb, "Properties/Tags/0/Value", 12, 26);
        assertLocates(lb, "Properties/Tags/1/Key", 12, 38);
        assertLocates(lb, "Properties/Tags/1/Value", 12, 50);
        assertLocates(lb, "Properties/LoadBalancerAttributes/0/Key", 15, 11);
        assertLocates(lb, "Properties/LoadBalancerAttributes/0/Value", 16, 11);
        assertLocates(lb, "Properties/Description", 17, 7);
        assertLocates(lb, "Properties/IpAddressType", 20, 7);
        assertLocates(lb, "Properties/IpAddressType/Fn::GetAtt", 20, 22); // the !GetAtt tag
        assertLocates(lb, "Properties/Scheme", 21, 7);
    }

    @Test
    void pathsEndingAtListItemsLocateToTheItem() {
        Resource lb = TemplateGraphs.build(template(YAML, "t.yaml")).resource("Lb").orElseThrow();
        assertLocates(lb, "Properties/SubnetMappings/1", 10, 11); // a block map starts at its first key
        assertLocates(lb, "Properties/Tags/1", 12, 37); // a flow map at its brace
    }

    @Test
    void pathsThatDoNotExistLocateToTheDeepestKeyThatDoes() {
        Resource lb = TemplateGraphs.build(template(YAML, "t.yaml")).resource("Lb").orElseThrow();
        assertLocates(lb, "Properties/SubnetMappings/2/SubnetId", 7, 7); // index out of range
        assertLocates(lb, "Properties/SubnetMappings/01/SubnetId", 7, 7); // not a plain index
        assertLocates(lb, "Properties/SubnetMappings/-1", 7, 7);
        assertLocates(lb, "Properties/SubnetMappings/+1", 7, 7);
        assertLocates(lb, "Properties/SubnetMappings/SubnetId", 7, 7); // a name where an index belongs
        assertLocates(lb, "Properties/SubnetMappings/99999999999999999999", 7, 7);
        assertLocates(lb, "Properties/SubnetMappings/1/Nope", 10, 11); // the item
        assertLocates(lb, "Properties/Name/Ref/0", 6, 13); // below a scalar
        assertLocates(lb, "Properties/Missing/A", 5, 5);
    }

    private static final String JSON = String.join("\n",
            /* 1 */ "{",
            /* 2 */ "  \"Resources\": {",
            /* 3 */ "    \"Lb\": {",
            /* 4 */ "      \"Type\": \"AWS::ElasticLoadBalancingV2::LoadBalancer\",",
            /* 5 */ "      \"Properties\": {",
            /* 6 */ "        \"SubnetMappings\": [",
            /* 7 */ "          {\"SubnetId\": \"subnet-a\", \"AllocationId\": \"eipalloc-a\"},",
            /* 8 */ "          {",
            /* 9 */ "            \"SubnetId\": {\"Ref\": \"SubnetB\"}",
            /* 10 */ "          }",
            /* 11 */ "        ],",
            /* 12 */ "        \"Scheme\": \"internal\"",
            /* 13 */ "      }",
            /* 14 */ "    }",
            /* 15 */ "  }",
            /* 16 */ "}",
            "");

    @Test
    void jsonKeysLocateToTheirOpeningQuotes() {
        Resource lb = TemplateGraphs.build(template(JSON, "t.json")).resource("Lb").orElseThrow();
        assertLocates(lb, "", 3, 5);
        assertLocates(lb, "Type", 4, 7);
        assertLocates(lb, "Properties", 5, 7);
        assertLocates(lb, "Properties/SubnetMappings", 6, 9);
        assertLocates(lb, "Properties/SubnetMappings/0", 7, 11);
        assertLocates(lb, "Properties/SubnetMappings/0/SubnetId", 7, 12);
        assertLocates(lb, "Properties/SubnetMappings/0/AllocationId", 7, 36);
        assertLocates(lb, "Properties/SubnetMappings/1", 8, 11);
        assertLocates(lb, "Properties/SubnetMappings/1/SubnetId", 9, 13);
        assertLocates(lb, "Properties/SubnetMappings/1/SubnetId/Ref", 9, 26);
        assertLocates(lb, "Properties/Scheme", 12, 9);
    }

    @Test
    void oneLineAndTabIndentedJsonCountColumnsInCharacters() {
        Resource q = TemplateGraphs.build(template(
                "{\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\",\"Properties\":{\"QueueName\":\"q\"}}}}", "t.json"))
                .resource("Q").orElseThrow();
        assertLocates(q, "", 1, 15);
        assertLocates(q, "Type", 1, 20);
        assertLocates(q, "Properties", 1, 45);
        assertLocates(q, "Properties/QueueName", 1, 59);

        Resource tabbed = TemplateGraphs.build(template(
                "{\n\t\"Resources\": {\n\t\t\"Q\": {\n\t\t\t\"Type\": \"AWS::SQS::Queue\",\n"
                        + "\t\t\t\"Properties\": {\"QueueName\": \"q\"}\n\t\t}\n\t}\n}\n", "t.json"))
                .resource("Q").orElseThrow();
        assertLocates(tabbed, "", 3, 3);
        assertLocates(tabbed, "Type", 4, 4);
        assertLocates(tabbed, "Properties", 5, 4);
        assertLocates(tabbed, "Properties/QueueName", 5, 19);
    }

    @Test
    void crlfLineEndingsAndNonAsciiTextKeepPositions() {
        Resource q = TemplateGraphs.build(template(
                "# comment\r\n---\r\nResources:\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n    Properties:\r\n"
                        + "      Tags: [{Value: \u00e9t\u00e9 \u20ac, Key: k}]\r\n      QueueName: q\r\n", "t.yaml"))
                .resource("Q").orElseThrow();
        assertLocates(q, "", 4, 3);
        assertLocates(q, "Type", 5, 5);
        assertLocates(q, "Properties/Tags/0/Value", 7, 15);
        assertLocates(q, "Properties/Tags/0/Key", 7, 29);
        assertLocates(q, "Properties/QueueName", 8, 7);
    }

    @Test
    void everyKeyOfTheInlineFixturesLandsOnItsText() {
        List<String> failures = new ArrayList<>();
        int keys = checkEveryKey(template(YAML, "t.yaml"), YAML, failures);
        keys += checkEveryKey(template(JSON, "t.json"), JSON, failures);
        assertThat(failures).isEmpty();
        assertThat(keys).isGreaterThan(30);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyKeyOfEveryCorpusResourceLandsOnItsText() throws IOException {
        Path corpus = CorpusTest.corpus();
        assumeTrue(Files.isDirectory(corpus), "corpus not present at " + corpus);
        List<String> failures = new ArrayList<>();
        BELOW_LISTS.set(0);
        int templates = 0;
        int keys = 0;
        for (Path file : TemplateDiscovery.walk(corpus, new ArrayList<>())) {
            String name = corpus.relativize(file).toString().replace('\\', '/');
            MapNode root;
            String text;
            try {
                text = TreeReader.decode(Files.readAllBytes(file), name);
                root = LOADER.parse(text, name);
            } catch (TreeReadException e) {
                continue; // CorpusTest covers files that do not load
            }
            if (!TemplateGraphs.isTemplate(root)) {
                continue;
            }
            templates++;
            keys += checkEveryKey(new TemplateFile(name, root), text, failures);
        }
        System.out.println("locations: " + keys + " keys (" + BELOW_LISTS.get() + " below a list item) in "
                + templates + " corpus templates, " + failures.size() + " misplaced");
        assertThat(templates).isGreaterThan(400);
        assertThat(failures.subList(0, Math.min(50, failures.size())))
                .as(failures.size() + " keys whose location is wrong (the first 50)").isEmpty();
    }

    /**
     * For every resource and every key below it (through maps, and lists by index), checks that
     * {@code locate} gives the key's recorded mark and logical path, and that the text at that mark
     * is the key. Returns the number of keys checked.
     */
    private static int checkEveryKey(TemplateFile template, String text, List<String> failures) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        ResourceGraph graph = TemplateGraphs.build(template);
        MapNode resources = (MapNode) template.root().get("Resources").orElseThrow();
        int[] count = {0, 0};
        for (Resource resource : graph.resources()) {
            MapNode.Entry entry = resources.entry(resource.id()).orElseThrow();
            check(template, lines, resource, "", entry, failures, count);
            walk(template, lines, resource, "", entry.value(), failures, count);
        }
        BELOW_LISTS.addAndGet(count[1]);
        return count[0];
    }

    private static void walk(TemplateFile template, String[] lines, Resource resource, String prefix, Node node,
            List<String> failures, int[] count) {
        if (node instanceof MapNode map) {
            for (MapNode.Entry e : map.entries()) {
                if (e.key().isEmpty() || e.key().contains("/")) {
                    continue; // not addressable by a slash-separated path (IAM condition keys, for one)
                }
                String path = prefix.isEmpty() ? e.key() : prefix + "/" + e.key();
                check(template, lines, resource, path, e, failures, count);
                walk(template, lines, resource, path, e.value(), failures, count);
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.size(); i++) {
                walk(template, lines, resource, prefix + "/" + i, list.get(i), failures, count);
            }
        }
    }

    private static void check(TemplateFile template, String[] lines, Resource resource, String path,
            MapNode.Entry entry, List<String> failures, int[] count) {
        count[0]++;
        if (path.matches(".*/\\d+/.*")) {
            count[1]++;
        }
        String where = template.file() + " " + resource.id() + " " + path;
        Location.Template location = (Location.Template) resource.locate(path);
        String logicalPath = "Resources/" + resource.id() + (path.isEmpty() ? "" : "/" + path);
        Mark mark = entry.keyMark();
        if (!location.logicalPath().equals(logicalPath) || location.line() != mark.line()
                || location.column() != mark.column()) {
            failures.add(where + ": located at " + location.line() + ":" + location.column() + " "
                    + location.logicalPath() + ", key recorded at " + mark);
            return;
        }
        String key = entry.key();
        String at = textAt(lines, mark);
        String untagged = at.replaceFirst("^![^\\s]*\\s+", ""); // a key with a tag of its own starts at the tag
        boolean onKey = startsWithKey(at, key) || startsWithKey(untagged, key)
                || Intrinsics.isFunctionKey(key) && at.startsWith("!" + key.replaceFirst("^Fn::", ""))
                || Intrinsics.isDirectiveKey(key) && at.startsWith("!" + key);
        if (!onKey) {
            failures.add(where + ": key '" + key + "' recorded at " + mark + " where the text is '"
                    + at.substring(0, Math.min(40, at.length())) + "'");
        }
    }

    /** True when {@code text} starts with {@code key}, plain, single-quoted or double-quoted (JSON escapes). */
    private static boolean startsWithKey(String text, String key) {
        return text.startsWith(key) || text.startsWith("'" + key.replace("'", "''"))
                || text.startsWith("\"" + key.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    /** The text from a 1-based line and column to the end of the line, or "" when there is none. */
    private static String textAt(String[] lines, Mark mark) {
        if (mark.line() < 1 || mark.line() > lines.length) {
            return "";
        }
        String line = lines[mark.line() - 1];
        return mark.column() < 1 || mark.column() > line.length() + 1 ? "" : line.substring(mark.column() - 1);
    }
}
