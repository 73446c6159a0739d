package dev.resilint.core.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The inputs of a run as they were at a git revision, written into a temporary directory that
 * mirrors the repository, so that a second run names every file exactly as the run on the working
 * tree does: a file that git's rename detection ({@code git diff -M REV}) says was renamed since is
 * written under its new name, so its findings keep their identity. Read with {@code git ls-tree}
 * and {@code git cat-file}, never by checking anything out. Closing deletes the directory.
 */
public final class RevisionSnapshot implements AutoCloseable {

    private final String commit;
    private final Path root;
    private final Path workingDirectory;
    private final List<Path> inputs;
    private final int files;
    private final Set<String> changed;

    private RevisionSnapshot(String commit, Path root, Path workingDirectory, List<Path> inputs, int files,
            Set<String> changed) {
        this.commit = commit;
        this.root = root;
        this.workingDirectory = workingDirectory;
        this.inputs = List.copyOf(inputs);
        this.files = files;
        this.changed = Set.copyOf(changed);
    }

    /**
     * Writes the files below {@code inputs} (relative to, or below, {@code workingDirectory}) as they
     * are at {@code revision}, keeping only files whose name {@code wanted} accepts.
     *
     * @throws HistoryException when git is missing, the directory is not in a git repository, the
     *     revision does not exist or an input lies outside the working directory
     */
    public static RevisionSnapshot extract(Path workingDirectory, String revision, List<Path> inputs,
            Predicate<String> wanted) throws HistoryException {
        Path wd = workingDirectory.toAbsolutePath().normalize();
        Git git = new Git(wd);
        String option = "--new-since " + revision;
        if (revision.isBlank() || revision.startsWith("-")) {
            throw new HistoryException(option + ": not a git revision");
        }
        Git.Result prefix = git.run("rev-parse", "--show-prefix");
        if (!prefix.ok()) {
            throw new HistoryException(option + ": " + wd + " is not in a git repository");
        }
        Git.Result resolved = git.run("rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        if (!resolved.ok()) {
            throw new HistoryException(option + ": no such revision in the git repository of " + wd);
        }
        String commit = resolved.text().strip();
        String base = prefix.text().strip();
        List<String> wantedPaths = new ArrayList<>();
        for (Path input : inputs) {
            Path abs = wd.resolve(input).normalize();
            if (!abs.startsWith(wd)) {
                throw new HistoryException(option + ": " + input + " is outside the working directory; run resilint "
                        + "from a directory that holds every path it judges");
            }
            String rel = wd.relativize(abs).toString().replace('\\', '/');
            wantedPaths.add(base + rel);
        }
        Map<String, String> renamed = renames(git, commit);
        Set<String> changed = changed(git, commit);
        Map<String, String> blobs = new LinkedHashMap<>(); // current name -> blob at the revision
        for (String entry : git.run("ls-tree", "-r", "-z", "--full-tree", commit).zeroSeparated()) {
            int tab = entry.indexOf('\t');
            String[] meta = entry.substring(0, tab).split(" ");
            String path = entry.substring(tab + 1);
            if (!meta[1].equals("blob") || meta[0].equals("120000")) {
                continue; // submodules and symbolic links
            }
            String current = renamed.getOrDefault(path, path);
            String name = current.substring(current.lastIndexOf('/') + 1);
            if (under(current, wantedPaths) && wanted.test(name)) {
                blobs.put(current, meta[2]);
            }
        }
        Path root;
        try {
            root = Files.createTempDirectory("resilint-new-since-");
        } catch (IOException e) {
            throw new HistoryException(option + ": cannot create a temporary directory: " + e.getMessage());
        }
        try {
            write(git, root, blobs);
        } catch (HistoryException | RuntimeException e) {
            delete(root);
            throw e;
        }
        Path mirroredWd = root.resolve(base.isEmpty() ? "." : base).normalize();
        try {
            Files.createDirectories(mirroredWd);
        } catch (IOException e) {
            delete(root);
            throw new HistoryException(option + ": cannot create " + mirroredWd + ": " + e.getMessage());
        }
        List<Path> mirrored = inputs.stream().map(i -> mirroredWd.resolve(wd.relativize(wd.resolve(i).normalize())))
                .toList();
        return new RevisionSnapshot(commit, root, mirroredWd, mirrored, blobs.size(), changed);
    }

