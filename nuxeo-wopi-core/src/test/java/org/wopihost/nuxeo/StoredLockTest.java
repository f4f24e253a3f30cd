package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class StoredLockTest {

    private static final Instant EXPIRY = Instant.parse("2025-06-01T10:30:00Z");

    @Test
    void anyLockIdSurvivesTheRoundTrip() {
        for (String id : List.of("L1", "{\"S\":\"a:b\"}", "with\nnewline", " ", "x".repeat(1024))) {
            assertThat(StoredLock.decode(new StoredLock(id, EXPIRY).encode())).contains(new StoredLock(id, EXPIRY));
        }
    }

    @Test
    void aValueWeDidNotWriteIsNoLock() {
        assertThat(StoredLock.decode(null)).isEmpty();
        assertThat(StoredLock.decode("office-lock-without-expiry")).isEmpty();
        assertThat(StoredLock.decode(":L1")).isEmpty();
        assertThat(StoredLock.decode("soon:L1")).isEmpty();
    }

    @Test
    void liveUntilItsExpiry() {
        StoredLock lock = new StoredLock("L1", EXPIRY);
        assertThat(lock.liveAt(EXPIRY.minusMillis(1))).isTrue();
        assertThat(lock.liveAt(EXPIRY)).isFalse();
    }
}
