package org.wopihost.spi;

/**
 * What a host may count and time, told by the engine as it happens: each platform turns it into its
 * own metrics (Micrometer and Prometheus on the standalone host, Nuxeo's metric registry on Nuxeo),
 * so that the engine depends on no metrics library. Calls come from request threads and must not block.
 */
public interface WopiMetrics {

    /** Counts nothing. */
    WopiMetrics NONE = new WopiMetrics() {
    };

    /**
     * One WOPI request answered.
     *
     * @param operation the WOPI operation's name as the spec spells it ({@code CheckFileInfo}, {@code PutFile},
     *                  {@code Lock}, ...), or {@code Unsupported}
     * @param status    the HTTP status answered
     * @param nanos     from the request's arrival at the servlet to the last byte of its answer written
     */
    default void request(String operation, int status, long nanos) {
    }

    /** A request whose X-WOPI-Proof signature did not verify, answered 500. */
    default void proofFailure() {
    }

    /** A fetch of the WOPI client's discovery: {@code fetched} false when it failed and the previous copy stays. */
    default void discoveryRefresh(boolean fetched) {
    }

    /** Whether a request answered so stored a new version: a save. */
    static boolean isSave(String operation, int status) {
        return status == 200 && (operation.equals("PutFile") || operation.equals("PutRelativeFile"));
    }

    /** Whether a request answered so was refused for a lock it did not hold: 409 on a lock or a write. */
    static boolean isLockConflict(String operation, int status) {
        return status == 409 && !operation.equals("PutRelativeFile"); // its 409 is a name taken, not a lock
    }
}
