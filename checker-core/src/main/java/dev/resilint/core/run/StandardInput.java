package dev.resilint.core.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A template read from standard input ({@code resilint check -}), named {@value #NAME} in reports.
 * The front end reads it (within the size limit) and passes the bytes; the analyzer decodes and
 * parses them as it would a file's.
 *
 * @param content the bytes read, never empty
 */
public record StandardInput(byte[] content) {

    /** How reports name the input. */
    public static final String NAME = "<stdin>";

    /** The input path that stands for standard input: {@code -}. */
    public static final Path PATH = Path.of("-");

    public StandardInput {
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** True for the input path {@code -}. */
    public static boolean isStandardInput(Path input) {
        return PATH.equals(input);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StandardInput s && java.util.Arrays.equals(content, s.content);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "StandardInput[" + content.length + " bytes]";
    }
}
