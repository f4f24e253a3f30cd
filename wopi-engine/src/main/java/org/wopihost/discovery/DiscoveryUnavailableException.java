package org.wopihost.discovery;

/**
 * No discovery document at all: the WOPI client is unreachable (or answers garbage) and there is no
 * good copy on disk. Callers answer with an error; nothing WOPI can work without discovery.
 */
public class DiscoveryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DiscoveryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
