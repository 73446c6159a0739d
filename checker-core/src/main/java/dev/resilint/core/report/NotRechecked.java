package dev.resilint.core.report;

import dev.resilint.core.Finding;
import java.util.Objects;

/**
 * A previous finding that does not occur in this run, but whose rule did not judge its place this
 * time (the account could not be read, the file was not analyzed, the rule did not run): it is not
 * fixed, it was not re-checked.
 *
 * @param finding the previous report's finding
 * @param reason why it was not re-checked, for a human
 */
public record NotRechecked(Finding finding, String reason) {
    public NotRechecked {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(reason, "reason");
    }
}
