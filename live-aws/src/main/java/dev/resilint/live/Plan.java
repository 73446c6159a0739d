package dev.resilint.live;

import dev.resilint.core.NotEvaluated;
import dev.resilint.live.model.Scope;
import dev.resilint.live.model.ScopeRead;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The accounts of one scan and how each is read, with what cannot be read at all. Accounts are
 * opened one at a time as the scan gets to them ({@link #open}), and closed when their scopes are
 * judged, so that an organisation's scan holds only a bounded number of accounts at once.
 *
 * @param accounts the accounts to read, in order
 * @param open opens one account of {@code accounts} (called once per account, in parallel)
 * @param gaps parts of the estate no rule can judge: an account ({@code 111122223333/*}) or every
 *     account ({@code * /*}), with the reason; asked for once every account is read
 * @param notes what the report's notes should say about where the data came from
 */
record Plan(List<String> accounts, Function<String, Account> open, Supplier<List<Gap>> gaps, List<String> notes) {

    Plan {
        accounts = List.copyOf(accounts);
        notes = List.copyOf(notes);
    }

    /** A part of the estate no rule can judge. */
    record Gap(String scope, NotEvaluated.Reason reason, String detail) {
    }

    /** One opened account: its scopes, how each is read, and what to release after. */
    interface Account {
        /** An account that is not read (its reason is among the plan's {@link #gaps}). */
        Account NONE = of(List.of(), s -> ScopeRead.empty(), () -> { });

        /** The account's regions (and global scope), in order. */
        List<Scope> scopes();

        /** Reads one of {@link #scopes()} (called once per scope, in parallel). */
        ScopeRead read(Scope scope);

        /** Ends the account's session. */
        void close();

        static Account of(List<Scope> scopes, Function<Scope, ScopeRead> reader, Runnable close) {
            List<Scope> all = List.copyOf(scopes);
            return new Account() {
                @Override
                public List<Scope> scopes() {
                    return all;
                }

                @Override
                public ScopeRead read(Scope scope) {
                    return reader.apply(scope);
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }
}
