package org.wopihost.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wopihost.config.ConfigKeys;
import org.wopihost.config.WopiSettings;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiEngine;
import org.wopihost.engine.WopiRequest;
import org.wopihost.engine.WopiResponse;
import org.wopihost.spi.AccessToken;
import org.wopihost.spi.AccessTokens;
import org.wopihost.spi.FileAccess;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.InvalidTokenException;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.Permission;
import org.wopihost.spi.Permissions;
import org.wopihost.spi.Users;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiMetrics;
import org.wopihost.spi.WopiUser;
import org.wopihost.testclient.MutableClock;

/**
 * The engine over in-memory ports, without HTTP: the lock rules with the holder the store records, the
 * size limit applied by the engine alone, a lock changed during an upload, the operation table.
 */
class EngineOverFakesTest {

    private static final long MAX_FILE_SIZE = 16;

    private final MutableClock clock = new MutableClock();
    private final InMemoryLockStore locks = new InMemoryLockStore(clock);
    private final InMemoryFiles files = new InMemoryFiles(locks);
    private final FileRef report = files.add("Report.docx", bytes("v1"), "alice");
    private final String fileId = FileIdCodec.encode(report);
    private final WopiEngine engine = new WopiEngine(
            new WopiPlatform(new PlainTokens(), new KnownUsers(), new Acl(files), files, locks),
            WopiSettings.from(Map.of(ConfigKeys.MAX_FILE_SIZE, String.valueOf(MAX_FILE_SIZE)), "wopi",
                    "http://127.0.0.1:1/"),
            ProofCheck.NONE, false, clock, WopiMetrics.NONE, Optional::empty);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A request as {@code user} with an edit token, {@code headers} as name/value pairs. */
    private WopiResponse send(String user, WopiRequest.Endpoint endpoint, String method, byte[] body,
            String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return engine.handle(new Request(method, endpoint, fileId, user + "|" + fileId, h, body));
    }

    private WopiResponse override(String user, String override, String... lockHeaders) {
        String[] headers = new String[lockHeaders.length + 2];
        headers[0] = "X-WOPI-Override";
        headers[1] = override;
        System.arraycopy(lockHeaders, 0, headers, 2, lockHeaders.length);
        return send(user, WopiRequest.Endpoint.FILE, "POST", new byte[0], headers);
    }

    @Test
    void theStoreRecordsWhoTookTheLockAndARefreshByAnotherCoEditorKeepsThem() {
        Instant taken = clock.instant();
        assertThat(override("alice", "LOCK", "X-WOPI-Lock", "L1").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(10));
        assertThat(override("carol", "REFRESH_LOCK", "X-WOPI-Lock", "L1").status()).isEqualTo(200);
        assertThat(locks.get(report)).contains(new LockInfo("L1", "alice", taken,
                clock.instant().plus(WopiSettings.LOCK_TTL)));
        // UnlockAndRelock: a new lock id is its new holder's.
        assertThat(override("carol", "LOCK", "X-WOPI-Lock", "L2", "X-WOPI-OldLock", "L1").status()).isEqualTo(200);
        assertThat(locks.get(report).map(LockInfo::userId)).contains("carol");
    }

    @Test
    void aBodyOverTheLimitIsRefusedByTheEngineWhateverItDeclares() {
        assertThat(override("alice", "LOCK", "X-WOPI-Lock", "L1").status()).isEqualTo(200);
        WopiResponse tooLong = send("alice", WopiRequest.Endpoint.CONTENTS, "POST", new byte[17],
                "X-WOPI-Override", "PUT", "X-WOPI-Lock", "L1");
        assertThat(tooLong.status()).isEqualTo(413);
        WopiResponse undeclared = engine.handle(new Request("POST", WopiRequest.Endpoint.CONTENTS, fileId,
                "alice|" + fileId, Map.of("X-WOPI-Override", "PUT", "X-WOPI-Lock", "L1"),
                new ByteArrayInputStream(new byte[17]), -1));
        assertThat(undeclared.status()).as("chunked, counted as it is read").isEqualTo(413);
        assertThat(files.info(report).orElseThrow().version()).isEqualTo("1");
        WopiResponse fits = send("alice", WopiRequest.Endpoint.CONTENTS, "POST", new byte[16],
                "X-WOPI-Override", "PUT", "X-WOPI-Lock", "L1");
        assertThat(fits.status()).isEqualTo(200);
    }

