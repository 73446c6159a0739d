package dev.resilint.live;

import dev.resilint.live.model.Scope;
import dev.resilint.live.model.ScopeRead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads an organisation's accounts a batch at a time, as the scan opens them: the first account of
 * a batch to be opened reads the whole batch (one query per type for all of its accounts), and each
 * account takes its own scopes out of it, so that a batch is forgotten once its last account is
 * opened. Memory holds the batches being opened, never the whole organisation.
 */
final class AccountBatches {

    private final Map<String, Batch> byAccount = new HashMap<>();
    private final Function<List<String>, Map<Scope, ScopeRead>> reader;

    /**
     * @param accounts the accounts the scan will open, in the order it opens them
     * @param size accounts a batch at most
     * @param reader reads the scopes of a batch's accounts
     */
    AccountBatches(List<String> accounts, int size, Function<List<String>, Map<Scope, ScopeRead>> reader) {
        this.reader = reader;
        for (int i = 0; i < accounts.size(); i += size) {
            Batch batch = new Batch(List.copyOf(accounts.subList(i, Math.min(accounts.size(), i + size))));
            batch.accounts.forEach(a -> byAccount.put(a, batch));
        }
    }

    /** The scopes read for {@code account} (read with its batch when it is the batch's first), once. */
    Map<Scope, ScopeRead> take(String account) {
        Batch batch;
        synchronized (byAccount) {
            batch = byAccount.remove(account);
        }
        if (batch == null) {
            batch = new Batch(List.of(account)); // not planned: read alone
        }
        return batch.take(account);
    }

    /** One batch: read when first asked, each account's part handed out once. */
    private final class Batch {
        private final List<String> accounts;
        private Map<Scope, ScopeRead> read;

        Batch(List<String> accounts) {
            this.accounts = accounts;
        }

        synchronized Map<Scope, ScopeRead> take(String account) {
            if (read == null) {
                read = new HashMap<>(reader.apply(accounts));
            }
            Map<Scope, ScopeRead> mine = new TreeMap<>();
            for (Scope scope : new ArrayList<>(read.keySet())) {
                if (scope.account().equals(account)) {
                    mine.put(scope, read.remove(scope));
                }
            }
            return mine;
        }
    }
}
