package org.wopihost.proof;

import java.time.Instant;

/**
 * .NET {@code DateTime.Ticks}: 100-nanosecond intervals since 0001-01-01T00:00:00Z, the unit of the
 * {@code X-WOPI-TimeStamp} header.
 */
final class DotNetTicks {

    static final long TICKS_PER_MILLISECOND = 10_000L;
    /** Ticks at 1970-01-01T00:00:00Z. */
    static final long UNIX_EPOCH_TICKS = 621_355_968_000_000_000L;
    /** {@code DateTime.MaxValue.Ticks} (9999-12-31T23:59:59.9999999). */
    static final long MAX_TICKS = 3_155_378_975_999_999_999L;

    private DotNetTicks() {
    }

    static Instant toInstant(long ticks) {
        if (ticks < 0 || ticks > MAX_TICKS) {
            throw new IllegalArgumentException("ticks out of range: " + ticks);
        }
        long sinceEpoch = ticks - UNIX_EPOCH_TICKS;
        return Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L), Math.floorMod(sinceEpoch, 10_000_000L) * 100L);
    }

    static long fromInstant(Instant instant) {
        return UNIX_EPOCH_TICKS + instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100;
    }
}
