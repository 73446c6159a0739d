package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.util.Optional;

/** The class file an imported class came from, for the rules that read bytecode ArchUnit does not model. */
final class ClassBytes {

    private ClassBytes() {
    }

    /** The bytes of the class file, or empty when the class has no readable source. */
    static Optional<byte[]> of(JavaClass item) {
        Optional<Source> source = item.getSource();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            URLConnection connection = source.get().getUri().toURL().openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
