package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wopihost.spi.LockInfo;

class StoredLockTest {

    private static final Instant SINCE = Instant.parse("2025-06-01T10:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2025-06-01T10:30:00Z");

    @Test
    void anyLockIdAndHolderSurviveTheRoundTrip() {
        for (String id : List.of("L1", "{\"S\":\"a:b\"}", "with\nnewline", " ", "x;y", "x".repeat(1024))) {
            for (String user : List.of("jane", "a:b;c d%", "")) {
                LockInfo lock = new LockInfo(id, user, SINCE, EXPIRY);
                assertThat(StoredLock.decode(StoredLock.encode(lock))).contains(lock);
            }
        }
    }

    @Test
    void aValueOfTheEarlierVersionIsALockOfAnUnknownHolder() {
        assertThat(StoredLock.decode(EXPIRY.toEpochMilli() + ":L1;x:y"))
                .contains(new LockInfo("L1;x:y", "", EXPIRY, EXPIRY));
    }

    @Test
    void aValueWeDidNotWriteIsNoLock() {
        assertThat(StoredLock.decode(null)).isEmpty();
        assertThat(StoredLock.decode("office-lock-without-expiry")).isEmpty();
        assertThat(StoredLock.decode(":L1")).isEmpty();
        assertThat(StoredLock.decode("soon:L1")).isEmpty();
        assertThat(StoredLock.decode("1;2:L1")).isEmpty();
        assertThat(StoredLock.decode("1;2;%zz:L1")).isEmpty();
    }
}
