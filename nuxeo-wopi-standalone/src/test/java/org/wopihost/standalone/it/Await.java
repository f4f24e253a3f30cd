package org.wopihost.standalone.it;

import java.time.Duration;

/**
 * Waits for a condition a test can only observe from outside (a file the server writes, a process that
 * starts): checked every 10 ms, for 30 s at the most, then failed with what it waited for. Where the
 * server offers a hook or an answer to wait for, tests use that instead.
 */
final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final long PAUSE_MILLIS = 10;

    /** A condition to check; it may throw, which fails the wait. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    static void until(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + LIMIT.toSeconds() + " s for: " + what);
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