    /**
     * The files below the working directory that differ from {@code commit} (changed, added or
     * renamed since, or not tracked at all and not ignored), relative to it with {@code /}.
     */
    private static Set<String> changed(Git git, String commit) throws HistoryException {
        Git.Result diff = git.run("diff", "-M", "--name-only", "-z", "--relative", "--no-color", "--no-ext-diff",
                commit, "--");
        Git.Result untracked = git.run("ls-files", "-z", "--others", "--exclude-standard");
        if (!diff.ok() || !untracked.ok()) {
            throw new HistoryException("--new-since: git diff failed: " + (diff.ok() ? untracked : diff).err());
        }
        Set<String> changed = new TreeSet<>(diff.zeroSeparated());
        changed.addAll(untracked.zeroSeparated());
        changed.remove("");
        return changed;
    }

    /** Old name to new name of every file git sees as renamed between {@code commit} and the working tree. */
    private static Map<String, String> renames(Git git, String commit) throws HistoryException {
        Git.Result diff = git.run("diff", "-M", "--name-status", "-z", "--no-color", "--no-ext-diff", commit, "--");
        if (!diff.ok()) {
            throw new HistoryException("--new-since: git diff failed: " + diff.err());
        }
        Map<String, String> renamed = new HashMap<>();
        List<String> parts = diff.zeroSeparated();
        for (int i = 0; i < parts.size(); i++) {
            String status = parts.get(i);
            if (status.startsWith("R") && i + 2 < parts.size()) {
                renamed.put(parts.get(i + 1), parts.get(i + 2));
                i += 2;
            } else if (status.startsWith("C")) {
                i += 2;
            } else {
                i += 1;
            }
        }
        return renamed;
    }

    private static boolean under(String path, List<String> roots) {
        for (String root : roots) {
            String r = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
            if (r.isEmpty() || r.equals(".") || path.equals(r) || path.startsWith(r + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Reads every blob with one {@code git cat-file --batch} and writes it under its current name. */
    private static void write(Git git, Path root, Map<String, String> blobs) throws HistoryException {
        if (blobs.isEmpty()) {
            return;
        }
        StringBuilder request = new StringBuilder();
        blobs.values().forEach(sha -> request.append(sha).append('\n'));
        Git.Result batch = git.run(request.toString().getBytes(StandardCharsets.UTF_8), "cat-file", "--batch");
        if (!batch.ok()) {
            throw new HistoryException("--new-since: git cat-file failed: " + batch.err());
        }
        byte[] out = batch.out();
        int at = 0;
        for (String path : blobs.keySet()) {
            int eol = indexOf(out, (byte) '\n', at);
            String[] header = new String(out, at, eol - at, StandardCharsets.UTF_8).split(" ");
            if (header.length != 3 || !header[1].equals("blob")) {
                throw new HistoryException("--new-since: unexpected git cat-file output for " + path);
            }
            int size = Integer.parseInt(header[2]);
            Path target = root.resolve(path).normalize();
            if (!target.startsWith(root)) {
                throw new HistoryException("--new-since: git names a file outside the repository: " + path);
            }
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, java.util.Arrays.copyOfRange(out, eol + 1, eol + 1 + size));
            } catch (IOException e) {
                throw new HistoryException("--new-since: cannot write " + target + ": " + e.getMessage());
            }
            at = eol + 1 + size + 1;
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("truncated git cat-file output");
    }

    /** The full commit id the revision named. */
    public String commit() {
        return commit;
    }

    /** The working directory of the run, inside the snapshot. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The run's inputs, inside the snapshot, in the order given. */
    public List<Path> inputs() {
        return inputs;
    }

    /**
     * The files below the working directory that differ from the revision: changed, added or renamed
     * since, or untracked (and not ignored); relative to the working directory, with {@code /}.
     */
    public Set<String> changed() {
        return changed;
    }

    /** How many files were written. */
    public int files() {
        return files;
    }

    @Override
    public void close() {
        delete(root);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
