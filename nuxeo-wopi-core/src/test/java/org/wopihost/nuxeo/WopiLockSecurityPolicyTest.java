package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.wopihost.nuxeo.Fixtures.DOC;
import static org.wopihost.nuxeo.Fixtures.REPO;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.core.api.security.ACP;
import org.nuxeo.ecm.core.api.security.Access;
import org.nuxeo.ecm.core.model.Document;
import org.nuxeo.ecm.core.model.Session;
import org.wopihost.config.WopiSettings;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;

class WopiLockSecurityPolicyTest {

    private static final String[] WRITE = { "Write", "ReadWrite", "Everything" };
    private final MapKeyValueStore kv = new MapKeyValueStore();
    private final NuxeoLockStore locks = new NuxeoLockStore(kv.store, Fixtures.services(), Clock.systemUTC());
    private final WopiLockSecurityPolicy policy = spy(new WopiLockSecurityPolicy(() -> locks));
    private final Document doc = mock(Document.class);
    private final NuxeoPrincipal bob = mock(NuxeoPrincipal.class);
    private final FileRef file = new FileRef(REPO, DOC, FileRef.MAIN_BLOB);

    @BeforeEach
    void setUp() {
        Session session = mock(Session.class);
        when(session.getRepositoryName()).thenReturn(REPO);
        when(doc.getSession()).thenReturn(session);
        when(doc.getUUID()).thenReturn(DOC);
    }

    private void nuxeoLockPolicySays(Access access) {
        doReturn(access).when(policy).nuxeoLockPolicy(any(), any(), any(), any(), any(), any());
    }

    /** Jane's WOPI session took the Nuxeo lock; its WOPI lock is live or not. */
    private void lockedForWopiSession(boolean wopiLockLive) {
        new TakenDocumentLocks(kv.store).add(new TakenDocumentLocks.Taken(REPO, DOC, "jane", FileIdCodec.encode(file)));
        Instant expiry = Instant.now().plus(wopiLockLive ? WopiSettings.LOCK_TTL : WopiSettings.LOCK_TTL.negated());
        kv.values.put(NuxeoLockStore.lockKey(file),
                StoredLock.encode(new LockInfo("office-lock-1", "jane", Instant.now(), expiry)));
    }

    private Access check() {
        return policy.checkPermission(doc, mock(ACP.class), bob, "Write", WRITE, new String[] { "members" });
    }

    private Access checkInWopiRequest() throws IOException {
        AtomicReference<Access> result = new AtomicReference<>();
        WopiRequests.run(() -> result.set(check()));
        return result.get();
    }

    @Test
    void aCoEditorWritesThroughOurServletWhileTheWopiSessionHoldsTheLock() throws IOException {
        nuxeoLockPolicySays(Access.DENY);
        lockedForWopiSession(true);
        assertThat(checkInWopiRequest()).as("the ACL decides").isSameAs(Access.UNKNOWN);
    }

    @Test
    void everyOtherInterfaceStillSeesTheDocumentLocked() {
        nuxeoLockPolicySays(Access.DENY);
        lockedForWopiSession(true);
        assertThat(WopiRequests.isActive()).isFalse();
        assertThat(check()).isSameAs(Access.DENY);
    }

    @Test
    void aLockTheUserTookInNuxeoIsNotBypassed() throws IOException {
        nuxeoLockPolicySays(Access.DENY);
        // no record of ours: someone locked it in Nuxeo
        assertThat(checkInWopiRequest()).isSameAs(Access.DENY);
    }

    @Test
    void aLockLeftByAnExpiredWopiSessionIsNotBypassed() throws IOException {
        nuxeoLockPolicySays(Access.DENY);
        lockedForWopiSession(false);
        assertThat(checkInWopiRequest()).isSameAs(Access.DENY);
    }

    @Test
    void whateverNuxeosPolicyDoesNotDenyPassesUnchangedWithoutLookingAtLocks() throws IOException {
        nuxeoLockPolicySays(Access.UNKNOWN);
        assertThat(checkInWopiRequest()).isSameAs(Access.UNKNOWN);
        assertThat(check()).isSameAs(Access.UNKNOWN);
        verifyNoInteractions(kv.store);
    }

    @Test
    void theRequestMarkEndsWithTheRequestEvenOnFailure() {
        assertThatThrownBy(() -> WopiRequests.run(() -> {
            assertThat(WopiRequests.isActive()).isTrue();
            throw new IOException("client went away");
        })).isInstanceOf(IOException.class);
        assertThat(WopiRequests.isActive()).isFalse();
    }
}
