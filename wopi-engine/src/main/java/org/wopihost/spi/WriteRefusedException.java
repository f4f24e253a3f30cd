package org.wopihost.spi;

import java.io.IOException;
import java.util.Optional;

/**
 * A write's {@link WriteCondition} failed: nothing was stored on the file. Carries the file's current
 * lock, and the conflict copy that keeps the refused content when the store made one ({@link Files#save}).
 */
public class WriteRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String currentLock;
    private transient FileInfo conflictCopy;

    public WriteRefusedException(String currentLock, String message) {
        super(message);
        this.currentLock = currentLock;
    }

    /** The lock on the file now, the empty string when none. */
    public String currentLock() {
        return currentLock;
    }

    /** Records where the store kept the refused content; returns this exception, to be rethrown. */
    public WriteRefusedException keptAs(FileInfo copy) {
        this.conflictCopy = copy;
        return this;
    }

    /** The new file holding the refused content, when the store kept it. */
    public Optional<FileInfo> conflictCopy() {
        return Optional.ofNullable(conflictCopy);
    }
}
