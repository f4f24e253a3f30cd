package org.wopihost.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Files;
import org.wopihost.spi.LockStore;
import org.wopihost.spi.OpenedFile;
import org.wopihost.spi.WopiUser;
import org.wopihost.spi.WriteCondition;

/**
 * {@link Files} in a map, for the engine's tests; it passes {@link FilesContract}. Bodies are held in
 * memory, which only tests may do. Every file is a main file; all files are siblings.
 */
public final class InMemoryFiles implements Files {

    private record Stored(String name, byte[] bytes, int version, String ownerId) {
        FileInfo info(FileRef ref) {
            return new FileInfo(ref, name, bytes.length, String.valueOf(version), Instant.EPOCH.plusSeconds(version),
                    ownerId, name, null);
        }
    }

    private final Map<FileRef, Stored> files = new ConcurrentHashMap<>();
    private final LockStore locks;

    /** @param locks read for a save's write condition */
    public InMemoryFiles(LockStore locks) {
        this.locks = locks;
    }

    /** Adds a file owned by {@code ownerId} and returns its reference. */
    public FileRef add(String name, byte[] content, String ownerId) {
        FileRef ref = new FileRef("default", UUID.randomUUID().toString(), FileRef.MAIN_BLOB);
        files.put(ref, new Stored(name, content.clone(), 1, ownerId));
        return ref;
    }

    @Override
    public Optional<FileInfo> info(FileRef file) {
        return Optional.ofNullable(files.get(file)).map(s -> s.info(file));
    }

    @Override
    public Optional<OpenedFile> open(FileRef file) {
        return Optional.ofNullable(files.get(file))
                .map(s -> new OpenedFile(s.info(file), new ByteArrayInputStream(s.bytes())));
    }

    @Override
    public synchronized FileInfo write(FileRef file, InputStream content, WopiUser user, WriteCondition condition)
            throws IOException {
        byte[] bytes = content.readAllBytes();
        Stored current = files.get(file);
        if (current == null) {
            throw new NoSuchFileException(file.toString());
        }
        condition.check(locks.get(file));
        Stored next = new Stored(current.name(), bytes, current.version() + 1, current.ownerId());
        files.put(file, next);
        return next.info(file);
    }

    @Override
    public synchronized FileInfo rename(FileRef file, String newFileName, WopiUser user) throws IOException {
        Stored current = Optional.ofNullable(files.get(file)).orElseThrow(() -> new NoSuchFileException(file.toString()));
        Stored renamed = new Stored(newFileName, current.bytes(), current.version(), current.ownerId());
        files.put(file, renamed);
        return renamed.info(file);
    }

    @Override
    public Optional<FileRef> findSibling(FileRef near, String fileName) {
        return files.entrySet().stream().filter(e -> e.getValue().name().equalsIgnoreCase(fileName))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public synchronized FileInfo createSibling(FileRef near, String fileName, InputStream content, WopiUser user,
            boolean exactName) throws IOException {
        byte[] bytes = content.readAllBytes();
        if (exactName && findSibling(near, fileName).isPresent()) {
            throw new FileAlreadyExistsException(fileName);
        }
        FileRef ref = add(fileName, bytes, user.id());
        return info(ref).orElseThrow();
    }

    @Override
    public void delete(FileRef file, WopiUser user) throws IOException {
        if (files.remove(file) == null) {
            throw new NoSuchFileException(file.toString());
        }
    }

    @Override
    public List<FileRef> deletedWith(FileRef file) {
        return List.of();
    }
}
