package org.wopihost.standalone.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The saves a data folder's servers are storing: their {@code DATA/tmp/PROCESS/KEY.part} files. A save's
 * body streams there once its token and lock passed; the server gives no other sign of an upload under
 * way, which tests wait for before they act during one.
 */
final class UploadsInProgress {

    private UploadsInProgress() {
    }

    static long count(Path data) throws IOException {
        Path tmp = data.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        long count = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp)) {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                // Names only: a part may go (saved, or failed) while it is counted.
                try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "*.part")) {
                    for (Path part : parts) {
                        count++;
                    }
                } catch (NoSuchFileException e) {
                    // the work folder of a process that stopped meanwhile
                }
            }
        }
        return count;
    }

    /** Waits until exactly {@code count} uploads are in progress. */
    static void await(Path data, int count) throws Exception {
        Await.until(count + " upload(s) in progress under " + data.resolve("tmp"), () -> count(data) == count);
    }
}
