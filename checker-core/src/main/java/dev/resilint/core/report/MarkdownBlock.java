package dev.resilint.core.report;

import java.util.Objects;

/**
 * A block of Markdown that another part of resilint adds to the Markdown report (through
 * {@link ReportOptions#markdownBlocks()}), such as the AZ-failure verdict and diagram of one stack.
 * When the report runs short of room ({@link MarkdownReporter#LIMIT}) the block is shown
 * {@link #brief} instead, or left out and counted.
 *
 * @param section the heading of the section the block belongs to ({@code AZ-failure simulation});
 *     consecutive blocks of one section share one {@code ###} heading
 * @param full the block as it is shown when there is room, ending with a blank line
 * @param brief the block in one line (a verdict without its table and diagram), ending with a blank line
 */
public record MarkdownBlock(String section, String full, String brief) {
    public MarkdownBlock {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(full, "full");
        Objects.requireNonNull(brief, "brief");
    }
}
