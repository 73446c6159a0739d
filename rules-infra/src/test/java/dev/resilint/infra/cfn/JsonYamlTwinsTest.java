package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.Nodes;
import dev.resilint.infra.Nodes.Difference;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus's aws-cloudformation-templates holds many templates twice, as {@code X.json} and
 * {@code X.yaml}. Loaded and built into graphs, both must give the same resources in the same
 * order, with the same types and the same properties as plain values. Skipped when the corpus is
 * absent.
 */
class JsonYamlTwinsTest {

    /**
     * Pairs whose upstream files really say different things (they are not kept in sync), by path
     * without extension, with what differs. Each was checked by reading the diff. A listed pair
     * that becomes equal fails the test, so the list stays accurate.
     */
    private static final Map<String, Known> KNOWN_DIFFERENT = Map.ofEntries(
            known("AutoScaling/AutoScalingRollingUpdates",
                    "YAML moved from a LaunchConfiguration (LaunchConfig) to an EC2 LaunchTemplate; JSON did not",
                    "Resources/LaunchConfig", "Resources/LaunchTemplate",
                    "Resources/WebServerGroup/Properties/LaunchConfigurationName",
                    "Resources/WebServerGroup/Properties/LaunchTemplate"),
            known("AutoScaling/AutoScalingScheduledAction",
                    "YAML moved from a LaunchConfiguration (LaunchConfig) to an EC2 LaunchTemplate; JSON did not",
                    "Resources/LaunchConfig", "Resources/LaunchTemplate",
                    "Resources/WebServerGroup/Properties/LaunchConfigurationName",
                    "Resources/WebServerGroup/Properties/LaunchTemplate"),
            known("EC2/EC2_Instance_With_Ephemeral_Drives",
                    "JSON sets SecurityGroups (Ref), YAML SecurityGroupIds (GetAtt GroupId)",
                    "Resources/EC2Instance/Properties/SecurityGroups",
                    "Resources/EC2Instance/Properties/SecurityGroupIds"),
            known("EC2/EIP_With_Association",
                    "JSON sets SecurityGroups (Ref), YAML SecurityGroupIds (GetAtt GroupId)",
                    "Resources/EC2Instance/Properties/SecurityGroups",
                    "Resources/EC2Instance/Properties/SecurityGroupIds"),
            known("EC2/InstanceWithCfnInit",
                    "YAML UserData runs cfn-init before cfn-signal; JSON UserData only runs cfn-signal",
                    "Resources/Instance/Properties/UserData/Fn::Base64/Fn::Sub"),
            known("ECS/EC2LaunchType/clusters/private-vpc",
                    "YAML's ContainerInstances is an EC2 LaunchTemplate, JSON's a LaunchConfiguration",
                    "Resources/ECSAutoScalingGroup/Properties/LaunchConfigurationName",
                    "Resources/ECSAutoScalingGroup/Properties/LaunchTemplate",
                    "Resources/ContainerInstances/Type",
                    "Resources/ContainerInstances/Properties/ImageId",
                    "Resources/ContainerInstances/Properties/SecurityGroups",
                    "Resources/ContainerInstances/Properties/InstanceType",
                    "Resources/ContainerInstances/Properties/IamInstanceProfile",
                    "Resources/ContainerInstances/Properties/UserData",
                    "Resources/ContainerInstances/Properties/LaunchTemplateData"),
            known("ECS/EC2LaunchType/clusters/public-vpc",
                    "YAML's ContainerInstances is an EC2 LaunchTemplate, JSON's a LaunchConfiguration",
                    "Resources/ECSAutoScalingGroup/Properties/LaunchConfigurationName",
                    "Resources/ECSAutoScalingGroup/Properties/LaunchTemplate",
                    "Resources/ContainerInstances/Type",
                    "Resources/ContainerInstances/Properties/ImageId",
                    "Resources/ContainerInstances/Properties/SecurityGroups",
                    "Resources/ContainerInstances/Properties/InstanceType",
                    "Resources/ContainerInstances/Properties/IamInstanceProfile",
                    "Resources/ContainerInstances/Properties/UserData",
                    "Resources/ContainerInstances/Properties/LaunchTemplateData"),
            known("Solutions/AmazonCloudWatchAgent/ssm/suse",
                    "the YAML UserData line 'export PATH=$PATH:/usr/local/bin' ends in a tab the JSON lacks",
                    "Resources/EC2Instance/Properties/UserData/Fn::Base64/Fn::Sub/0")
            // the *-pkg pairs that wrote booleans True/False in YAML and true/false in JSON are the same
            // graph now that the reader spells booleans one way
    );

    /** Why a pair differs, and every path where it does (as {@link #differences} names them). */
    private record Known(String reason, List<String> paths) {
    }

    private static Map.Entry<String, Known> known(String name, String reason, String... paths) {
        return Map.entry(name, new Known(reason, List.of(paths)));
    }

