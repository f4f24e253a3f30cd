package org.wopihost.spi;

import java.io.IOException;

/** Thrown by a write when the body exceeds the size the host accepts; nothing was stored. */
public class ContentTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public ContentTooLargeException(long maxBytes) {
        super("The file is larger than the " + maxBytes + " bytes this host accepts");
    }
}
