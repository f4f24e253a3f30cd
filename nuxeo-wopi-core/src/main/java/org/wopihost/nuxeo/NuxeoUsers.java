package org.wopihost.nuxeo;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.wopihost.spi.Users;
import org.wopihost.spi.WopiUser;

/** Users from Nuxeo's UserManager; the WOPI client's UserInfo strings in our key/value store. */
public final class NuxeoUsers implements Users {

    static final String USER_INFO_PREFIX = "userinfo/";

    private final NuxeoServices services;
    private final KeyValueStore store;

    public NuxeoUsers(NuxeoServices services, KeyValueStore store) {
        this.services = services;
        this.store = store;
    }

    @Override
    public Optional<WopiUser> find(String userId) {
        return principal(userId).map(NuxeoUsers::toUser);
    }

    /** The Nuxeo principal of a user id, or empty when no such user (any more) exists. */
    Optional<NuxeoPrincipal> principal(String userId) {
        return principal(services, userId);
    }

    /**
     * The Nuxeo principal of a user id: the one Nuxeo logged in for the current request when it is that
     * user (a WOPI request's token user always is: NuxeoAccessTokens checks it), else the UserManager's.
     * A WOPI request so costs no lookup beyond Nuxeo's own login.
     */
    static Optional<NuxeoPrincipal> principal(NuxeoServices services, String userId) {
        if (userId == null || userId.isEmpty()) {
            return Optional.empty();
        }
        NuxeoPrincipal login = services.currentPrincipal();
        if (login != null && userId.equals(login.getName())) {
            return Optional.of(login);
        }
        return Optional.ofNullable(services.userManager().getPrincipal(userId));
    }

    static WopiUser toUser(NuxeoPrincipal p) {
        String name = Stream.of(p.getFirstName(), p.getLastName())
                .filter(s -> s != null && !s.isBlank()).map(String::trim).collect(Collectors.joining(" "));
        String email = p.getEmail() == null || p.getEmail().isBlank() ? null : p.getEmail();
        return new WopiUser(p.getName(), name, email);
    }

    @Override
    public boolean isAdministrator(String userId) {
        return principal(userId).map(NuxeoPrincipal::isAdministrator).orElse(false);
    }

    @Override
    public Optional<String> userInfo(String userId) {
        return Optional.ofNullable(store.getString(USER_INFO_PREFIX + userId));
    }

    @Override
    public void putUserInfo(String userId, String info) {
        store.put(USER_INFO_PREFIX + userId, info);
    }
}
