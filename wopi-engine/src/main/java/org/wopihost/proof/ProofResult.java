package org.wopihost.proof;

import java.util.Objects;

/**
 * Outcome of a proof-key check. Only {@link Status#VALID} and {@link Status#VALID_WITH_OLD_KEY} accept
 * the request; per Microsoft a request that is not properly signed is answered with 500.
 */
public record ProofResult(Status status, String reason) {

    public enum Status {
        /** X-WOPI-Proof verifies with the current key. */
        VALID,
        /**
         * Accepted through one of the rotation combinations (X-WOPI-ProofOld with the current key, or
         * X-WOPI-Proof with the old key): keys are rotating, refresh discovery.
         */
        VALID_WITH_OLD_KEY,
        /** No combination verifies, or the headers are missing or malformed. */
        INVALID,
        /** A genuine signature whose timestamp is outside the accepted window (replay or clock skew). */
        EXPIRED,
        /**
         * The discovery publishes no proof key at all. Whether to accept such requests is a configuration
         * decision for the caller, never a default.
         */
        NOT_CONFIGURED
    }

    public ProofResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    static ProofResult of(Status status, String reason) {
        return new ProofResult(status, reason);
    }

    public boolean isAccepted() {
        return status == Status.VALID || status == Status.VALID_WITH_OLD_KEY;
    }
}
