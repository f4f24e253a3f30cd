package org.wopihost.standalone.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One process's folder under {@code DATA/tmp/}: its uploads in progress ({@code KEY.part}) and a
 * mark ({@code KEY}) for each blob whose fate it is deciding: a save not yet committed, a version
 * being removed. The process holds the lock file {@code tmp/ID.lock} as long as it lives.
 * <p>
 * Several processes share a data folder (the server, the command line, other nodes): a process
 * touches no folder but its own while its owner lives. One whose lock is free belongs to a process
 * that died (a crash, {@code kill -9}); the next process to start settles it: each marked blob
 * is kept if the database references it and removed otherwise, and the rest goes.
 */
public final class WorkFolder implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOCK = ".lock";
    private static final Pattern ID = Pattern.compile("[0-9]+-[0-9a-f]{16}");
    private static final Pattern MARK = Pattern.compile("[0-9a-f]{32}");
    /** Uploads of the former layout (directly in tmp/) that no upload in progress can be this old. */
    private static final Duration FORMER_LAYOUT_AGE = Duration.ofDays(1);

    /** What to do with a blob that a dead process had marked. */
    @FunctionalInterface
    public interface Settle {
        void blob(String key) throws IOException;
    }

    private final String id;
    private final Path dir;
    private final ProcessLock lock;

    private WorkFolder(String id, Path dir, ProcessLock lock) {
        this.id = id;
        this.dir = dir;
        this.lock = lock;
    }

    /** A new work folder for this process under {@code tmp}: {@code PID-RANDOM}, locked. */
    public static WorkFolder create(Path tmp) throws IOException {
        Files.createDirectories(tmp);
        for (int attempt = 1;; attempt++) {
            String id = ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(randomBytes());
            try {
                ProcessLock lock = ProcessLock.create(tmp.resolve(id + LOCK));
                try {
                    return new WorkFolder(id, Files.createDirectory(tmp.resolve(id)), lock);
                } catch (IOException e) {
                    lock.close();
                    throw e;
                }
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
                // another process was settling this name as we made it: take another
            }
        }
    }

    /** Whether the process of that work folder still runs. */
    public static boolean isAlive(Path tmp, String id) throws IOException {
        return ID.matcher(id).matches() && ProcessLock.isHeld(tmp.resolve(id + LOCK));
    }

    public String id() {
        return id;
    }

    /** Where an upload of the blob {@code key} is written until it is complete. */
    public Path part(String key) {
        return dir.resolve(key + ".part");
    }

    /** Notes that this process is deciding the fate of blob {@code key}. */
    public void mark(String key) throws IOException {
        try {
            Files.createFile(dir.resolve(key));
        } catch (FileAlreadyExistsException e) {
            // marked already
        }
    }

    /** The fate of blob {@code key} is decided: committed, or removed. */
    public void unmark(String key) throws IOException {
        Files.deleteIfExists(dir.resolve(key));
    }

    /**
     * Settles the work folders of processes that died: {@code settle} is told each blob key they had
     * marked, then the folders go. Uploads of the former layout, directly in {@code tmp}, go once a
     * day old.
     */
    public static void settleAbandoned(Path tmp, Settle settle) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(LOCK) || ProcessLock.isBeingCreated(name)) {
                    settle(entry, tmp.resolve(name.substring(0, name.indexOf('.'))), settle);
                } else if (name.endsWith(".part") && Files.getLastModifiedTime(entry).toInstant()
                        .isBefore(Instant.now().minus(FORMER_LAYOUT_AGE))) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (NoSuchFileException e) {
            // no tmp folder: nothing left behind
        }
    }

    private static void settle(Path lockFile, Path folder, Settle settle) throws IOException {
        Optional<ProcessLock> dead;
        try {
            dead = ProcessLock.tryTakeExisting(lockFile);
        } catch (NoSuchFileException e) {
            return; // settled by another process meanwhile
        }
        if (dead.isEmpty()) {
            return; // its process lives
        }
        try (ProcessLock held = dead.get()) {
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (MARK.matcher(name).matches()) {
                            settle.blob(name);
                        }
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(folder);
            }
            Files.deleteIfExists(lockFile);
        }
    }

    /**
     * Releases the folder. It goes if nothing is left in it; a save still in flight when the
     * process stops leaves its files for the next process to settle.
     */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir);
            Files.deleteIfExists(lock.file());
        } catch (IOException e) {
            // not empty: settled by the next process to start
        } finally {
            lock.close();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