    @Test
    void aLockTakenByAnotherClientDuringTheUploadRefusesTheSave() {
        assertThat(override("alice", "LOCK", "X-WOPI-Lock", "L1").status()).isEqualTo(200);
        // The upload arrives; meanwhile the lock is released and another client takes the file.
        WopiResponse save = engine.handle(InterruptedUpload.putFile(fileId, "alice|" + fileId, "http://127.0.0.1:1/",
                bytes("late save"), () -> {
                    locks.remove(report, "L1");
                    locks.create(report, new LockInfo("OTHER", "bob", clock.instant(),
                            clock.instant().plus(WopiSettings.LOCK_TTL)));
                }, "X-WOPI-Lock", "L1"));
        assertThat(save.status()).isEqualTo(409);
        assertThat(save.header("X-WOPI-Lock")).isEqualTo("OTHER");
        assertThat(files.info(report).orElseThrow().version()).isEqualTo("1");
    }

    @Test
    void theOperationTableAnswers501ForWhatItDoesNotOffer() {
        assertThat(override("alice", "GET_LOCK").status()).isEqualTo(200);
        assertThat(override("alice", "LOCK_ALL_THE_THINGS").status()).isEqualTo(501);
        assertThat(send("alice", WopiRequest.Endpoint.OTHER, "GET", new byte[0]).status()).isEqualTo(501);
        assertThat(send("alice", WopiRequest.Endpoint.CONTENTS, "POST", new byte[0], "X-WOPI-Override", "LOCK")
                .status()).isEqualTo(501);
    }

    @Test
    void aReaderMayAskTheLockButNotTakeIt() {
        assertThat(override("bob", "GET_LOCK").status()).isEqualTo(200);
        assertThat(override("bob", "LOCK", "X-WOPI-Lock", "L1").status()).isEqualTo(401);
        assertThat(locks.get(report)).isEmpty();
    }

    /** Tokens "user|fileId", always granting EDIT: the ACL decides here. */
    private static final class PlainTokens implements AccessTokens {
        @Override
        public IssuedToken issue(String userId, String fileId, Permission permission) {
            return new IssuedToken(userId + "|" + fileId, Instant.MAX);
        }

        @Override
        public AccessToken verify(String token) throws InvalidTokenException {
            int bar = token == null ? -1 : token.indexOf('|');
            if (bar < 0) {
                throw new InvalidTokenException("not a test token");
            }
            return new AccessToken(token.substring(0, bar), token.substring(bar + 1), Permission.EDIT, Instant.MAX);
        }
    }

    /** alice, bob and carol. */
    private static final class KnownUsers implements Users {
        @Override
        public Optional<WopiUser> find(String userId) {
            return Optional.of(userId).filter(id -> id.equals("alice") || id.equals("bob") || id.equals("carol"))
                    .map(id -> new WopiUser(id, id, null));
        }

        @Override
        public Optional<String> userInfo(String userId) {
            return Optional.empty();
        }

        @Override
        public void putUserInfo(String userId, String info) {
            throw new UnsupportedOperationException();
        }
    }

    /** bob reads, everyone else writes; alice manages. */
    private record Acl(InMemoryFiles files) implements Permissions {
        @Override
        public Optional<Permission> of(WopiUser user, FileRef file) {
            return Optional.of(user.id().equals("bob") ? Permission.VIEW : Permission.EDIT);
        }

        @Override
        public Optional<FileAccess> access(WopiUser user, FileRef file) {
            return files.info(file).flatMap(info -> of(user, file).map(p -> new FileAccess(p, info,
                    mayCreateSibling(user, file))));
        }

        @Override
        public boolean mayCreateSibling(WopiUser user, FileRef near) {
            return of(user, near).filter(p -> p == Permission.EDIT).isPresent();
        }

        @Override
        public boolean mayManage(WopiUser user, FileRef file) {
            return user.id().equals("alice");
        }
    }

    /** A parsed request, as the servlet would hand it over. */
    private record Request(String method, Endpoint endpoint, String fileId, String accessToken,
            Map<String, String> headers, InputStream content, long contentLength) implements WopiRequest {

        Request(String method, Endpoint endpoint, String fileId, String accessToken, Map<String, String> headers,
                byte[] body) {
            this(method, endpoint, fileId, accessToken, headers, new ByteArrayInputStream(body), body.length);
        }

        @Override
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst();
        }

        @Override
        public InputStream body() {
            return content;
        }

        @Override
        public String url() {
            return "http://127.0.0.1:1/wopi/files/" + fileId;
        }
    }
}
