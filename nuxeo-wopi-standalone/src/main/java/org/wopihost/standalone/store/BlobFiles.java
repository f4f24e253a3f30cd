package org.wopihost.standalone.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.wopihost.io.AtomicFiles;

/**
 * File contents on disk, one immutable file per version under {@code blobs/}. A write goes to a
 * temporary file in this process's {@link WorkFolder}, is forced to disk, then renamed into place,
 * and the directory is forced too: a crash at any point leaves either no new blob or a complete
 * one. Until the database has committed (or removed) the row that references a blob, the work
 * folder marks it, so that a blob of a save that never committed is removed once its process is
 * gone, and a blob the database references is never removed.
 */
public final class BlobFiles implements AutoCloseable {

    /** A stored blob: its key and its size in bytes. */
    public record Stored(String key, long size) {
    }

    /** The folder of the blobs in a data folder; every server started on one makes it. */
    public static final String FOLDER = "blobs";

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    private static final int BUFFER = 64 * 1024;

    private final Path blobs;
    private final Path tmp;
    private final WorkFolder work;
    /** Runs the {@link FlushAhead} forces of large uploads, at most one per upload at a time. */
    private final ExecutorService forcing = Executors.newCachedThreadPool(BackgroundThreads.named("wopi-blob-force"));

    public BlobFiles(Path dataFolder) throws IOException {
        this.blobs = Files.createDirectories(dataFolder.resolve(FOLDER));
        this.tmp = Files.createDirectories(dataFolder.resolve("tmp"));
        this.work = WorkFolder.create(tmp);
    }

    /**
     * Streams {@code in} to a new blob, on disk when this returns, and marked until {@link #keep} or
     * {@link #delete}. When reading {@code in} fails (a client gone, a body over the size limit),
     * nothing is kept.
     */
    public Stored store(InputStream in) throws IOException {
        String key = UUID.randomUUID().toString().replace("-", "");
        Path part = work.part(key);
        long size = 0;
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                FlushAhead flush = new FlushAhead(channel, forcing);
                byte[] buffer = new byte[BUFFER];
                try {
                    // A request body arrives in pieces of whatever the network delivered, often a few
                    // KiB: written 64 KiB at a time, 100 MB take 1,600 writes, not one per piece.
                    for (int n; (n = in.readNBytes(buffer, 0, BUFFER)) > 0;) {
                        size += n;
                        out.write(buffer, 0, n);
                        flush.wrote(n);
                    }
                } catch (IOException | RuntimeException e) {
                    flush.abandon();
                    throw e;
                }
                flush.finish();
            }
            work.mark(key);
            Path target = path(key);
            if (!Files.isDirectory(target.getParent())) {
                Files.createDirectories(target.getParent());
                AtomicFiles.syncDirectory(blobs);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(target.getParent());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            work.unmark(key);
            throw e;
        }
        return new Stored(key, size);
    }

    /** The blob's bytes; see {@link BlobStream} for how they reach a response. */
    public InputStream open(String key) throws IOException {
        return new BlobStream(FileChannel.open(path(key), StandardOpenOption.READ));
    }

    /** Marks a blob whose row is about to be removed, until {@link #keep} or {@link #delete}. */
    public void mark(String key) throws IOException {
        work.mark(checked(key));
    }

    /** The database references the blob {@code key}: it stays. */
    public void keep(String key) {
        try {
            work.unmark(key);
        } catch (IOException e) {
            // a mark left behind is settled when this process is gone, and the blob kept
        }
    }

    /** Removes a blob no version points to any more; a missing one is fine. */
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
        work.unmark(key);
    }

    /**
     * Settles what processes that died left in {@code tmp/}: their uploads in progress go, and so do
     * the blobs they had marked that the database does not reference. Never touches the files of
     * a live process, so nodes sharing the data folder can start at any time.
     */
    public void settleAbandoned(Predicate<String> referenced) throws IOException {
        WorkFolder.settleAbandoned(tmp, key -> {
            if (!referenced.test(key)) {
                Files.deleteIfExists(path(key));
            }
        });
    }

    /** The id of this process's work folder: other processes can tell whether it still runs. */
    public String processId() {
        return work.id();
    }

    /** Whether the process of that work folder still runs on this data folder. */
    public static boolean isRunning(Path dataFolder, String processId) throws IOException {
        return WorkFolder.isAlive(dataFolder.resolve("tmp"), processId);
    }

    @Override
    public void close() {
        forcing.shutdown();
        work.close();
    }

    private Path path(String key) {
        return blobs.resolve(key.substring(0, 2)).resolve(checked(key));
    }

    private static String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return key;
    }
}
