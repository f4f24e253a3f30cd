package org.wopihost.standalone.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blobs shared by several processes on one data folder, some of which die mid-way. */
class BlobFilesTest {

    @TempDir
    Path data;

    @Test
    void aStartingProcessSettlesWhatDeadProcessesLeftAndNothingOfLiveOnes() throws Exception {
        Path tmp = data.resolve("tmp");
        BlobFiles dying = new BlobFiles(data);
        BlobFiles.Stored committed = dying.store(content("committed"));
        BlobFiles.Stored neverCommitted = dying.store(content("never committed"));
        Path halfUpload = Files.writeString(tmp.resolve(dying.processId()).resolve("0".repeat(32) + ".part"), "half");
        dying.close(); // as if killed: its lock goes, its marks stay

        try (BlobFiles live = new BlobFiles(data); BlobFiles starting = new BlobFiles(data)) {
            Path inFlight = Files.writeString(tmp.resolve(live.processId()).resolve("1".repeat(32) + ".part"), "x");
            BlobFiles.Stored liveUnsettled = live.store(content("not committed yet"));

            starting.settleAbandoned(key -> key.equals(committed.key()));

            try (InputStream in = starting.open(committed.key())) {
                assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("committed");
            }
            assertThatThrownBy(() -> starting.open(neverCommitted.key())).isInstanceOf(NoSuchFileException.class);
            assertThat(halfUpload).doesNotExist();
            assertThat(tmp.resolve(dying.processId())).doesNotExist();
            assertThat(tmp.resolve(dying.processId() + ".lock")).doesNotExist();
            // a live process's upload and blob are its own business
            assertThat(inFlight).exists();
            starting.open(liveUnsettled.key()).close();
            assertThat(BlobFiles.isRunning(data, live.processId())).isTrue();
        }
        assertThat(BlobFiles.isRunning(data, dying.processId())).isFalse();
    }

    @Test
    void aProcessLeavesNothingBehindWhenItStops() throws Exception {
        BlobFiles blobs = new BlobFiles(data);
        BlobFiles.Stored stored = blobs.store(content("kept"));
        blobs.keep(stored.key());
        String id = blobs.processId();
        blobs.close();
        try (var tmp = Files.list(data.resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
        assertThat(BlobFiles.isRunning(data, id)).isFalse();
    }

    private static InputStream content(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A request body as Jetty gives it: a few bytes per read, here 1 to 9000. */
    static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            private final java.util.Random sizes = new java.util.Random(3);

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + sizes.nextInt(9000)));
            }
        };
    }

    @Test
    void aBodyArrivingInSmallReadsIsStoredExactlyAndOneThatFailsMidwayLeavesNoPart() throws Exception {
        storedExactlyAndNothingLeftWhenItFailsAtTheEnd(300_001);
    }

    @Test
    void aBodyOfSeveralFlushStepsIsStoredExactlyAndOneThatFailsAfterThemLeavesNoPart() throws Exception {
        storedExactlyAndNothingLeftWhenItFailsAtTheEnd((int) (2.5 * FlushAhead.STEP));
    }

    private void storedExactlyAndNothingLeftWhenItFailsAtTheEnd(int size) throws Exception {
        byte[] body = new byte[size];
        new java.util.Random(size).nextBytes(body);
        try (BlobFiles blobs = new BlobFiles(data)) {
            BlobFiles.Stored stored = blobs.store(trickle(body));
            assertThat(stored.size()).isEqualTo(body.length);
            try (InputStream in = blobs.open(stored.key())) {
                assertThat(in.readAllBytes()).isEqualTo(body);
            }
            InputStream failing = new java.io.SequenceInputStream(trickle(body), new InputStream() {
                @Override
                public int read() throws java.io.IOException {
                    throw new java.io.IOException("client gone");
                }
            });
            assertThatThrownBy(() -> blobs.store(failing)).hasMessageContaining("client gone");
            try (var parts = Files.list(data.resolve("tmp").resolve(blobs.processId()))) {
                assertThat(parts.filter(p -> p.toString().endsWith(".part"))).isEmpty();
            }
        }
    }
}
