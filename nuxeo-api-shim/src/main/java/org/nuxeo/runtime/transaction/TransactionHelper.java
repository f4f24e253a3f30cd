package org.nuxeo.runtime.transaction;

import java.util.function.Supplier;

/** Declared from nuxeo-runtime-jtajca: org/nuxeo/runtime/transaction/TransactionHelper.java */
public class TransactionHelper {

    private TransactionHelper() {
    }

    public static void runInTransaction(Runnable runnable) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static void runInTransaction(int timeout, Runnable runnable) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static <R> R runInTransaction(int timeout, Supplier<R> supplier) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    /** Calls the supplier in a transactional context; does not start a new transaction if one already exists. */
    public static <R> R runInTransaction(Supplier<R> supplier) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    /** Runs the runnable outside the current transaction, on another thread when one is active (since 11.1). */
    public static void runWithoutTransaction(Runnable runnable) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static <R> R runWithoutTransaction(Supplier<R> supplier) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
