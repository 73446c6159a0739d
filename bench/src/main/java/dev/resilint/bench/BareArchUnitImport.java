package dev.resilint.bench;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The baseline of {@code bench/code-memory.sh}: a bare ArchUnit import of the jars named on the
 * command line, configured as {@code resilint code} configures it (only the given jars, missing
 * classes not resolved from the class path), and nothing else. It runs as a source file
 * ({@code java -cp archunit.jar BareArchUnitImport.java JAR...}), so the benchmark needs no build of
 * this module.
 */
public final class BareArchUnitImport {

    private BareArchUnitImport() {
    }

    public static void main(String[] args) throws IOException {
        List<Location> locations = new ArrayList<>();
        List<JarFile> jars = new ArrayList<>();
        for (String arg : args) {
            JarFile jar = new JarFile(Path.of(arg).toFile());
            jars.add(jar);
            locations.add(Location.of(jar));
        }
        JavaClasses classes = ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importLocations(locations);
        });
        System.out.println("imported " + classes.size() + " classes from " + args.length + " jars");
        for (JarFile jar : jars) {
            jar.close();
        }
    }
}
