package org.wopihost.standalone.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStreamTest {

    static final int SIZE = 2 * 8 * 1024 * 1024 + 777;

    @TempDir
    Path dir;

    /** An output that takes buffers, as the host's responses do; remembers what it was given. */
    static final class BufferSink extends OutputStream implements WritableByteChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Boolean> direct = new ArrayList<>();

        @Override
        public int write(ByteBuffer buffer) {
            direct.add(buffer.isDirect());
            int n = buffer.remaining();
            byte[] copy = new byte[n];
            buffer.get(copy);
            bytes.writeBytes(copy);
            return n;
        }

        @Override
        public void write(int b) {
            throw new AssertionError("bytes written one at a time");
        }

        @Override
        public void write(byte[] b, int off, int len) {
            throw new AssertionError("bytes written as an array");
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    @Test
    void toAChannelTheRestOfTheFileGoesMappedWindowByWindow() throws IOException {
        byte[] content = blob();
        try (BlobStream in = open()) {
            byte[] start = in.readNBytes(100);
            BufferSink sink = new BufferSink();
            assertThat(in.transferTo(sink)).isEqualTo(SIZE - 100);
            assertThat(start).isEqualTo(Arrays.copyOf(content, 100));
            assertThat(Arrays.equals(sink.bytes.toByteArray(), Arrays.copyOfRange(content, 100, SIZE))).isTrue();
            assertThat(sink.direct).hasSize(3).containsOnly(true);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void toAnyOtherStreamTheBytesAreCopied() throws IOException {
        byte[] content = blob();
        try (BlobStream in = open()) {
            assertThat(in.skip(5)).isEqualTo(5);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(in.transferTo(out)).isEqualTo(SIZE - 5);
            assertThat(Arrays.equals(out.toByteArray(), Arrays.copyOfRange(content, 5, SIZE))).isTrue();
        }
    }

    private byte[] blob() throws IOException {
        byte[] content = new byte[SIZE];
        new Random(7).nextBytes(content);
        Files.write(dir.resolve("blob"), content);
        return content;
    }

    private BlobStream open() throws IOException {
        return new BlobStream(FileChannel.open(dir.resolve("blob")));
    }
}
