package org.wopihost.discovery;

/** The discovery XML could not be fetched, or what was fetched is not a usable WOPI discovery document. */
public class DiscoveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
