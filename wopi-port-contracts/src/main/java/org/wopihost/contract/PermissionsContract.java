package org.wopihost.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.wopihost.spi.FileAccess;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Files;
import org.wopihost.spi.Permission;
import org.wopihost.spi.Permissions;
import org.wopihost.spi.UserAccess;
import org.wopihost.spi.Users;
import org.wopihost.spi.WopiUser;

/**
 * What every {@link Permissions} does: a reader views, a writer edits and may create beside the file, the
 * document's manager manages it, and anyone else gets nothing (the engine's 404); an entry for everyone
 * admits every user, the higher entry winning; and the ACL is asked on every call, so that a change shows
 * on the next one. The lookup of a request (the user with their access, in one call) answers the same,
 * and finds no unknown user.
 */
public final class PermissionsContract {

    /** What the contract needs of the platform's documents and ACLs, beyond the port. */
    public interface Acls {
        /** Creates a user the platform knows, with access to nothing yet. */
        WopiUser newUser(String id);

        /** A new document holding a main file, that {@code manager} manages and nobody else may see. */
        FileRef newFile(WopiUser manager);

        /** Makes {@code permission} the entry of {@code principal} (a user, or everyone) on the file's document. */
        void grant(FileRef file, String principal, Permission permission);

        /** Removes the entry of {@code principal} on the file's document. */
        void revoke(FileRef file, String principal);
    }

    private final Permissions permissions;
    private final Users users;
    private final Files files;
    private final Acls acls;
    private final String everyone;
    private final WopiUser manager;
    private final WopiUser reader;
    private final WopiUser writer;
    private final WopiUser stranger;

    /**
     * @param users    the platform's users, as the engine hands them to a request's lookup
     * @param files    the platform's files, whose metadata {@link Permissions#access} reads too
     * @param everyone the principal whose entry admits every user
     */
    public PermissionsContract(Permissions permissions, Users users, Files files, Acls acls, String everyone) {
        this.permissions = permissions;
        this.users = users;
        this.files = files;
        this.acls = acls;
        this.everyone = everyone;
        this.manager = acls.newUser("contract-manager");
        this.reader = acls.newUser("contract-reader");
        this.writer = acls.newUser("contract-writer");
        this.stranger = acls.newUser("contract-stranger");
    }

    public List<ContractCase> cases() {
        return List.of(
                new ContractCase("the manager edits, creates beside and manages their document",
                        this::managerEditsAndManages),
                new ContractCase("a reader views, and may neither create beside nor manage", this::readerViews),
                new ContractCase("a writer edits and creates beside, and may not manage", this::writerEdits),
                new ContractCase("a user without an entry gets nothing", this::strangerGetsNothing),
                new ContractCase("an unknown file gives nobody anything", this::unknownFileGivesNothing),
                new ContractCase("access is the permission with the file's metadata", this::accessHasTheMetadata),
                new ContractCase("access is empty for a file the document does not hold",
                        this::accessIsEmptyForAMissingBlob),
                new ContractCase("an ACL change shows on the next call", this::aclChangeShowsAtOnce),
                new ContractCase("an entry for everyone admits every user, the higher entry winning",
                        this::everyoneEntryAdmitsEveryUser),
                new ContractCase("a request's lookup finds the user as Users does, with the file's metadata",
                        this::requestLookupFindsTheUserAndTheMetadata),
                new ContractCase("a request's lookup finds no unknown user, whatever the file",
                        this::requestLookupFindsNoUnknownUser));
    }

    /** Every answer of the port for {@code user} on {@code file}. */
    private record Answers(Optional<Permission> of, Optional<Permission> access, boolean mayCreateSibling,
            Optional<Boolean> accessMayCreateSibling, boolean mayManage) {
    }

    private Answers answers(WopiUser user, FileRef file) {
        Optional<FileAccess> access = permissions.access(user, file);
        // Every answer checked here is checked on a request's lookup too.
        UserAccess request = permissions.access(users, user.id(), file).orElseThrow();
        assertThat(request.user().id()).isEqualTo(user.id());
        assertThat(request.access().map(FileAccess::permission)).as("a request's lookup")
                .isEqualTo(access.map(FileAccess::permission));
        assertThat(request.access().map(FileAccess::mayCreateSibling)).as("a request's lookup")
                .isEqualTo(access.map(FileAccess::mayCreateSibling));
        return new Answers(permissions.of(user, file), access.map(FileAccess::permission),
                permissions.mayCreateSibling(user, file), access.map(FileAccess::mayCreateSibling),
                permissions.mayManage(user, file));
    }

    private static Answers viewer() {
        return new Answers(Optional.of(Permission.VIEW), Optional.of(Permission.VIEW), false, Optional.of(false), false);
    }

    private static Answers editor() {
        return new Answers(Optional.of(Permission.EDIT), Optional.of(Permission.EDIT), true, Optional.of(true), false);
    }

    private static Answers nothing() {
        return new Answers(Optional.empty(), Optional.empty(), false, Optional.empty(), false);
    }

