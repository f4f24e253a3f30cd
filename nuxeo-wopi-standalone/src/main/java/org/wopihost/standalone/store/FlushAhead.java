package org.wopihost.standalone.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Forces a file to disk while it is still being written, so that the disk works while the rest of
 * a request body arrives and the force after the last byte waits only for the tail. Linux writes
 * dirty pages back on its own only after 30 s or once gigabytes of them pile up: without this, a
 * 100 MB save received in 60 ms then waits for all 100 MB to reach the disk.
 *
 * <p>The writer reports each write; once {@link #STEP} bytes are written since the last force
 * started and none is running, another thread forces the file's data. A failure of such a force
 * is kept and thrown by {@link #finish}: Linux reports a write-back error to one {@code fsync} of
 * a file descriptor, which may be the background one. One per file being written, used by the
 * writing thread only.
 */
final class FlushAhead {

    static final long STEP = 8L << 20;

    private final FileChannel channel;
    private final Executor forcing;
    private long unforced;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);
    private volatile IOException failure;

    FlushAhead(FileChannel channel, Executor forcing) {
        this.channel = channel;
        this.forcing = forcing;
    }

    /** {@code bytes} more were written to the file. */
    void wrote(int bytes) {
        unforced += bytes;
        if (unforced >= STEP && running.isDone()) {
            unforced = 0;
            try {
                running = CompletableFuture.runAsync(this::forceData, forcing);
            } catch (RejectedExecutionException e) {
                // shutting down: finish() forces it all
            }
        }
    }

    /** After the last write: the file's data and metadata on disk, or the first failure met. */
    void finish() throws IOException {
        running.join();
        if (failure != null) {
            throw failure;
        }
        channel.force(true);
    }

    /** Waits for a force still running, so that the file is not closed or removed under it. */
    void abandon() {
        running.join();
    }

    private void forceData() {
        try {
            channel.force(false);
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
