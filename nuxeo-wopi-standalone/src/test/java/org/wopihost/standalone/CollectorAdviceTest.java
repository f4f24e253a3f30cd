package org.wopihost.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CollectorAdviceTest {

    private static final List<String> G1 = List.of("G1 Young Generation", "G1 Old Generation");

    @Test
    void advisesTheParallelCollectorWhenG1RunsASmallHeap() {
        assertThat(CollectorAdvice.of(G1, 64L << 20)).hasValueSatisfying(advice -> assertThat(advice)
                .contains("G1", "64 MB", "-XX:+UseParallelGC"));
    }

    @Test
    void saysNothingForALargeHeapOrAnotherCollector() {
        assertThat(CollectorAdvice.of(G1, CollectorAdvice.SMALL_HEAP_BYTES)).isEmpty();
        assertThat(CollectorAdvice.of(List.of("PS Scavenge", "PS MarkSweep"), 64L << 20)).isEmpty();
        assertThat(CollectorAdvice.of(List.of("Copy", "MarkSweepCompact"), 64L << 20)).isEmpty();
    }
}
