package org.wopihost.standalone.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.contract.AccessTokensContract;
import org.wopihost.spi.AccessTokens;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.token.JwtAccessTokens;

/**
 * The AccessTokens contract on the standalone host's tokens as it assembles them (its data folder's
 * secret, its token lifetime). They do not touch the database: H2 only.
 */
class AccessTokensContractTest {

    @TempDir
    Path folder;
    private StandaloneHost host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> keepsTheAccessTokensContract() {
        AccessTokens foreign = new JwtAccessTokens("another host's secret ".repeat(4),
                Duration.ofHours(10), Clock.systemUTC(), StandaloneHost.WOPI_PATH);
        AccessTokensContract contract = new AccessTokensContract(this::tokensAt, AccessTokensContract.DIRECTLY,
                (user, fileId, permission) -> foreign.issue(user, fileId, permission).token(), "alice", "bob");
        return OnBothDatabases.dynamicTests(contract.cases());
    }

    private AccessTokens tokensAt(Clock clock) {
        try {
            host = OnBothDatabases.onH2(folder, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return host.platform().tokens();
    }
}