    private final TemplateLoader loader = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES);

    static Path twinsRoot() {
        return CorpusTest.corpus().resolve("aws-cloudformation-templates");
    }

    @Test
    void jsonAndYamlTwinsBuildTheSameGraph() throws IOException {
        Path root = twinsRoot();
        assumeTrue(Files.isDirectory(root), "corpus not present at " + root);

        Map<String, Path[]> pairs = pairs(root);
        assertThat(pairs).as("JSON/YAML pairs in the corpus").hasSizeGreaterThan(100);

        List<String> failures = new ArrayList<>();
        int same = 0;
        for (Map.Entry<String, Path[]> pair : pairs.entrySet()) {
            String name = pair.getKey();
            List<Difference> differences = differences(name, pair.getValue()[0], pair.getValue()[1]);
            Set<String> paths = differences.stream().map(Difference::path)
                    .collect(Collectors.toCollection(TreeSet::new));
            Known known = KNOWN_DIFFERENT.get(name);
            if (known == null) {
                if (differences.isEmpty()) {
                    same++;
                } else {
                    failures.add(name + " (left JSON, right YAML): " + differences);
                }
            } else if (differences.isEmpty()) {
                failures.add(name + ": listed as different (" + known.reason() + ") but the graphs are now the"
                        + " same; remove it from KNOWN_DIFFERENT");
            } else if (!paths.equals(new TreeSet<>(known.paths()))) {
                failures.add(name + ": listed as differing at " + new TreeSet<>(known.paths()) + " but differs at "
                        + paths + " (left JSON, right YAML): " + differences);
            }
        }
        for (String listed : KNOWN_DIFFERENT.keySet()) {
            if (!pairs.containsKey(listed)) {
                failures.add(listed + ": listed in KNOWN_DIFFERENT but no such JSON/YAML pair in the corpus");
            }
        }
        System.out.println("twins: " + pairs.size() + " JSON/YAML pairs, " + same + " identical, "
                + KNOWN_DIFFERENT.size() + " known to differ");
        assertThat(failures).as("JSON/YAML twins whose graphs differ unexpectedly").isEmpty();
    }

    /** Every {@code X.json} with an {@code X.yaml} or {@code X.yml} beside it, by relative path without extension. */
    static Map<String, Path[]> pairs(Path root) throws IOException {
        Map<String, Path[]> pairs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path json : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                String file = json.getFileName().toString();
                String base = file.substring(0, file.length() - ".json".length());
                for (String ext : new String[] {".yaml", ".yml"}) {
                    Path yaml = json.resolveSibling(base + ext);
                    if (Files.isRegularFile(yaml)) {
                        String name = root.relativize(json.resolveSibling(base)).toString().replace('\\', '/');
                        pairs.put(name, new Path[] {json, yaml});
                    }
                }
            }
        }
        return pairs;
    }

    /** Every place where the graphs of the two files differ; JSON is the left side, YAML the right. */
    private List<Difference> differences(String name, Path jsonFile, Path yamlFile) {
        ResourceGraph json;
        ResourceGraph yaml;
        try {
            json = TemplateGraphs.build(new TemplateFile(name + ".json", loader.load(jsonFile, name + ".json")));
        } catch (TreeReadException e) {
            return List.of(new Difference("", "the JSON file does not load: " + e.display()));
        }
        try {
            yaml = TemplateGraphs.build(new TemplateFile(name + ".yaml", loader.load(yamlFile, name + ".yaml")));
        } catch (TreeReadException e) {
            return List.of(new Difference("", "the YAML file does not load: " + e.display()));
        }
        List<Difference> out = new ArrayList<>();
        List<String> jsonIds = json.resources().stream().map(Resource::id).toList();
        List<String> yamlIds = yaml.resources().stream().map(Resource::id).toList();
        jsonIds.stream().filter(id -> !yamlIds.contains(id))
                .forEach(id -> out.add(new Difference("Resources/" + id, "only in JSON")));
        yamlIds.stream().filter(id -> !jsonIds.contains(id))
                .forEach(id -> out.add(new Difference("Resources/" + id, "only in YAML")));
        List<String> jsonOrder = jsonIds.stream().filter(yamlIds::contains).toList();
        List<String> yamlOrder = yamlIds.stream().filter(jsonIds::contains).toList();
        if (!jsonOrder.equals(yamlOrder)) {
            out.add(new Difference("Resources", "order differs: JSON " + jsonOrder + ", YAML " + yamlOrder));
        }
        for (String id : jsonOrder) {
            Resource j = json.resource(id).orElseThrow();
            Resource y = yaml.resource(id).orElseThrow();
            if (!j.type().equals(y.type())) {
                out.add(new Difference("Resources/" + id + "/Type", j.type() + " != " + y.type()));
            }
            out.addAll(Nodes.differences("Resources/" + id + "/Properties", Nodes.toPlain(j.properties()),
                    Nodes.toPlain(y.properties())));
        }
        return out;
    }
}
