package dev.resilint.core.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.core.CoreRules;
import dev.resilint.core.FileReasons;
import dev.resilint.core.Finding;
import dev.resilint.core.Fingerprints;
import dev.resilint.core.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Known findings, by fingerprint. A baseline lets a team adopt resilint on an existing system and
 * fail only on new problems. The file is sorted, stable JSON:
 *
 * <pre>
 * {
 *   "resilintBaseline" : 1,
 *   "fingerprintVersion" : "v1",
 *   "templatePaths" : "relative to this file",
 *   "entries" : [ {
 *     "fingerprint" : "3f2a…",
 *     "ruleId" : "AZ04",
 *     "location" : "stacks/db.yaml#Resources/Db"
 *   } ]
 * }
 * </pre>
 *
 * <p>With {@code templatePaths}, the template paths of the entries (and so their fingerprints) are
 * relative to the baseline file's directory, and the baseline matches whichever directory resilint
 * runs in ({@link Relocation}). A file without it (as resilint wrote them before) holds paths
 * relative to the directory it was made in, and matches runs from there, as it always did.
 *
 * @param entries the known findings
 * @param directory the directory the entries' template paths are relative to; empty when they are
 *     relative to the working directory of the run that applies the baseline
 */
public record Baseline(List<Entry> entries, Optional<Path> directory) {

    /** The value of {@code templatePaths} in a baseline whose paths are relative to its own directory. */
    public static final String RELATIVE_TO_FILE = "relative to this file";

    public static final int FORMAT_VERSION = 1;

    /**
     * One known finding. {@code location} is informational (file and logical path, ARN, or class
     * and member); matching uses the fingerprint only.
     */
    public record Entry(String fingerprint, String ruleId, String location) {
    }

