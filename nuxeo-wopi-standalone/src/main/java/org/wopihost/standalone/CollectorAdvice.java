package org.wopihost.standalone;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * Says when the JVM runs the server with a collector that costs it half its throughput. In a small
 * heap G1 marks almost without pause, and its write barriers slow every request: a Lock took twice
 * the CPU time it takes under the parallel collector (README, "Which collector"). A JVM picks G1 by
 * itself on any machine with 2 cores and 2 GB, so the start banner says so.
 */
final class CollectorAdvice {

    /** Below this maximum heap, G1's cost was measured; above it, the choice is the operator's. */
    static final long SMALL_HEAP_BYTES = 1L << 30;

    private CollectorAdvice() {
    }

    /** The advice for this JVM, if any. */
    static Optional<String> forThisJvm() {
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        return of(collectors, Runtime.getRuntime().maxMemory());
    }

    /** The advice for a JVM with these collectors (their MXBean names) and this maximum heap, if any. */
    static Optional<String> of(List<String> collectorNames, long maxHeapBytes) {
        boolean g1 = collectorNames.stream().anyMatch(name -> name.startsWith("G1 "));
        if (!g1 || maxHeapBytes >= SMALL_HEAP_BYTES) {
            return Optional.empty();
        }
        return Optional.of("The JVM runs the G1 collector in a " + (maxHeapBytes >> 20) + " MB heap: start it with"
                + " -XX:+UseParallelGC for about twice the requests per CPU second (README, \"Which collector\")");
    }
}
