package org.wopihost.contract;

import java.util.List;

/**
 * One named case of a port contract. JUnit 5 tests turn each into a dynamic test; Nuxeo's JUnit 4
 * runner runs them all in one test with {@link #runAll}, which names the case that failed.
 */
public record ContractCase(String name, Body body) {

    /** A case's assertions. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    public void run() throws Exception {
        body.run();
    }

    /** Runs every case; the first failure is rethrown with the case's name. */
    public static void runAll(List<ContractCase> cases) throws Exception {
        for (ContractCase c : cases) {
            try {
                c.run();
            } catch (Exception | AssertionError e) {
                throw new AssertionError(c.name() + ": " + e.getMessage(), e);
            }
        }
    }
}
