package org.wopihost.standalone.contract;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wopihost.contract.AccessTokensContract;
import org.wopihost.spi.AccessTokens;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.token.JwtAccessTokens;

/**
 * The AccessTokens contract on the standalone host's tokens, signed with a secret as long as its data
 * folder's. They do not touch the database, so the host is not opened for them.
 */
class AccessTokensContractTest {

    private static final Duration TTL = Duration.ofHours(10);

    @TestFactory
    Stream<DynamicTest> keepsTheAccessTokensContract() {
        AccessTokens foreign = tokens("another host's secret ", Clock.systemUTC());
        AccessTokensContract contract = new AccessTokensContract(clock -> tokens("this host's secret ", clock),
                AccessTokensContract.DIRECTLY, (user, fileId, permission) -> foreign.issue(user, fileId, permission)
                        .token(), "alice", "bob");
        return OnBothDatabases.dynamicTests(contract.cases());
    }

    private static AccessTokens tokens(String secret, Clock clock) {
        return new JwtAccessTokens(secret.repeat(4), TTL, clock, StandaloneHost.WOPI_PATH);
    }
}