    /** What applying a baseline to current findings gives. */
    public record Outcome(List<Finding> remaining, List<Finding> baselined, List<Entry> stale) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::location)
            .thenComparing(Entry::ruleId).thenComparing(Entry::fingerprint);
    private static final ObjectMapper JSON = new ObjectMapper();

    public Baseline {
        List<Entry> sorted = new ArrayList<>(new LinkedHashSet<>(entries));
        sorted.sort(ORDER);
        entries = List.copyOf(sorted);
        directory = directory.map(d -> d.toAbsolutePath().normalize());
    }

    /** A baseline whose template paths are relative to the working directory of the run. */
    public Baseline(List<Entry> entries) {
        this(entries, Optional.empty());
    }

    /**
     * A baseline of the findings of a run in {@code workingDirectory}, with template paths relative
     * to {@code directory} (where the baseline file goes).
     */
    public static Baseline of(List<Finding> findings, Path workingDirectory, Path directory) {
        return new Baseline(of(Relocation.relativeTo(findings, workingDirectory, directory)).entries(),
                Optional.of(directory));
    }

    /** This baseline's entries with template paths relative to {@code value}: to write it there. */
    public Baseline relativeTo(Path value) {
        return new Baseline(entries, Optional.of(value));
    }

    /** The directory holding {@code file}. */
    public static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    /**
     * {@link #apply(List)} to the findings of a run in {@code workingDirectory}, matched as seen
     * from this baseline's {@link #directory()}; the outcome lists the findings given.
     */
    public Outcome apply(List<Finding> findings, Path workingDirectory) {
        if (directory.isEmpty()) {
            return apply(findings);
        }
        List<Finding> seen = Relocation.relativeTo(findings, workingDirectory, directory.get());
        Map<Finding, Finding> given = new IdentityHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            given.put(seen.get(i), findings.get(i));
        }
        Outcome outcome = apply(seen);
        return new Outcome(outcome.remaining().stream().map(given::get).toList(),
                outcome.baselined().stream().map(given::get).toList(), outcome.stale());
    }

    /**
     * This baseline without the entries that the findings of a run in {@code workingDirectory} no
     * longer have, written for {@code target}'s directory (its template paths relative to it, also
     * when this baseline's were relative to the directory it was made in). Never adds entries.
     */
    public Baseline withoutFixed(List<Finding> current, Path workingDirectory, Path target) {
        List<Finding> active = current.stream().filter(f -> !f.isSuppressed()).toList();
        List<Finding> asKnown = directory.isEmpty() ? active
                : Relocation.relativeTo(active, workingDirectory, directory.get());
        Path targetDirectory = directoryOf(target);
        List<Finding> asWritten = Relocation.relativeTo(active, workingDirectory, targetDirectory);
        Set<String> known = new HashSet<>();
        entries.forEach(e -> known.add(e.fingerprint()));
        List<Finding> kept = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            if (known.contains(asKnown.get(i).fingerprint())) {
                kept.add(asWritten.get(i));
            }
        }
        return new Baseline(of(kept).entries(), Optional.of(targetDirectory));
    }

    /**
     * A baseline of the given findings. Suppressed ones are left out (they need no baseline), and so
     * are RL01 findings: a broken suppression is never accepted, by a baseline or otherwise.
     */
    public static Baseline of(List<Finding> findings) {
        List<Entry> entries = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.isSuppressed() && !isInvalidSuppression(f.ruleId())) {
                entries.add(new Entry(f.fingerprint(), f.ruleId(), describe(f.location())));
            }
        }
        return new Baseline(entries);
    }

    static String describe(Location location) {
        if (location instanceof Location.Template t) {
            return t.file() + "#" + t.logicalPath();
        }
        if (location instanceof Location.Code c) {
            return c.subject();
        }
        return location.subject();
    }

    /** Splits findings into those the baseline knows and the rest; lists entries that no longer occur. */
    public Outcome apply(List<Finding> findings) {
        Set<String> known = new HashSet<>();
        for (Entry e : entries) {
            known.add(e.fingerprint());
        }
        List<Finding> remaining = new ArrayList<>();
        List<Finding> baselined = new ArrayList<>();
        Set<String> occurring = new HashSet<>();
        for (Finding f : findings) {
            occurring.add(f.fingerprint());
            if (!f.isSuppressed() && known.contains(f.fingerprint()) && !isInvalidSuppression(f.ruleId())) {
                baselined.add(f);
            } else {
                remaining.add(f);
            }
        }
        List<Entry> stale = entries.stream()
                .filter(e -> !occurring.contains(e.fingerprint()) || isInvalidSuppression(e.ruleId())).toList();
        return new Outcome(remaining, baselined, stale);
    }

    /** RL01, which no baseline accepts (an entry for it, from an older resilint, is stale). */
    private static boolean isInvalidSuppression(String ruleId) {
        return CoreRules.INVALID_SUPPRESSION.id().equals(ruleId);
    }

    /** This baseline without the entries that no longer occur; never adds entries. */
    public Baseline withoutFixed(List<Finding> current) {
        Set<String> occurring = new HashSet<>();
        for (Finding f : current) {
            occurring.add(f.fingerprint());
        }
        return withoutFixed(new Baseline(current.stream().map(f -> new Entry(f.fingerprint(), f.ruleId(), "")).toList()));
    }

    /** This baseline without the entries that {@code current} (another run's findings) no longer has. */
    public Baseline withoutFixed(Baseline current) {
        Set<String> occurring = new HashSet<>();
        current.entries().forEach(e -> occurring.add(e.fingerprint()));
        return new Baseline(entries.stream().filter(e -> occurring.contains(e.fingerprint())).toList(), directory);
    }

    /**
     * The findings of a JSON report ({@code --format json}) as a baseline: its active and baselined
     * findings (suppressed ones need no baseline). Lets a scheduled scan record its report as the
     * baseline of the next night's scan. Refuses a report whose inputs could not be read.
     */
    public static Baseline fromReport(Path file, String displayName) throws BaselineException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new BaselineException(displayName + ": no such report file");
        } catch (JsonProcessingException e) {
            throw new BaselineException(displayName + ": not a resilint JSON report: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BaselineException(displayName + ": cannot read report: " + FileReasons.of(e));
        }
        if (root == null || !root.isObject() || root.path("schemaVersion").asInt(-1) != 1
                || !root.path("findings").isArray()) {
            throw new BaselineException(displayName + ": not a resilint JSON report (resilint ... --format json)");
        }
        if (root.path("problems").isArray() && !root.path("problems").isEmpty()) {
            throw new BaselineException(displayName + ": the report has " + root.path("problems").size()
                    + " problem(s) (inputs that could not be read); a baseline of a partial run would lose entries");
        }
        List<Entry> entries = new ArrayList<>();
        for (String list : List.of("findings", "baselined")) {
            for (JsonNode f : root.path(list)) {
                String fp = f.path("fingerprint").asText("");
                if (fp.isEmpty()) {
                    throw new BaselineException(displayName + ": a finding has no \"fingerprint\"");
                }
                entries.add(new Entry(fp, f.path("ruleId").asText(""), describe(f.path("location"))));
            }
        }
        return new Baseline(entries);
    }

    /**
     * {@link #fromReport(Path, String)} for a baseline file in {@code directory}, with its template
     * paths relative to it. A report does not say where it was made: its template paths are taken
     * as relative to {@code workingDirectory}, so a report with template findings is refused unless
     * that is {@code directory} (its fingerprints cannot be computed again from the report).
     */
    public static Baseline fromReport(Path file, String displayName, Path workingDirectory, Path directory)
            throws BaselineException {
        Baseline read = fromReport(file, displayName);
        Path from = workingDirectory.toAbsolutePath().normalize();
        Path to = directory.toAbsolutePath().normalize();
        if (!from.equals(to) && hasTemplateFindings(file)) {
            throw new BaselineException(displayName + ": its template findings name paths relative to the directory "
                    + "it was made in; run this in the baseline's directory (" + to + ")");
        }
        return read.relativeTo(to);
    }

    private static boolean hasTemplateFindings(Path file) throws BaselineException {
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            for (String list : List.of("findings", "baselined")) {
                for (JsonNode f : root.path(list)) {
                    if (f.path("location").path("kind").asText("").equals("template")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) { // read once already by fromReport
            throw new BaselineException(file + ": cannot read report: " + e.getMessage());
        }
    }

    /** The informational location of a JSON report's finding, as {@link #describe(Location)} writes it. */
    private static String describe(JsonNode location) {
        return switch (location.path("kind").asText("")) {
            case "template" -> location.path("file").asText("") + "#" + location.path("logicalPath").asText("");
            case "live" -> location.path("arn").asText("");
            case "code" -> location.path("className").asText("")
                    + (location.path("member").asText("").isEmpty() ? "" : "#" + location.path("member").asText(""));
            default -> "";
        };
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("resilintBaseline", FORMAT_VERSION);
        root.put("fingerprintVersion", Fingerprints.VERSION);
        if (directory.isPresent()) {
            root.put("templatePaths", RELATIVE_TO_FILE);
        }
        ArrayNode array = root.putArray("entries");
        for (Entry e : entries) {
            ObjectNode o = array.addObject();
            o.put("fingerprint", e.fingerprint());
            o.put("ruleId", e.ruleId());
            o.put("location", e.location());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** Reads a baseline file; errors name the file and what is wrong. */
    public static Baseline read(Path file, String displayName) throws BaselineException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new BaselineException(displayName + ": no such baseline file");
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null || e.getLocation().getLineNr() <= 0 ? ""
                    : ":" + e.getLocation().getLineNr();
            throw new BaselineException(displayName + line + ": not a valid baseline: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BaselineException(displayName + ": cannot read baseline: " + FileReasons.of(e));
        }
        if (root == null || !root.isObject() || root.path("resilintBaseline").asInt(-1) != FORMAT_VERSION) {
            throw new BaselineException(displayName + ": not a resilint baseline (expected \"resilintBaseline\": "
                    + FORMAT_VERSION + ")");
        }
        String version = root.path("fingerprintVersion").asText(Fingerprints.VERSION);
        if (!Fingerprints.VERSION.equals(version)) {
            throw new BaselineException(displayName + ": fingerprints of version " + version + " cannot be matched by "
                    + "this resilint (" + Fingerprints.VERSION + "); recreate the baseline");
        }
        JsonNode array = root.path("entries");
        if (!array.isArray()) {
            throw new BaselineException(displayName + ": \"entries\" must be a list");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : array) {
            String fp = e.path("fingerprint").asText("");
            if (fp.isEmpty()) {
                throw new BaselineException(displayName + ": an entry has no \"fingerprint\"");
            }
            entries.add(new Entry(fp, e.path("ruleId").asText(""), e.path("location").asText("")));
        }
        JsonNode paths = root.path("templatePaths");
        if (paths.isMissingNode()) { // written by resilint before baselines were relative to their file
            return new Baseline(entries);
        }
        if (!RELATIVE_TO_FILE.equals(paths.asText())) {
            throw new BaselineException(displayName + ": \"templatePaths\" must be \"" + RELATIVE_TO_FILE + "\"");
        }
        return new Baseline(entries, Optional.of(directoryOf(file)));
    }
}
