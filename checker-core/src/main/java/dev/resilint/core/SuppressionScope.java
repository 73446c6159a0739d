package dev.resilint.core;

import java.util.Objects;

/** Which findings a suppression covers. */
public sealed interface SuppressionScope {

    boolean covers(Location location);

    /** Human description for messages. */
    String describe();

    /** Every finding in one template file (template-level {@code Metadata}). */
    record File(String file) implements SuppressionScope {
        public File {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public boolean covers(Location location) {
            return location instanceof Location.Template t && t.file().equals(file);
        }

        @Override
        public String describe() {
            return file;
        }
    }

    /** Findings on one resource of one template (resource-level {@code Metadata}). */
    record Resource(String file, String resourceId) implements SuppressionScope {
        public Resource {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(resourceId, "resourceId");
        }

        @Override
        public boolean covers(Location location) {
            return location instanceof Location.Template t && t.file().equals(file)
                    && t.resourceId().equals(resourceId);
        }

        @Override
        public String describe() {
            return file + " resource " + resourceId;
        }
    }

    /**
     * Findings whose file (template or source file), ARN or class name matches a glob. The
     * {@link Globs glob syntax} is the same on every operating system: {@code *} stays within a
     * path segment, {@code **} crosses segments, and a leading {@code **}{@code /} also matches
     * files at the top level. A class without a known source file is matched as its name with
     * {@code /} for {@code .}.
     *
     * @throws IllegalArgumentException when {@code glob} is not a valid glob
     */
    record PathGlob(String glob, String configDirectory, String workingDirectory) implements SuppressionScope {
        public PathGlob {
            Objects.requireNonNull(glob, "glob");
            configDirectory = configDirectory == null ? "" : configDirectory;
            workingDirectory = workingDirectory == null ? "" : workingDirectory;
            Globs.compile(glob);
        }

        /** A glob matched against paths as they appear in findings (relative to the working directory). */
        public PathGlob(String glob) {
            this(glob, "", "");
        }

        /**
         * A glob written in a configuration file: relative to that file's directory, whichever
         * directory resilint runs in.
         */
        public static PathGlob relativeTo(String glob, java.nio.file.Path configDirectory,
                java.nio.file.Path workingDirectory) {
            return new PathGlob(glob, configDirectory.toAbsolutePath().normalize().toString(),
                    workingDirectory.toAbsolutePath().normalize().toString());
        }

        @Override
        public boolean covers(Location location) {
            String target;
            if (location instanceof Location.Code c) {
                target = c.file().isEmpty() ? c.className().replace('.', '/') : c.file();
            } else if (location instanceof Location.Live l) {
                target = l.arn();
            } else {
                target = location.file();
            }
            if (target.isEmpty()) {
                return false;
            }
            if (!configDirectory.isEmpty() && !(location instanceof Location.Live)) {
                target = rebase(target);
            }
            return glob.equals(target) || Globs.matches(glob, target);
        }

        /** {@code target} (relative to the working directory) made relative to the configuration's directory. */
        private String rebase(String target) {
            java.nio.file.Path absolute = java.nio.file.Path.of(workingDirectory).resolve(target).normalize();
            String rebased = java.nio.file.Path.of(configDirectory).relativize(absolute).toString();
            return rebased.replace(java.io.File.separatorChar, '/');
        }

        @Override
        public String describe() {
            return "paths matching " + glob;
        }
    }

    /** Findings in a class, or in one member of it when {@code member} is not empty. */
    record CodeElement(String className, String member) implements SuppressionScope {
        public CodeElement {
            Objects.requireNonNull(className, "className");
            member = member == null ? "" : member;
        }

        @Override
        public boolean covers(Location location) {
            if (!(location instanceof Location.Code c)) {
                return false;
            }
            boolean sameClass = c.className().equals(className) || c.className().startsWith(className + "$");
            return sameClass && (member.isEmpty() || c.member().equals(member));
        }

        @Override
        public String describe() {
            return member.isEmpty() ? className : className + "#" + member;
        }
    }

    /**
     * Live resources whose ARN matches a glob ({@code .resilint.yaml}: {@code arn:}); {@code *}
     * matches any run of characters (ARNs have no path segments to respect), everything else
     * stands for itself.
     */
    record ArnGlob(String glob) implements SuppressionScope {
        public ArnGlob {
            Objects.requireNonNull(glob, "glob");
            if (!glob.startsWith("arn:")) {
                throw new IllegalArgumentException("an ARN starts with arn:, not '" + glob + "'");
            }
        }

        @Override
        public boolean covers(Location location) {
            if (!(location instanceof Location.Live live)) {
                return false;
            }
            String regex = java.util.Arrays.stream(glob.split("\\*", -1))
                    .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining(".*"));
            return live.arn().matches(regex);
        }

        @Override
        public String describe() {
            return "resources whose ARN matches " + glob;
        }
    }

    /** One live resource, by ARN: a suppression in its own {@code resilint:suppress} tag. */
    record LiveResource(String arn) implements SuppressionScope {
        public LiveResource {
            Objects.requireNonNull(arn, "arn");
        }

        @Override
        public boolean covers(Location location) {
            return location instanceof Location.Live live && live.arn().equals(arn);
        }

        @Override
        public String describe() {
            return arn;
        }
    }

    /**
     * A scope read back from a JSON report, known only by its description (what {@link #describe()}
     * gave when the report was written). It covers nothing: a report says what a suppression covered,
     * not how to match it again.
     */
    record Recorded(String description) implements SuppressionScope {
        public Recorded {
            Objects.requireNonNull(description, "description");
        }

        @Override
        public boolean covers(Location location) {
            return false;
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
