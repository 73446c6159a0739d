package dev.resilint.infra.cfn;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.eval.Intrinsics;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the nested stacks of a template whose templates are local files: an
 * {@code AWS::CloudFormation::Stack} whose {@code TemplateURL} is a literal relative path
 * ({@code ./network.yaml}, {@code stacks/db.yaml}) or a {@code file://} URL, resolved against the
 * parent template's directory, as {@code aws cloudformation package} and SAM read them. In
 * AWS CDK output, where the {@code TemplateURL} is an S3 URL built with {@code Fn::Join}, the
 * {@code aws:asset:path} metadata CDK adds to the stack resource names the local
 * {@code *.nested.template.json} instead. S3 and HTTP URLs, dynamic references and other computed
 * URLs are not followed.
 */
final class NestedStacks {

    static final String STACK_TYPE = "AWS::CloudFormation::Stack";

    private static final Pattern URL_WITH_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);
    private static final String FILE_URL = "file://";

    private NestedStacks() {
    }

    /**
     * A nested stack whose template is a local file.
     *
     * @param stackId logical id of the stack resource in the parent template
     * @param file the child template, resolved against the parent's directory; it may not exist
     * @param reference how the parent names it: the {@code TemplateURL} as written, or the CDK asset path
     * @param mark where the parent names it (the {@code TemplateURL} key, or the CDK asset metadata)
     * @param parameterValues the stack resource's {@code Parameters} (see {@link TemplateFile#parameterValues()})
     */
    record Child(String stackId, Path file, String reference, Mark mark, Optional<MapNode> parameterValues) {
    }

    /** The nested stacks of one template: those with a local template, and why the others are not followed. */
    record Links(List<Child> children, List<String> notFollowed) {
    }

    /** The nested stacks of the template {@code root}, read from {@code templateFile}. */
    static Links of(MapNode root, Path templateFile) {
        Path dir = directoryOf(templateFile);
        List<Child> children = new ArrayList<>();
        List<String> notFollowed = new ArrayList<>();
        if (!(root.get("Resources").orElse(null) instanceof MapNode resources)) {
            return new Links(children, notFollowed);
        }
        for (MapNode.Entry e : resources.entries()) {
            if (!(e.value() instanceof MapNode def) || !isStack(def)) {
                continue;
            }
            MapNode props = def.get("Properties").orElse(null) instanceof MapNode p ? p
                    : new MapNode(List.of(), def.mark(), "");
            Optional<MapNode> parameters = parameterValues(props);
            Optional<MapNode.Entry> url = props.entry("TemplateURL");
            if (url.isPresent() && url.get().value() instanceof ScalarNode s && !s.isNull()) {
                Optional<Path> local = localPath(s.text(), dir);
                if (local.isPresent()) {
                    children.add(new Child(e.key(), local.get(), s.text(), url.get().keyMark(), parameters));
                    continue;
                }
            }
            Optional<MapNode.Entry> asset = cdkAssetPath(def);
            if (asset.isPresent()) {
                String assetPath = ((ScalarNode) asset.get().value()).text();
                Optional<Path> file = resolve(assetPath, dir).filter(Files::isRegularFile);
                if (file.isPresent()) {
                    children.add(new Child(e.key(), file.get(), assetPath, asset.get().keyMark(), parameters));
                    continue;
                }
            }
            String why = url.map(u -> whyNotLocal(u.value())).orElse(
                    props.size() == 1 && Intrinsics.isFunctionKey(props.keys().get(0))
                            ? "its Properties are computed with " + props.keys().get(0) : "it has no TemplateURL");
            if (asset.isPresent()) {
                why += "; its CDK asset " + ((ScalarNode) asset.get().value()).text() + " is not there";
            }
            notFollowed.add("nested stack " + e.key() + " not followed: " + why);
        }
        return new Links(children, notFollowed);
    }

    /**
     * What a first look at the candidate files found.
     *
     * @param nested the real paths of the existing local templates that the files nest: these are
     *     analyzed with their parent, not on their own
     * @param parents the real paths of the files that nest at least one of them: analyzed in their
     *     turn, since two parents may nest the same template (the first one analyzes it)
     * @param parsed the templates this look had to parse (those that mention nested stacks), by
     *     real path, so that they are not parsed a second time
     */
    record Index(Set<Path> nested, Set<Path> parents, Map<Path, MapNode> parsed) {
    }

    /** What the first look found in one file: its template, when it had to parse it, and what it nests. */
    private record Look(Path real, MapNode root, List<Path> children) {
        static final Look NOTHING = new Look(null, null, List.of());
    }

    /**
     * Finds the templates that {@code files} nest, looking at the files on {@code threads} threads.
     * Files that cannot be read or are not templates nest nothing here; they are reported when analyzed.
     */
    static Index index(List<Path> files, TemplateLoader loader, long maxBytes, int threads) {
        Set<Path> nested = new HashSet<>();
        Set<Path> parents = new HashSet<>();
        Map<Path, MapNode> parsed = new HashMap<>();
        // a file whose look never ends nests nothing here; its analysis then reports it
        for (Look look : TemplateTasks.map(threads, files, file -> look(file, loader, maxBytes), file -> Look.NOTHING)) {
            if (look.root() == null) {
                continue;
            }
            parsed.put(look.real(), look.root());
            if (!look.children().isEmpty()) {
                parents.add(look.real());
                nested.addAll(look.children());
            }
        }
        return new Index(nested, parents, parsed);
    }

    private static Look look(Path file, TemplateLoader loader, long maxBytes) {
        MapNode root;
        try {
            byte[] bytes = TreeReader.readBytes(file, file.toString(), maxBytes);
            if (!contains(bytes, STACK_TYPE_BYTES)) {
                // cheap test first, on the bytes: most templates nest nothing. Templates are UTF-8,
                // where an ASCII text occurs in the bytes exactly where it occurs in the characters
                return Look.NOTHING;
            }
            root = loader.parse(TreeReader.decode(bytes, file.toString()), file.toString());
        } catch (TreeReadException e) {
            return Look.NOTHING;
        }
        List<Path> children = new ArrayList<>();
        if (TemplateGraphs.isTemplate(root)) {
            for (Child child : of(root, file).children()) {
                if (Files.isRegularFile(child.file())) {
                    children.add(realPath(child.file()));
                }
            }
        }
        return new Look(realPath(file), root, children);
    }

    private static final byte[] STACK_TYPE_BYTES = STACK_TYPE.getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code bytes} hold {@code part}. */
    static boolean contains(byte[] bytes, byte[] part) {
        byte first = part[0];
        for (int i = 0, last = bytes.length - part.length; i <= last; i++) {
            if (bytes[i] == first && Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    /** The file's real path (symbolic links resolved), so that one file reached two ways is analyzed once. */
    static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static boolean isStack(MapNode def) {
        return def.get("Type").orElse(null) instanceof ScalarNode type && type.text().equals(STACK_TYPE);
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : file.toAbsolutePath();
    }

    /**
     * The values the stack resource passes: its {@code Parameters} when that is a map (possibly an
     * intrinsic function), an empty map when it passes none, empty when it is something else.
     */
    private static Optional<MapNode> parameterValues(MapNode props) {
        Optional<Node> parameters = props.get("Parameters");
        if (parameters.isEmpty() || parameters.get() instanceof ScalarNode s && s.isNull()) {
            return Optional.of(new MapNode(List.of(), props.mark(), ""));
        }
        return parameters.get() instanceof MapNode map ? Optional.of(map) : Optional.empty();
    }

    /**
     * The local file a literal {@code TemplateURL} names: a {@code file://} URL, or a path (with a
     * directory separator or a template file extension) that is neither a URL nor a dynamic
     * reference. {@code TemplateURL: String} and other words are not taken for file names.
     */
    static Optional<Path> localPath(String templateUrl, Path dir) {
        String text = templateUrl.trim();
        if (text.regionMatches(true, 0, FILE_URL, 0, FILE_URL.length())) {
            String path = text.substring(FILE_URL.length());
            return resolve(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8), dir);
        }
        if (text.isEmpty() || text.startsWith("{{") || URL_WITH_SCHEME.matcher(text).matches()) {
            return Optional.empty();
        }
        boolean pathLike = text.contains("/") || text.contains("\\") || hasTemplateExtension(text);
        return pathLike ? resolve(text, dir) : Optional.empty();
    }

    private static boolean hasTemplateExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot > 0 && TemplateDiscovery.EXTENSIONS.contains(lower.substring(dot + 1));
    }

    private static Optional<Path> resolve(String path, Path dir) {
        if (path.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(dir.resolve(path).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** CDK's {@code aws:asset:path} metadata on a stack resource whose TemplateURL is that asset. */
    private static Optional<MapNode.Entry> cdkAssetPath(MapNode def) {
        if (def.get("Metadata").orElse(null) instanceof MapNode metadata
                && metadata.get("aws:asset:property").orElse(null) instanceof ScalarNode property
                && property.text().equals("TemplateURL")
                && metadata.get("aws:asset:path").orElse(null) instanceof ScalarNode path
                && !path.isNull() && !path.text().isBlank()) {
            return metadata.entry("aws:asset:path");
        }
        return Optional.empty();
    }

    private static String whyNotLocal(Node url) {
        if (url instanceof ScalarNode s && !s.isNull()) {
            String text = s.text().trim();
            if (text.startsWith("{{")) {
                return "its TemplateURL is a dynamic reference (" + text + ")";
            }
            if (URL_WITH_SCHEME.matcher(text).matches()) {
                return "its TemplateURL " + text + " is remote (S3 or HTTP templates are not fetched)";
            }
            return "its TemplateURL '" + text + "' is neither a local template path nor a URL";
        }
        if (url instanceof MapNode map && map.size() == 1) {
            return "its TemplateURL is computed with " + map.keys().get(0);
        }
        return "its TemplateURL is " + url.kindDescription() + ", not a string";
    }
}
