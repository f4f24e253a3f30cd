package org.wopihost.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wopihost.engine.StuckLocks;
import org.wopihost.engine.StuckLocks.Outcome;
import org.wopihost.spi.AccessTokens;
import org.wopihost.spi.FileAccess;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Files;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.Permission;
import org.wopihost.spi.Permissions;
import org.wopihost.spi.Users;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;
import org.wopihost.testclient.MutableClock;

/** A stuck lock released by its holder or a document manager, and by no one else. */
class StuckLocksTest {

    private static final FileRef FILE = new FileRef("default", "doc-1", FileRef.MAIN_BLOB);
    private static final WopiUser ALICE = new WopiUser("alice", "Alice", null);
    private static final WopiUser BOB = new WopiUser("bob", "Bob", null);
    private static final WopiUser MANAGER = new WopiUser("manager", "Manager", null);

    private final MutableClock clock = new MutableClock();
    private final InMemoryLockStore locks = new InMemoryLockStore(clock);
    private final StuckLocks stuck = new StuckLocks(new WopiPlatform(unused(AccessTokens.class), unused(Users.class),
            new Managers(Set.of("manager")), unused(Files.class), locks));

    private LockInfo alicesLock() {
        LockInfo lock = new LockInfo("office-1", "alice", clock.instant(), clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(locks.create(FILE, lock)).isTrue();
        return lock;
    }

    @Test
    void theHolderIsShownAndReleasesTheirOwnLock() {
        LockInfo lock = alicesLock();
        assertThat(stuck.holder(FILE)).contains(lock);
        assertThat(stuck.release(FILE, ALICE)).isEqualTo(Outcome.RELEASED);
        assertThat(stuck.holder(FILE)).isEmpty();
    }

    @Test
    void aDocumentManagerReleasesAnyonesLock() {
        alicesLock();
        assertThat(stuck.release(FILE, MANAGER)).isEqualTo(Outcome.RELEASED);
        assertThat(locks.get(FILE)).isEmpty();
    }

    @Test
    void anyoneElseIsRefusedAndTheLockStays() {
        LockInfo lock = alicesLock();
        assertThat(stuck.release(FILE, BOB)).isEqualTo(Outcome.REFUSED);
        assertThat(locks.get(FILE)).contains(lock);
    }

    @Test
    void nothingToReleaseOnAnUnlockedOrExpiredFile() {
        assertThat(stuck.release(FILE, ALICE)).isEqualTo(Outcome.NOT_LOCKED);
        alicesLock();
        clock.advance(Duration.ofMinutes(30));
        assertThat(stuck.release(FILE, MANAGER)).isEqualTo(Outcome.NOT_LOCKED);
    }

    /** Manage rights for some users; nothing else is asked. */
    private record Managers(Set<String> managers) implements Permissions {
        @Override
        public Optional<Permission> of(WopiUser user, FileRef file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<FileAccess> access(WopiUser user, FileRef file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean mayCreateSibling(WopiUser user, FileRef near) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean mayManage(WopiUser user, FileRef file) {
            return managers.contains(user.id());
        }
    }

    /** A port the case never calls. */
    private static <T> T unused(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(port.getSimpleName() + "." + method.getName());
        }));
    }
}
