package org.wopihost.nuxeo;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Marks the current thread as serving a request of the WOPI client through our servlet, for
 * {@link WopiLockSecurityPolicy}: only there may co-editors write a document locked for a WOPI session.
 * The mark lives exactly as long as {@link #run} or {@link #call}; nothing else in Nuxeo sets it.
 */
public final class WopiRequests {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    /** Work that may fail with an I/O error or a servlet exception. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws IOException, E;
    }

    private WopiRequests() {
    }

    /** Runs {@code work} marked as a WOPI request, restoring the previous state afterwards. */
    public static <E extends Exception> void run(Work<E> work) throws IOException, E {
        Boolean previous = mark();
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    /** Computes {@code work} marked as a WOPI request, restoring the previous state afterwards. */
    static <T> T call(Supplier<T> work) {
        Boolean previous = mark();
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    private static Boolean mark() {
        Boolean previous = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        return previous;
    }

    private static void restore(Boolean previous) {
        if (previous == null) {
            ACTIVE.remove();
        } else {
            ACTIVE.set(previous);
        }
    }

    /**
     * Whether the current thread is serving a WOPI request. Public for nuxeo-wopi-web's servlet test,
     * which checks that the WOPI servlet marks its requests, and the runtime RequestCostTest, which counts
     * what Nuxeo does for them.
     */
    public static boolean isActive() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }
}
