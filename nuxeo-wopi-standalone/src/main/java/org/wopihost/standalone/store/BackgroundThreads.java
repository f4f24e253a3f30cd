package org.wopihost.standalone.store;

import java.util.concurrent.ThreadFactory;

/** Threads for work behind the requests: named, for thread dumps, and never keeping the JVM alive. */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    /** A factory of daemon threads called {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
