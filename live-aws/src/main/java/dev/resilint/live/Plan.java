package dev.resilint.live;

import dev.resilint.core.NotEvaluated;
import dev.resilint.live.model.Scope;
import dev.resilint.live.model.ScopeRead;
import java.util.List;
import java.util.function.Function;

/**
 * The scopes of one scan and how each is read, with what cannot be read at all.
 *
 * @param scopes the accounts' regions (and global scopes) to judge, in order
 * @param reader reads one scope (called once per scope, in parallel)
 * @param gaps parts of the estate no rule can judge: an account ({@code 111122223333/*}) or every
 *     account ({@code * /*}), with the reason
 * @param notes what the report's notes should say about where the data came from
 */
record Plan(List<Scope> scopes, Function<Scope, ScopeRead> reader, List<Gap> gaps, List<String> notes) {

    Plan {
        scopes = List.copyOf(scopes);
        gaps = List.copyOf(gaps);
        notes = List.copyOf(notes);
    }

    /** A part of the estate no rule can judge. */
    record Gap(String scope, NotEvaluated.Reason reason, String detail) {
    }
}
