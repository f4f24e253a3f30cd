package org.wopihost.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.wopihost.testclient.proof.OfficeSigner;

class DotNetTicksTest {

    @Test
    void unixEpoch() {
        assertThat(DotNetTicks.toInstant(621_355_968_000_000_000L)).isEqualTo(Instant.EPOCH);
        assertThat(DotNetTicks.fromInstant(Instant.EPOCH)).isEqualTo(621_355_968_000_000_000L);
    }

    @Test
    void tenThousandTicksPerMillisecond() {
        Instant instant = Instant.parse("2015-04-25T20:16:01.077Z");

        assertThat(DotNetTicks.fromInstant(instant)).isEqualTo(OfficeSigner.ticks(instant));
        assertThat(DotNetTicks.toInstant(OfficeSigner.ticks(instant) + 5)).isEqualTo(instant.plusNanos(500));
    }

    @Test
    void yearOneAndYearTenThousand() {
        assertThat(DotNetTicks.toInstant(0)).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(DotNetTicks.toInstant(DotNetTicks.MAX_TICKS)).isEqualTo(Instant.parse("9999-12-31T23:59:59.9999999Z"));
        assertThatThrownBy(() -> DotNetTicks.toInstant(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DotNetTicks.toInstant(DotNetTicks.MAX_TICKS + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
