package org.wopihost.standalone.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access log lines to an SLF4J logger from one thread of its own. Loggers such as slf4j-simple
 * take a lock per line (to format the date and write): with 64 requests finishing at once, worker
 * threads queued on it for tens of milliseconds each (bench/run.sh). Request threads only queue the
 * line; when the queue is full they wait, as they did on the lock. The writer wakes up on a timer,
 * not per line: waking it for each line cost a request more than queueing it.
 */
public final class AsyncAccessLog extends AbstractLifeCycle implements RequestLog.Writer {

    private static final int CAPACITY = 8192;
    /** How long a line may wait in the queue; at most CAPACITY lines arrive meanwhile before requests wait. */
    private static final long INTERVAL_MS = 20;

    private final Logger log;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    private Thread writer;

    public AsyncAccessLog(String loggerName) {
        this.log = LoggerFactory.getLogger(loggerName);
    }

    @Override
    public void write(String line) throws IOException {
        if (!log.isInfoEnabled()) {
            return;
        }
        if (!isRunning()) {
            log.info(line);
            return;
        }
        try {
            lines.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while queueing an access log line");
        }
    }

    @Override
    protected void doStart() {
        writer = new Thread(this::drain, "wopi-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stops after writing every line queued so far. */
    @Override
    protected void doStop() throws InterruptedException {
        writer.interrupt();
        writer.join();
    }

    /** Writes what queued since it last looked, then sleeps; on stop, what is left. */
    private void drain() {
        List<String> batch = new ArrayList<>(CAPACITY);
        try {
            while (true) {
                writeQueued(batch);
                Thread.sleep(INTERVAL_MS);
            }
        } catch (InterruptedException e) {
            writeQueued(batch);
        }
    }

    private void writeQueued(List<String> batch) {
        lines.drainTo(batch);
        batch.forEach(log::info);
        batch.clear();
    }
}
