package org.wopihost.engine;

/**
 * Verifies that a request comes from the WOPI client (X-WOPI-Proof signatures). Runs before the
 * token is trusted; a failure is a 500, as the spec asks.
 */
@FunctionalInterface
public interface ProofCheck {

    /** Accepts every request: for platforms or tests without a WOPI client's keys. */
    ProofCheck NONE = request -> {
    };

    void check(WopiRequest request) throws WopiException;
}
