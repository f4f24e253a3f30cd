package org.wopihost.spi;

import java.io.IOException;

/**
 * The store failed to make a received save current, and kept its content as a conflict copy instead
 * (see {@link Files#save}): the file itself is unchanged.
 */
public class SaveFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient FileInfo conflictCopy;

    public SaveFailedException(FileInfo conflictCopy, Throwable cause) {
        super("The save failed; its content was kept as " + conflictCopy.fileName(), cause);
        this.conflictCopy = conflictCopy;
    }

    /** The new file that holds the content of the failed save. */
    public FileInfo conflictCopy() {
        return conflictCopy;
    }
}
