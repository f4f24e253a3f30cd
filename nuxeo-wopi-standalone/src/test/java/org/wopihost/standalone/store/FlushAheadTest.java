package org.wopihost.standalone.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file forced to disk while it is written, on a real file whose forces the test watches. */
class FlushAheadTest {

    private static final int WRITE = 64 * 1024;

    @TempDir
    Path dir;

    private final ExecutorService forcing = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        forcing.shutdownNow();
    }

    @Test
    void forcesOnAnotherThreadWhileWritingThenForcesDataAndMetadataOnTheWriters() throws Exception {
        try (WatchedChannel channel = WatchedChannel.open(dir.resolve("blob"))) {
            FlushAhead flush = new FlushAhead(channel, forcing);
            CountDownLatch forced = channel.latchOnForce();
            write(channel, flush, FlushAhead.STEP);
            assertThat(forced.await(10, TimeUnit.SECONDS)).isTrue();

            flush.finish();

            assertThat(channel.forces.get(0)).isEqualTo("data on another thread");
            assertThat(channel.forces).last().isEqualTo("data and metadata on " + Thread.currentThread().getName());
            assertThat(channel.size()).isEqualTo(FlushAhead.STEP);
        }
    }

    @Test
    void aSmallFileIsForcedOnceAfterItsLastWrite() throws Exception {
        try (WatchedChannel channel = WatchedChannel.open(dir.resolve("blob"))) {
            FlushAhead flush = new FlushAhead(channel, forcing);
            write(channel, flush, FlushAhead.STEP - 1);
            flush.finish();
            assertThat(channel.forces).containsExactly("data and metadata on " + Thread.currentThread().getName());
        }
    }

    @Test
    void oneForceAtATime() throws Exception {
        try (WatchedChannel channel = WatchedChannel.open(dir.resolve("blob"))) {
            CountDownLatch release = channel.holdForces();
            FlushAhead flush = new FlushAhead(channel, forcing);
            write(channel, flush, 5 * FlushAhead.STEP);
            assertThat(channel.started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(channel.forcesStarted).hasSize(1);
            release.countDown();
            flush.finish();
            assertThat(channel.forces).hasSize(2);
        }
    }

    @Test
    void aFailedBackgroundForceFailsTheWriteEvenIfTheLastForceSucceeds() throws Exception {
        // Linux reports a write-back error to one fsync of the descriptor: here, the background one.
        try (WatchedChannel channel = WatchedChannel.open(dir.resolve("blob"))) {
            channel.failNextForce = new IOException("Input/output error");
            FlushAhead flush = new FlushAhead(channel, forcing);
            CountDownLatch forced = channel.latchOnForce();
            write(channel, flush, FlushAhead.STEP);
            assertThat(forced.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(flush::finish).hasMessage("Input/output error");
        }
    }

    @Test
    void anAbandonedWriteWaitsForTheRunningForce() throws Exception {
        try (WatchedChannel channel = WatchedChannel.open(dir.resolve("blob"))) {
            CountDownLatch release = channel.holdForces();
            FlushAhead flush = new FlushAhead(channel, forcing);
            write(channel, flush, FlushAhead.STEP);
            assertThat(channel.started.await(10, TimeUnit.SECONDS)).isTrue();
            Thread abandoning = new Thread(flush::abandon);
            abandoning.start();
            abandoning.join(200);
            assertThat(abandoning.isAlive()).as("abandon() waits for the force").isTrue();
            release.countDown();
            abandoning.join();
            assertThat(channel.forces).containsExactly("data on another thread");
        }
    }

    private static void write(FileChannel channel, FlushAhead flush, long bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(WRITE);
        for (long left = bytes; left > 0; left -= buffer.limit()) {
            buffer.clear().limit((int) Math.min(WRITE, left));
            int n = channel.write(buffer);
            flush.wrote(n);
        }
    }

    /** A real file channel that records its forces, and can hold or fail them. */
    private static final class WatchedChannel extends FileChannel {
        final List<String> forces = new CopyOnWriteArrayList<>();
        final List<Boolean> forcesStarted = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);
        private final FileChannel file;
        private final String owner = Thread.currentThread().getName();
        private volatile CountDownLatch hold;
        private volatile CountDownLatch done = new CountDownLatch(0);
        volatile IOException failNextForce;

        private WatchedChannel(FileChannel file) {
            this.file = file;
        }

        static WatchedChannel open(Path path) throws IOException {
            return new WatchedChannel(FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ));
        }

        CountDownLatch holdForces() {
            hold = new CountDownLatch(1);
            return hold;
        }

        CountDownLatch latchOnForce() {
            done = new CountDownLatch(1);
            return done;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            forcesStarted.add(metaData);
            started.countDown();
            try {
                if (hold != null && !metaData) {
                    hold.await();
                }
                IOException failure = failNextForce;
                failNextForce = null;
                if (failure != null) {
                    throw failure;
                }
                file.force(metaData);
                String thread = Thread.currentThread().getName();
                forces.add((metaData ? "data and metadata" : "data") + " on "
                        + (thread.equals(owner) ? thread : "another thread"));
            } catch (InterruptedException e) {
                throw new IOException(e);
            } finally {
                done.countDown();
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return file.write(src);
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }

        // The rest as the file does it.

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return file.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return file.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return file.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return file.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }
    }
}
