package org.wopihost.standalone.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One flush statement run for many commits at once (group commit). A committer waits for a flush
 * that started after its commit; the first one to wait runs it, for every commit made by then. Saves
 * landing together then share one {@code fsync} instead of queueing for one each.
 */
final class GroupFlush {

    private final String statement;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();
    /** Commits counted so far, and how many of them a finished flush covers. */
    private long committed;
    private long flushed;
    private boolean flushing;

    GroupFlush(String statement) {
        this.statement = statement;
    }

    /** Returns once a flush that started after this call has finished. */
    void afterCommit(Connection c) throws SQLException {
        lock.lock();
        try {
            long mine = ++committed;
            while (flushed < mine) {
                if (flushing) {
                    done.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long covers = committed;
                boolean ok = false;
                lock.unlock();
                try {
                    try (Statement s = c.createStatement()) {
                        s.execute(statement);
                    }
                    ok = true;
                } finally {
                    lock.lock();
                    flushing = false;
                    if (ok) {
                        flushed = Math.max(flushed, covers);
                    }
                    done.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
