package org.wopihost.standalone.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lock on a file that one process holds as long as it lives: the operating system releases it
 * when the process ends, {@code kill -9} included, so other processes (on this machine, or on
 * another one sharing the folder over NFSv4) can tell whether its owner is still there.
 */
public final class ProcessLock implements AutoCloseable {

    /** The suffix of a lock file while {@link #create} makes it. */
    private static final String NEW = ".new";

    /**
     * The locks this JVM holds. POSIX releases every lock a process holds on a file when it closes
     * any channel to that file, so this JVM never opens a file it holds a lock on to test it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;

    private ProcessLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Takes the lock on {@code file} (created if needed), or nothing when a live process holds it. */
    public static Optional<ProcessLock> tryTake(Path file) throws IOException {
        return take(file, StandardOpenOption.CREATE);
    }

    /**
     * Creates {@code file} already locked: it appears under its name only once held, so that no
     * other process ever sees it unlocked while its owner lives.
     *
     * @throws IOException also when another process removed the file before it was locked (a
     *                     process settling what dead processes left): try again with another name
     */
    public static ProcessLock create(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Path fresh = key.resolveSibling(key.getFileName() + NEW);
        ProcessLock lock = take(fresh, StandardOpenOption.CREATE_NEW)
                .orElseThrow(() -> new IOException("Taken by another process: " + fresh));
        try {
            Files.move(fresh, key, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            lock.close();
            throw e;
        }
        HELD.add(key);
        HELD.remove(fresh);
        return new ProcessLock(key, lock.channel);
    }

    /** Whether {@code name} is that of a lock file being created by {@link #create}. */
    public static boolean isBeingCreated(String name) {
        return name.endsWith(NEW);
    }

    /**
     * Takes the lock on the existing {@code file} of another process, or nothing while that process
     * lives.
     *
     * @throws NoSuchFileException when there is no such file
     */
    public static Optional<ProcessLock> tryTakeExisting(Path file) throws IOException {
        return take(file, StandardOpenOption.WRITE);
    }

    private static Optional<ProcessLock> take(Path file, StandardOpenOption create) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, create, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new ProcessLock(key, channel));
            }
        } catch (OverlappingFileLockException e) {
            // held in this JVM through another path
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            closeQuietly(channel);
            throw e;
        }
        HELD.remove(key);
        closeQuietly(channel);
        return Optional.empty();
    }

    /** Whether a live process holds the lock on {@code file}; a missing file is held by nobody. */
    public static boolean isHeld(Path file) throws IOException {
        try {
            Optional<ProcessLock> taken = tryTakeExisting(file);
            taken.ifPresent(ProcessLock::close);
            return taken.isEmpty();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock (the file stays). */
    @Override
    public void close() {
        closeQuietly(channel);
        HELD.remove(file);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // released anyway when the channel goes
            }
        }
    }
}
