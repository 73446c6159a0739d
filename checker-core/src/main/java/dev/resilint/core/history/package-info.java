/**
 * A git revision of the inputs, for {@code --new-since REF}: the same paths as they were at that
 * revision, read with git (never a checkout of the working tree) and judged a second time, so that
 * only what a change introduces is reported.
 */
package dev.resilint.core.history;
