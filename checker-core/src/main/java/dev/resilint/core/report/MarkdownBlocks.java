package dev.resilint.core.report;

import java.util.List;

/**
 * The blocks other parts of resilint add to the Markdown report ({@link ReportOptions#markdownBlocks()}),
 * under one {@code ###} heading per section, within a budget of characters: a block is shown whole
 * when it fits, else in brief, else left out and counted.
 */
final class MarkdownBlocks {

    private final List<MarkdownBlock> blocks;
    private int leftOut;

    MarkdownBlocks(List<MarkdownBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** How many blocks the last {@link #render} left out. */
    int leftOut() {
        return leftOut;
    }

    /**
     * The blocks in at most {@code budget} characters, in their order: every block whole when they
     * all fit; else as many as fit in brief, in order, and then whole, in order, those whose whole
     * form still fits. So each block is at least named before any is shown whole.
     */
    String render(int budget) {
        int n = blocks.size();
        int[] form = new int[n]; // 0 left out, 1 brief, 2 whole
        java.util.Arrays.fill(form, 2);
        String all = render(form);
        if (all.length() <= budget) {
            leftOut = 0;
            return all;
        }
        java.util.Arrays.fill(form, 0);
        for (int i = 0; i < n; i++) {
            form[i] = 1;
            if (render(form).length() > budget) {
                form[i] = 0;
                break;
            }
        }
        for (int i = 0; i < n && form[i] == 1; i++) {
            form[i] = 2;
            if (render(form).length() > budget) {
                form[i] = 1;
            }
        }
        leftOut = (int) java.util.Arrays.stream(form).filter(f -> f == 0).count();
        return render(form);
    }

    private String render(int[] form) {
        StringBuilder sb = new StringBuilder();
        String section = null;
        for (int i = 0; i < blocks.size(); i++) {
            if (form[i] == 0) {
                continue;
            }
            MarkdownBlock block = blocks.get(i);
            if (!block.section().equals(section)) {
                sb.append("### ").append(Markdown.escape(block.section())).append("\n\n");
                section = block.section();
            }
            sb.append(form[i] == 2 ? block.full() : block.brief());
        }
        return sb.toString();
    }
}
