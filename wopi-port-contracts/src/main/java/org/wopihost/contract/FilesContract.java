package org.wopihost.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Files;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.LockStore;
import org.wopihost.spi.OpenedFile;
import org.wopihost.spi.WopiUser;
import org.wopihost.spi.WriteCondition;
import org.wopihost.spi.WriteRefusedException;

/**
 * What every {@link Files} does with a save: a new version readable with its own metadata, the write
 * condition asked inside the save with the lock the platform reads there, and nothing stored when the
 * condition refuses or the body fails.
 */
public final class FilesContract {

    private final Files files;
    private final LockStore locks;
    private final Supplier<FileRef> freshFile;
    private final WopiUser writer;

    /**
     * @param freshFile a file holding some content, that no test changed before
     * @param writer    a user who may write it
     */
    public FilesContract(Files files, LockStore locks, Supplier<FileRef> freshFile, WopiUser writer) {
        this.files = files;
        this.locks = locks;
        this.freshFile = freshFile;
        this.writer = writer;
    }

    public List<ContractCase> cases() {
        return List.of(
                new ContractCase("a save is a new version, read back with its own metadata", this::saveIsReadBack),
                new ContractCase("the write condition is asked with the lock the save reads",
                        this::conditionSeesTheCurrentLock),
                new ContractCase("a refused condition stores nothing", this::refusedConditionStoresNothing),
                new ContractCase("a body that fails stores nothing", this::failedBodyStoresNothing),
                new ContractCase("an unknown file has no metadata and opens nothing", this::unknownFileIsAbsent));
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String content(FileRef file) throws IOException {
        try (OpenedFile opened = files.open(file).orElseThrow()) {
            assertThat(opened.info().version()).as("the version of the bytes read")
                    .isEqualTo(files.info(file).orElseThrow().version());
            return new String(opened.content().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void saveIsReadBack() throws IOException {
        FileRef file = freshFile.get();
        FileInfo before = files.info(file).orElseThrow();
        FileInfo saved = files.write(file, body("second version"), writer, WriteCondition.NONE);
        assertThat(saved.version()).isNotEqualTo(before.version());
        assertThat(saved.size()).isEqualTo("second version".length());
        assertThat(saved.fileName()).isEqualTo(before.fileName());
        assertThat(files.info(file).orElseThrow().version()).isEqualTo(saved.version());
        assertThat(content(file)).isEqualTo("second version");
        FileInfo again = files.write(file, body("second version"), writer, WriteCondition.NONE);
        assertThat(again.version()).as("the same bytes saved again are a new version").isNotEqualTo(saved.version());
    }

    private void conditionSeesTheCurrentLock() throws IOException {
        FileRef file = freshFile.get();
        Instant now = Instant.now();
        LockInfo lock = new LockInfo("L1", writer.id(), now, now.plus(Duration.ofMinutes(30)));
        assertThat(locks.create(file, lock)).isTrue();
        try {
            AtomicReference<Optional<LockInfo>> seen = new AtomicReference<>();
            files.write(file, body("under the lock"), writer, lockNow -> seen.set(lockNow));
            assertThat(seen.get().map(LockInfo::lockId)).contains("L1");
        } finally {
            locks.remove(file, "L1");
        }
        AtomicReference<Optional<LockInfo>> seen = new AtomicReference<>();
        files.write(file, body("unlocked"), writer, lockNow -> seen.set(lockNow));
        assertThat(seen.get()).isEmpty();
    }

    private void refusedConditionStoresNothing() throws IOException {
        FileRef file = freshFile.get();
        String before = content(file);
        String version = files.info(file).orElseThrow().version();
        assertThatThrownBy(() -> files.write(file, body("refused"), writer, lockNow -> {
            throw new WriteRefusedException("other", "The lock changed during the upload");
        })).isInstanceOf(WriteRefusedException.class);
        assertThat(files.info(file).orElseThrow().version()).isEqualTo(version);
        assertThat(content(file)).isEqualTo(before);
    }

    private void failedBodyStoresNothing() throws IOException {
        FileRef file = freshFile.get();
        String before = content(file);
        String version = files.info(file).orElseThrow().version();
        InputStream failing = new FilterInputStream(body("the start of a body that never ends")) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IOException("the client went away");
                }
                return n;
            }
        };
        assertThatThrownBy(() -> files.write(file, failing, writer, WriteCondition.NONE))
                .hasStackTraceContaining("the client went away"); // however the platform wraps it
        assertThat(files.info(file).orElseThrow().version()).isEqualTo(version);
        assertThat(content(file)).isEqualTo(before);
    }

    private void unknownFileIsAbsent() throws IOException {
        FileRef file = freshFile.get();
        FileRef unknown = new FileRef(file.repository(), "0b1c2d3e-0000-4000-8000-000000000000", file.xpath());
        assertThat(files.info(unknown)).isEmpty();
        assertThat(files.open(unknown)).isEmpty();
    }
}
