package dev.resilint.core.report;

/**
 * Cutting a rendered Markdown block at a line boundary so that it fits a budget of characters:
 * tables and lists stay well-formed (a table cut after a row is still a table), and what was left
 * out is counted.
 *
 * @param text the lines kept, each ending with a line feed
 * @param droppedRows how many table rows and list items were left out
 */
record MarkdownCut(String text, int droppedRows) {

    /** {@code block} whole when it fits {@code budget}, else its lines from the first while they fit. */
    static MarkdownCut of(String block, int budget) {
        if (block.length() <= budget) {
            return new MarkdownCut(block, 0);
        }
        StringBuilder kept = new StringBuilder();
        int room = budget - 1; // for the blank line that ends a cut block
        int dropped = 0;
        boolean full = false;
        for (String line : block.split("\n", -1)) {
            if (!full && kept.length() + line.length() + 1 <= room) {
                kept.append(line).append('\n');
            } else {
                full = true;
                if (isRow(line)) {
                    dropped++;
                }
            }
        }
        String text = kept.toString();
        if (!text.endsWith("\n\n") && !text.isEmpty()) {
            text += "\n"; // a cut table or list ends with a blank line, as it would whole
        }
        return new MarkdownCut(text, dropped);
    }

    /** A table row other than a delimiter row, or a list item. */
    private static boolean isRow(String line) {
        return line.startsWith("- ") || line.startsWith("| ") && !line.startsWith("|---");
    }
}
