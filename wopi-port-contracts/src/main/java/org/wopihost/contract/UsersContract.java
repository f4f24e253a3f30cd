package org.wopihost.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.wopihost.spi.Users;
import org.wopihost.spi.WopiUser;

/**
 * What every {@link Users} does: finds the users the platform knows (and no longer finds a removed one,
 * whose tokens must stop working), keeps each user's UserInfo string up to the 1024 characters the engine
 * admits, and names the administrators the platform has, and nobody else.
 */
public final class UsersContract {

    /** What the contract needs of the platform's user directory, beyond the port. */
    public interface Directory {
        /** Creates a user; {@code displayName} and {@code email} may be null, as a user may have neither. */
        void create(String id, String displayName, String email);

        /** Removes a user {@link #create} created. */
        void remove(String id);
    }

    private static final AtomicInteger USERS = new AtomicInteger();

    private final Users users;
    private final Directory directory;
    private final Optional<String> administrator;

    /**
     * @param administrator a user the platform knows as an administrator, or empty where nobody administers
     *                      the host
     */
    public UsersContract(Users users, Directory directory, Optional<String> administrator) {
        this.users = users;
        this.directory = directory;
        this.administrator = administrator;
    }

    public List<ContractCase> cases() {
        return List.of(
                new ContractCase("a user is found with their display name and email", this::userIsFound),
                new ContractCase("a user without a name is shown by their id", this::namelessUserShowsTheirId),
                new ContractCase("an unknown user is not found", this::unknownUserIsNotFound),
                new ContractCase("a removed user is not found any more", this::removedUserIsNotFound),
                new ContractCase("user info is empty until put, then the last value put",
                        this::userInfoIsTheLastPut),
                new ContractCase("user info of 1024 characters of any kind survives", this::longUserInfoSurvives),
                new ContractCase("user info is per user", this::userInfoIsPerUser),
                new ContractCase("an unknown user has no user info", this::unknownUserHasNoUserInfo),
                new ContractCase("only the platform's administrators are administrators",
                        this::onlyAdministratorsAre));
    }

    /** A new user's id, unused on this platform so far. */
    private String newUser(String displayName, String email) {
        String id = "contract-user-" + USERS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        directory.create(id, displayName, email);
        return id;
    }

    private void userIsFound() {
        String id = newUser("Alice Liddell", "alice@example.com");
        assertThat(users.find(id)).contains(new WopiUser(id, "Alice Liddell", "alice@example.com"));
    }

    private void namelessUserShowsTheirId() {
        String id = newUser(null, null);
        assertThat(users.find(id)).contains(new WopiUser(id, id, null));
    }

    private void unknownUserIsNotFound() {
        assertThat(users.find("no-such-user-" + System.nanoTime())).isEmpty();
        assertThat(users.find("")).isEmpty();
    }

    private void removedUserIsNotFound() {
        String id = newUser("Gone Soon", null);
        assertThat(users.find(id)).isPresent();
        directory.remove(id);
        assertThat(users.find(id)).isEmpty();
    }

    private void userInfoIsTheLastPut() {
        String id = newUser("Info Holder", null);
        assertThat(users.userInfo(id)).isEmpty();
        users.putUserInfo(id, "{\"theme\":\"dark\"}");
        assertThat(users.userInfo(id)).contains("{\"theme\":\"dark\"}");
        users.putUserInfo(id, "replaced");
        assertThat(users.userInfo(id)).contains("replaced");
    }

    private void longUserInfoSurvives() {
        String id = newUser("Long Info", null);
        for (String info : List.of("x".repeat(1024), "é".repeat(1024), "⚡".repeat(1024),
                "'\";--%_\\\n\t<>&".repeat(80).substring(0, 1024))) {
            assertThat(info).hasSize(1024);
            users.putUserInfo(id, info);
            assertThat(users.userInfo(id)).contains(info);
        }
    }

    private void userInfoIsPerUser() {
        String one = newUser("One", null);
        String two = newUser("Two", null);
        users.putUserInfo(one, "one's");
        assertThat(users.userInfo(two)).isEmpty();
        users.putUserInfo(two, "two's");
        assertThat(users.userInfo(one)).contains("one's");
        assertThat(users.userInfo(two)).contains("two's");
    }

    private void unknownUserHasNoUserInfo() {
        assertThat(users.userInfo("no-such-user-" + System.nanoTime())).isEmpty();
    }

    private void onlyAdministratorsAre() {
        assertThat(users.isAdministrator(newUser("Not An Admin", null))).isFalse();
        assertThat(users.isAdministrator("no-such-user-" + System.nanoTime())).isFalse();
        administrator.ifPresent(admin -> assertThat(users.isAdministrator(admin)).as(admin).isTrue());
    }
}
