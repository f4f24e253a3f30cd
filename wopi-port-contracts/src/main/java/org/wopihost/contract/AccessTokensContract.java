package org.wopihost.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.AccessToken;
import org.wopihost.spi.AccessTokens;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.InvalidTokenException;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.MutableClock;

/**
 * What every {@link AccessTokens} does: a token verifies to exactly the user, file and permission it was
 * issued for, until its expiry; a token changed in any way, signed with another secret, expired or not a
 * token at all is an {@link InvalidTokenException}.
 */
public final class AccessTokensContract {

    /** How a request of {@code userId} presents a token to the platform's {@code verify}. */
    @FunctionalInterface
    public interface Presenter {
        AccessToken verify(AccessTokens tokens, String token, String userId) throws InvalidTokenException;
    }

    /** Where nothing but the token itself matters. */
    public static final Presenter DIRECTLY = (tokens, token, userId) -> tokens.verify(token);

    /** Signs tokens for the same claims with a secret the platform under test does not have. */
    @FunctionalInterface
    public interface ForeignIssuer {
        String issue(String userId, String fileId, Permission permission);
    }

    private final MutableClock clock = new MutableClock();
    private final AccessTokens tokens;
    private final Presenter presenter;
    private final ForeignIssuer foreign;
    private final String user;
    private final String other;

    /**
     * @param tokensAt  the token service under test, on the clock given (the contract moves it to expire tokens)
     * @param presenter how a request of a token's user has it verified
     * @param foreign   tokens signed with another secret
     * @param user      a user id the platform knows
     * @param other     another user id the platform knows
     */
    public AccessTokensContract(Function<Clock, AccessTokens> tokensAt, Presenter presenter, ForeignIssuer foreign,
            String user, String other) {
        this.tokens = tokensAt.apply(clock);
        this.presenter = presenter;
        this.foreign = foreign;
        this.user = user;
        this.other = other;
    }

    public List<ContractCase> cases() {
        return List.of(
                new ContractCase("a token verifies to the user, file, permission and expiry it was issued for",
                        this::tokenVerifiesToItsClaims),
                new ContractCase("a token for one file never verifies as another", this::tokenIsForOneFile),
                new ContractCase("a token is refused from its expiry on", this::expiredTokenIsRefused),
                new ContractCase("a token changed anywhere is refused", this::changedTokenIsRefused),
                new ContractCase("a token signed with another secret is refused", this::foreignTokenIsRefused),
                new ContractCase("what is not a token is refused", this::garbageIsRefused));
    }

    /** A file id of a file of its own. */
    private static String newFileId() {
        return FileIdCodec.encode(new FileRef("default", UUID.randomUUID().toString(), FileRef.MAIN_BLOB));
    }

    private AccessToken verify(String token, String presentedBy) throws InvalidTokenException {
        return presenter.verify(tokens, token, presentedBy);
    }

    private void assertRefused(String token, String presentedBy) {
        assertThatThrownBy(() -> verify(token, presentedBy)).as("%s", token).isInstanceOf(InvalidTokenException.class);
    }

    private void tokenVerifiesToItsClaims() throws InvalidTokenException {
        String file = newFileId();
        for (String userId : List.of(user, other)) {
            for (Permission permission : Permission.values()) {
                IssuedToken issued = tokens.issue(userId, file, permission);
                assertThat(issued.expiresAt()).isAfter(clock.instant());
                AccessToken expected = new AccessToken(userId, file, permission, issued.expiresAt());
                assertThat(verify(issued.token(), userId)).isEqualTo(expected);
                assertThat(verify(issued.token(), userId)).as("verified again").isEqualTo(expected);
            }
        }
    }

    private void tokenIsForOneFile() throws InvalidTokenException {
        FileRef doc = new FileRef("default", UUID.randomUUID().toString(), FileRef.MAIN_BLOB);
        String main = FileIdCodec.encode(doc);
        String attachment = FileIdCodec.encode(new FileRef(doc.repository(), doc.documentId(), FileRef.attachmentXpath(0)));
        String otherDoc = newFileId();
        for (String file : List.of(main, attachment, otherDoc)) {
            assertThat(verify(tokens.issue(user, file, Permission.EDIT).token(), user).fileId()).isEqualTo(file);
        }
    }

    /** The clock back to the real time after: a platform's signer may take its time from the system. */
    private void expiredTokenIsRefused() throws InvalidTokenException {
        IssuedToken issued = tokens.issue(user, newFileId(), Permission.EDIT);
        try {
            clock.set(issued.expiresAt().minusMillis(1));
            assertThat(verify(issued.token(), user).userId()).isEqualTo(user);
            clock.set(issued.expiresAt());
            assertRefused(issued.token(), user);
            clock.advance(Duration.ofDays(1));
            assertRefused(issued.token(), user);
        } finally {
            clock.set(Instant.now());
        }
    }

    /**
     * One character replaced at places spread over the token, the last excepted: its base64 may leave bits
     * unused, so that another character there can decode to the same bytes.
     */
    private void changedTokenIsRefused() throws InvalidTokenException {
        String token = tokens.issue(user, newFileId(), Permission.VIEW).token();
        verify(token, user);
        int n = token.length();
        for (int at : new int[] {0, n / 5, 2 * n / 5, n / 2, 3 * n / 5, 4 * n / 5, n - 2}) {
            char[] changed = token.toCharArray();
            changed[at] = changed[at] == 'A' ? 'B' : 'A';
            assertRefused(new String(changed), user);
        }
        assertRefused(token + "A", user);
        assertRefused(token.substring(0, n - 1), user);
    }

    private void foreignTokenIsRefused() {
        String file = newFileId();
        for (Permission permission : Permission.values()) {
            assertRefused(foreign.issue(user, file, permission), user);
        }
    }

    private void garbageIsRefused() {
        String token = tokens.issue(user, newFileId(), Permission.EDIT).token();
        List<String> garbage = new ArrayList<>(Arrays.asList(null, "", " ", "garbage", "a.b.c", "..",
                "eyJhbGciOiJub25lIn0.e30.", token.replace('.', '-')));
        for (String notAToken : garbage) {
            assertRefused(notAToken, user);
        }
    }
}
