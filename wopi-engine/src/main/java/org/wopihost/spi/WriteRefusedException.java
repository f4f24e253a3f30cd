package org.wopihost.spi;

import java.io.IOException;

/** A write's {@link WriteCondition} failed: nothing was stored. Carries the file's current lock. */
public class WriteRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String currentLock;

    public WriteRefusedException(String currentLock, String message) {
        super(message);
        this.currentLock = currentLock;
    }

    /** The lock on the file now, the empty string when none. */
    public String currentLock() {
        return currentLock;
    }
}
