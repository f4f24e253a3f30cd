package org.wopihost.spi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A blob opened for reading, with the metadata of exactly the version being read (a save may land
 * while a large file streams out; the version header must describe the bytes sent).
 */
public record OpenedFile(FileInfo info, InputStream content) implements Closeable {
    @Override
    public void close() throws IOException {
        content.close();
    }
}