    private void managerEditsAndManages() {
        FileRef file = acls.newFile(manager);
        assertThat(answers(manager, file)).isEqualTo(
                new Answers(Optional.of(Permission.EDIT), Optional.of(Permission.EDIT), true, Optional.of(true), true));
    }

    private void readerViews() {
        FileRef file = acls.newFile(manager);
        acls.grant(file, reader.id(), Permission.VIEW);
        assertThat(answers(reader, file)).isEqualTo(viewer());
    }

    private void writerEdits() {
        FileRef file = acls.newFile(manager);
        acls.grant(file, writer.id(), Permission.EDIT);
        assertThat(answers(writer, file)).isEqualTo(editor());
    }

    private void strangerGetsNothing() {
        FileRef file = acls.newFile(manager);
        acls.grant(file, reader.id(), Permission.VIEW);
        acls.grant(file, writer.id(), Permission.EDIT);
        assertThat(answers(stranger, file)).isEqualTo(nothing());
    }

    private void unknownFileGivesNothing() {
        FileRef known = acls.newFile(manager);
        FileRef unknown = new FileRef(known.repository(), UUID.randomUUID().toString(), known.xpath());
        assertThat(answers(manager, unknown)).isEqualTo(nothing());
    }

    private void accessHasTheMetadata() {
        FileRef file = acls.newFile(manager);
        acls.grant(file, reader.id(), Permission.VIEW);
        FileInfo info = files.info(file).orElseThrow();
        FileInfo seen = permissions.access(reader, file).orElseThrow().info();
        assertThat(seen.ref()).isEqualTo(file);
        assertThat(seen.fileName()).isEqualTo(info.fileName());
        assertThat(seen.size()).isEqualTo(info.size());
        assertThat(seen.version()).isEqualTo(info.version());
        assertThat(seen.ownerId()).isEqualTo(info.ownerId());
    }

    private void accessIsEmptyForAMissingBlob() {
        FileRef file = acls.newFile(manager);
        FileRef missing = new FileRef(file.repository(), file.documentId(), FileRef.attachmentXpath(7));
        assertThat(permissions.of(manager, missing)).as("the document's permission").contains(Permission.EDIT);
        assertThat(permissions.access(manager, missing)).isEmpty();
    }

    private void requestLookupFindsTheUserAndTheMetadata() {
        FileRef file = acls.newFile(manager);
        acls.grant(file, reader.id(), Permission.VIEW);
        UserAccess request = permissions.access(users, reader.id(), file).orElseThrow();
        assertThat(request.user()).isEqualTo(users.find(reader.id()).orElseThrow());
        assertThat(request.access()).isEqualTo(permissions.access(reader, file));
        FileRef missing = new FileRef(file.repository(), file.documentId(), FileRef.attachmentXpath(7));
        assertThat(permissions.access(users, reader.id(), missing)).hasValueSatisfying(found -> {
            assertThat(found.user()).isEqualTo(request.user());
            assertThat(found.access()).as("no such blob").isEmpty();
        });
    }

    private void requestLookupFindsNoUnknownUser() {
        FileRef file = acls.newFile(manager);
        acls.grant(file, everyone, Permission.EDIT);
        String unknown = "contract-nobody-" + UUID.randomUUID();
        assertThat(permissions.access(users, unknown, file)).isEmpty();
        FileRef unknownFile = new FileRef(file.repository(), UUID.randomUUID().toString(), file.xpath());
        assertThat(permissions.access(users, unknown, unknownFile)).isEmpty();
    }

    private void aclChangeShowsAtOnce() {
        FileRef file = acls.newFile(manager);
        assertThat(answers(stranger, file)).isEqualTo(nothing());
        acls.grant(file, stranger.id(), Permission.VIEW);
        assertThat(answers(stranger, file)).isEqualTo(viewer());
        acls.grant(file, stranger.id(), Permission.EDIT);
        assertThat(answers(stranger, file)).isEqualTo(editor());
        acls.grant(file, stranger.id(), Permission.VIEW);
        assertThat(answers(stranger, file)).isEqualTo(viewer());
        acls.revoke(file, stranger.id());
        assertThat(answers(stranger, file)).isEqualTo(nothing());
    }

    private void everyoneEntryAdmitsEveryUser() {
        FileRef file = acls.newFile(manager);
        acls.grant(file, writer.id(), Permission.EDIT);
        acls.grant(file, everyone, Permission.VIEW);
        assertThat(answers(stranger, file)).isEqualTo(viewer());
        assertThat(answers(writer, file)).as("their own entry is higher").isEqualTo(editor());
        acls.grant(file, reader.id(), Permission.VIEW);
        acls.grant(file, everyone, Permission.EDIT);
        assertThat(answers(reader, file)).as("everyone's entry is higher").isEqualTo(editor());
        acls.revoke(file, everyone);
        assertThat(answers(stranger, file)).isEqualTo(nothing());
        assertThat(answers(reader, file)).isEqualTo(viewer());
    }
}
