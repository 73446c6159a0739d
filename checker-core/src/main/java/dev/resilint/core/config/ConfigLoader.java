package dev.resilint.core.config;

import dev.resilint.core.DisplayPaths;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.Location;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and reads {@code .resilint.yaml}. Every mistake is a {@link ConfigException} that names the
 * file, the line and the key: unknown keys, unknown rule ids, values of the wrong type.
 *
 * <pre>
 * include: [AZ, DR01]          # rule id prefixes to run (default: all)
 * ignore: [OB]                 # rule id prefixes not to run
 * failOn: warning              # error | warning | note | none
 * severity: {AZ04: error}      # severity overrides
 * rules:                       # rule parameters
 *   DR01: {minimumRetentionDays: 14}
 * requiredTags: [owner]        # tag keys every taggable resource carries (OB01)
 * maxFileSizeMiB: 32           # larger inputs are refused
 * ignoreTemplates: [legacy/**] # templates not to read (globs relative to this file)
 * suppressions:                # path-based suppressions
 *   - path: legacy/**
 *     id: AZ04
 *     reason: Legacy stack, retired in Q2
 *     expires: 2027-03-31
 * </pre>
 */
public final class ConfigLoader {

    /** File names looked for, in this order, in the working directory and its parents. */
    public static final List<String> FILE_NAMES = List.of(".resilint.yaml", ".resilint.yml");

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "include", "ignore", "failOn", "severity",
            "rules", "requiredTags", "maxFileSizeMiB", "suppressions", "ignoreTemplates");
    private static final Set<String> SUPPRESSION_KEYS = Set.of("path", "arn", "id", "reason", "expires");
    private static final long MAX_CONFIG_BYTES = 1024 * 1024;

    private final RuleCatalog catalog;
    private final Path workingDirectory;

    public ConfigLoader(RuleCatalog catalog, Path workingDirectory) {
        this.catalog = catalog;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** The nearest configuration file from the working directory upwards, if any. */
    public Optional<Path> discover() {
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            for (String name : FILE_NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Loads {@code explicit} when given, else the discovered file, else the defaults. */
    public Config load(Optional<Path> explicit) throws ConfigException {
        Optional<Path> file = explicit.isPresent() ? explicit : discover();
        if (file.isEmpty()) {
            return Config.defaults();
        }
        return load(file.get());
    }

    public Config load(Path file) throws ConfigException {
        String name = DisplayPaths.display(file, workingDirectory);
        Node root;
        try {
            String text = TreeReader.decode(
                    TreeReader.readBytes(file, name, MAX_CONFIG_BYTES, "the limit for a configuration file"), name);
            if (isBlankYaml(text)) { // an empty or comments-only file means the defaults
                Config d = Config.defaults();
                return new Config(Optional.of(file), d.include(), d.ignore(), d.severity(), d.ruleParameters(),
                        d.requiredTags(), d.failOn(), d.suppressions(), d.maxFileSizeBytes());
            }
            root = new TreeReader(MAX_CONFIG_BYTES).parse(text, name);
        } catch (TreeReadException e) {
            throw new ConfigException(name, e.mark(), "", e.getMessage());
        }
        return new Parser(name, file).parse(root);
    }

    private static boolean isBlankYaml(String text) {
        return text.lines().map(String::strip)
                .allMatch(line -> line.isEmpty() || line.startsWith("#") || line.equals("---") || line.equals("..."));
    }

    /** Parses one file; holds the name for messages. */
    private final class Parser {
        private final String name;
        private final Path file;

        Parser(String name, Path file) {
            this.name = name;
            this.file = file;
        }

        /** Every mistake found so far; each part of the file is checked even when another is wrong. */
        private final List<ConfigException> errors = new ArrayList<>();

        Config parse(Node root) throws ConfigException {
            MapNode map = map(root, "");
            Config defaults = Config.defaults();
            List<String> include = new ArrayList<>();
            List<String> ignore = new ArrayList<>();
            Map<String, Severity> severity = new LinkedHashMap<>();
            Map<String, Map<String, Object>> params = new LinkedHashMap<>();
            List<String> requiredTags = new ArrayList<>();
            List<FailThreshold> failOn = new ArrayList<>();
            List<Suppression> suppressions = new ArrayList<>();
            long[] maxBytes = {defaults.maxFileSizeBytes()};
            List<SuppressionScope.PathGlob> ignoreTemplates = new ArrayList<>();
            for (MapNode.Entry e : map.entries()) {
                String key = e.key();
                attempt(() -> {
                    switch (key) {
                        case "version" -> {
                            int v = integer(e.value(), key);
                            if (v != 1) {
                                throw error(e.value().mark(), key,
                                        "unsupported version " + v + "; this resilint reads version 1");
                            }
                        }
                        case "include" -> include.addAll(rulePrefixes(e.value(), key));
                        case "ignore" -> ignore.addAll(rulePrefixes(e.value(), key));
                        case "failOn" -> {
                            String text = string(e.value(), key);
                            failOn.add(FailThreshold.parse(text).orElseThrow(() -> error(e.value().mark(), key,
                                    "expected one of error, warning, note, none but was '" + text + "'")));
                        }
                        case "severity" -> {
                            for (MapNode.Entry s : map(e.value(), key).entries()) {
                                String where = key + "." + s.key();
                                attempt(() -> {
                                    String id = knownRule(s.key(), s.keyMark(), where).id();
                                    String text = string(s.value(), where);
                                    severity.put(id, Severity.parse(text).orElseThrow(() -> error(s.value().mark(),
                                            where, "expected one of error, warning, note but was '" + text + "'")));
                                });
                            }
                        }
                        case "rules" -> {
                            for (MapNode.Entry r : map(e.value(), key).entries()) {
                                String where = key + "." + r.key();
                                attempt(() -> {
                                    RuleMetadata rule = knownRule(r.key(), r.keyMark(), where);
                                    params.put(rule.id(), parameters(rule, map(r.value(), where), where));
                                });
                            }
                        }
                        case "requiredTags" -> requiredTags.addAll(strings(e.value(), key));
                        case "maxFileSizeMiB" -> {
                            int mib = integer(e.value(), key);
                            if (mib < 1 || mib > 1024) {
                                throw error(e.value().mark(), key,
                                        "expected a number of MiB from 1 to 1024 but was " + mib);
                            }
                            maxBytes[0] = mib * 1024L * 1024L;
                        }
                        case "suppressions" -> suppressions.addAll(suppressions(e.value(), key));
                        case "ignoreTemplates" -> ignoreTemplates.addAll(templateGlobs(e.value(), key));
                        default -> throw error(e.keyMark(), key, "unknown key; expected one of "
                                + String.join(", ", TOP_LEVEL_KEYS.stream().sorted().toList()));
                    }
                });
            }
            if (!errors.isEmpty()) {
                throw new ConfigException(errors);
            }
            return new Config(Optional.of(file), include, ignore, severity, params, requiredTags,
                    failOn.stream().findFirst(), suppressions, maxBytes[0], ignoreTemplates);
        }

        /** Globs of templates not to read, relative to the configuration file's directory. */
        private List<SuppressionScope.PathGlob> templateGlobs(Node node, String key) throws ConfigException {
            List<String> globs = strings(node, key);
            List<SuppressionScope.PathGlob> result = new ArrayList<>();
            for (int i = 0; i < globs.size(); i++) {
                Mark mark = node instanceof ListNode l ? l.get(i).mark() : node.mark();
                if (globs.get(i).isBlank()) {
                    throw error(mark, key, "an empty glob; name templates or directories, like legacy/** or **/*.test.yaml");
                }
                try {
                    result.add(SuppressionScope.PathGlob.relativeTo(globs.get(i), configDirectory(), workingDirectory));
                } catch (IllegalArgumentException e) {
                    throw error(mark, key, e.getMessage());
                }
            }
            return result;
        }

        /** Runs one check, recording its mistake instead of stopping at it. */
        private void attempt(Check check) {
            try {
                check.run();
            } catch (ConfigException e) {
                errors.add(e);
            }
        }

        private Map<String, Object> parameters(RuleMetadata rule, MapNode values, String where) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (MapNode.Entry p : values.entries()) {
                String key = where + "." + p.key();
                attempt(() -> {
                    RuleParameter param = rule.parameters().stream().filter(x -> x.name().equals(p.key())).findFirst()
                            .orElseThrow(() -> error(p.keyMark(), key, rule.parameters().isEmpty()
                                    ? "unknown parameter; rule " + rule.id() + " has no parameters"
                                    : "unknown parameter; rule " + rule.id() + " has " + String.join(", ",
                                            rule.parameters().stream().map(RuleParameter::name).toList())));
                    Object value = switch (param.type()) {
                        case INTEGER -> integer(p.value(), key);
                        case BOOLEAN -> bool(p.value(), key);
                        case STRING -> string(p.value(), key);
                        case STRING_LIST -> strings(p.value(), key);
                    };
                    result.put(p.key(), value);
                });
            }
            return result;
        }

        private List<Suppression> suppressions(Node node, String key) throws ConfigException {
            List<Suppression> result = new ArrayList<>();
            ListNode list = list(node, key);
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                attempt(() -> result.add(suppression(list.get(index), key, index)));
            }
            return result;
        }

        private Suppression suppression(Node node, String key, int i) throws ConfigException {
            String where = key + "[" + i + "]";
            MapNode entry = map(node, where);
            for (MapNode.Entry e : entry.entries()) {
                if (!SUPPRESSION_KEYS.contains(e.key())) {
                    throw error(e.keyMark(), where + "." + e.key(),
                            "unknown key; expected path or arn, id, reason, expires");
                }
            }
            SuppressionScope scope;
            if (entry.has("arn") == entry.has("path")) {
                throw error(entry.mark(), where, "give either path (templates and code) or arn (live resources)");
            }
            if (entry.has("arn")) {
                Node arnNode = entry.get("arn").orElseThrow();
                try {
                    scope = new SuppressionScope.ArnGlob(string(arnNode, where + ".arn"));
                } catch (IllegalArgumentException e) {
                    throw error(arnNode.mark(), where + ".arn", e.getMessage());
                }
            } else {
                Node pathNode = entry.get("path").orElseThrow();
                String glob = string(pathNode, where + ".path");
                try {
                    scope = SuppressionScope.PathGlob.relativeTo(glob, configDirectory(), workingDirectory);
                } catch (IllegalArgumentException e) {
                    throw error(pathNode.mark(), where + ".path", e.getMessage());
                }
            }
            String id = knownRule(string(required(entry, "id", where), where + ".id"),
                    entry.get("id").orElseThrow().mark(), where + ".id").id();
            Node reasonNode = required(entry, "reason", where);
            String reason = string(reasonNode, where + ".reason").strip();
            if (reason.length() < Suppression.MIN_REASON_LENGTH) {
                throw error(reasonNode.mark(), where + ".reason", "a reason of at least "
                        + Suppression.MIN_REASON_LENGTH + " characters is required");
            }
            Optional<LocalDate> expires = Optional.empty();
            if (entry.has("expires")) {
                Node exp = entry.get("expires").orElseThrow();
                expires = Optional.of(date(exp, where + ".expires"));
            }
            Location origin = new Location.Template(name, entry.mark().line(), entry.mark().column(),
                    "suppressions/" + i, "", "");
            return new Suppression(id, reason, expires, scope, origin, Suppression.Format.CONFIG);
        }

        private Path configDirectory() {
            Path parent = file.toAbsolutePath().normalize().getParent();
            return parent == null ? workingDirectory : parent;
        }

        private Node required(MapNode map, String key, String where) throws ConfigException {
            return map.get(key).orElseThrow(() -> error(map.mark(), where + "." + key, "is required"));
        }

        private RuleMetadata knownRule(String id, Mark mark, String where) throws ConfigException {
            return catalog.findIgnoringCase(id).orElseThrow(() -> error(mark, where, "unknown rule id '" + id + "'"));
        }

        private List<String> rulePrefixes(Node node, String key) throws ConfigException {
            List<String> values = strings(node, key);
            ListNode list = node instanceof ListNode l ? l : null;
            List<ConfigException> wrong = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String prefix = values.get(i);
                Mark mark = list != null ? list.get(i).mark() : node.mark();
                if (prefix.isBlank()) {
                    wrong.add(error(mark, key, "an empty rule id prefix would match every rule; name a rule id or prefix"));
                } else if (!catalog.anyStartsWith(prefix)) {
                    wrong.add(error(mark, key, "unknown rule id or prefix '" + prefix + "'"));
                }
            }
            if (!wrong.isEmpty()) {
                throw new ConfigException(wrong);
            }
            return values;
        }

        private MapNode map(Node node, String key) throws ConfigException {
            if (node instanceof MapNode m) {
                return m;
            }
            if (isEmptyValue(node)) {
                return new MapNode(List.of(), node.mark(), "");
            }
            throw error(node.mark(), key, "expected a map but was " + node.kindDescription());
        }

        private ListNode list(Node node, String key) throws ConfigException {
            if (node instanceof ListNode l) {
                return l;
            }
            if (isEmptyValue(node)) {
                return new ListNode(List.of(), node.mark(), "");
            }
            throw error(node.mark(), key, "expected a list but was " + node.kindDescription());
        }

        /**
         * A key written without a value ({@code ignore:} with its items commented out) or with
         * {@code null}: the reader gives an empty string or null. Where a list or map is expected
         * it means an empty one, never a list holding the empty string (which, as a rule id
         * prefix, would match every rule).
         */
        private boolean isEmptyValue(Node node) {
            return node instanceof ScalarNode s && node.tag().isEmpty()
                    && (s.isNull() || s.type() == ScalarNode.Type.STRING && s.text().isEmpty());
        }

        private List<String> strings(Node node, String key) throws ConfigException {
            if (isEmptyValue(node)) {
                return List.of();
            }
            if (node instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING) {
                return List.of(s.text()); // a single value where a list is expected is accepted
            }
            List<String> result = new ArrayList<>();
            ListNode list = list(node, key);
            for (Node item : list.items()) {
                result.add(string(item, key));
            }
            return result;
        }

        private String string(Node node, String key) throws ConfigException {
            if (node instanceof ScalarNode s && !s.isNull() && node.tag().isEmpty()) {
                return s.text();
            }
            throw error(node.mark(), key, "expected a string but was " + node.kindDescription());
        }

        private int integer(Node node, String key) throws ConfigException {
            if (node instanceof ScalarNode s && s.type() == ScalarNode.Type.INTEGER) {
                try {
                    return Integer.parseInt(s.text());
                } catch (NumberFormatException e) {
                    throw error(node.mark(), key, "integer out of range: " + s.text());
                }
            }
            throw error(node.mark(), key, "expected an integer but was " + node.kindDescription());
        }

        private boolean bool(Node node, String key) throws ConfigException {
            if (node instanceof ScalarNode s && s.type() == ScalarNode.Type.BOOLEAN) {
                return Boolean.parseBoolean(s.text());
            }
            throw error(node.mark(), key, "expected true or false but was " + node.kindDescription());
        }

        private LocalDate date(Node node, String key) throws ConfigException {
            if (node instanceof ScalarNode s) {
                try {
                    return LocalDate.parse(s.text());
                } catch (DateTimeParseException e) {
                    // fall through
                }
            }
            throw error(node.mark(), key, "expected a date like 2027-03-31");
        }

        private ConfigException error(Mark mark, String key, String message) {
            return new ConfigException(name, mark, key, message);
        }
    }

    /** One check of the file, which may find a mistake. */
    @FunctionalInterface
    private interface Check {
        void run() throws ConfigException;
    }
}
