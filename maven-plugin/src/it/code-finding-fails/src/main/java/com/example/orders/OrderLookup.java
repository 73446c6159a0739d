package com.example.orders;

import java.util.concurrent.CompletableFuture;

/** Waits for an order lookup with no upper bound: a stuck dependency hangs the caller. */
public class OrderLookup {

    public String find(CompletableFuture<String> pending) {
        return pending.join();
    }
}
