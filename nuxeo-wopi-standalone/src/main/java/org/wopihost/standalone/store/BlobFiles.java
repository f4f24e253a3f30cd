package org.wopihost.standalone.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

import org.wopihost.spi.ContentTooLargeException;

/**
 * File contents on disk, one immutable file per version under {@code blobs/}. A write goes to a
 * temporary file, is forced to disk, then renamed into place: a crash at any point leaves either
 * no new blob or a complete one, and the database only points at complete ones.
 */
public final class BlobFiles {

    /** A stored blob: its key and its size in bytes. */
    public record Stored(String key, long size) {
    }

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    private static final int BUFFER = 64 * 1024;

    private final Path blobs;
    private final Path tmp;

    public BlobFiles(Path dataFolder) throws IOException {
        this.blobs = Files.createDirectories(dataFolder.resolve("blobs"));
        this.tmp = Files.createDirectories(dataFolder.resolve("tmp"));
    }

    /** Streams {@code in} to a new blob; refuses, and keeps nothing, past {@code maxBytes}. */
    public Stored store(InputStream in, long maxBytes) throws IOException {
        String key = UUID.randomUUID().toString().replace("-", "");
        Path part = tmp.resolve(key + ".part");
        long size = 0;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1;) {
                size += n;
                if (size > maxBytes) {
                    throw new ContentTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        return new Stored(key, size);
    }

    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    /** Removes a blob no version points to any more; a missing one is fine. */
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    /** Leftovers of writes that a crash interrupted: safe to remove at start-up. */
    public void cleanTemporaryFiles() throws IOException {
        try (var files = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(".part")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing to clean
        }
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return blobs.resolve(key.substring(0, 2)).resolve(key);
    }

    /** Makes the rename itself durable (POSIX: the directory entry lives in the directory). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the data itself is already on disk.
        }
    }
}
