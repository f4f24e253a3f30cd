package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.wopihost.nuxeo.Fixtures.DOC;
import static org.wopihost.nuxeo.Fixtures.REPO;

import java.io.Serializable;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.IdRef;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.wopihost.spi.FileAccess;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.spi.WopiUser;

class NuxeoPermissionsTest {

    private final NuxeoServices services = Fixtures.services();
    private final NuxeoUsers users = new NuxeoUsers(services, null);
    private final CoreSession session = mock(CoreSession.class);
    private final DocumentModel doc = mock(DocumentModel.class);
    private final IdRef ref = new IdRef(DOC);
    private final FileRef file = new FileRef(REPO, DOC, FileRef.MAIN_BLOB);
    private final WopiUser jane = new WopiUser("jane", null, null);
    private NuxeoPrincipal principal;

    @BeforeEach
    void setUp() {
        principal = Fixtures.principal(services, "jane");
        when(services.session(REPO, principal)).thenReturn(session);
        when(session.exists(ref)).thenReturn(true);
        when(session.getDocument(ref)).thenReturn(doc);
    }

    private NuxeoPermissions permissions(Optional<String> group) {
        return new NuxeoPermissions(services, users, group);
    }

    @Test
    void writeGivesEdit() {
        when(session.hasPermission(ref, "Read")).thenReturn(true);
        when(session.hasPermission(ref, "Write")).thenReturn(true);
        assertThat(permissions(Optional.empty()).of(jane, file)).contains(Permission.EDIT);
    }

    @Test
    void theWriteCheckIsAskedAsAWopiRequestSoCoEditorsOfALockedDocumentGetEdit() {
        when(session.hasPermission(ref, "Read")).thenReturn(true);
        when(session.hasPermission(ref, "Write")).thenAnswer(inv -> WopiRequests.isActive());
        assertThat(permissions(Optional.empty()).of(jane, file)).contains(Permission.EDIT);
        assertThat(WopiRequests.isActive()).isFalse();
    }

    @Test
    void readOnlyGivesView() {
        when(session.hasPermission(ref, "Read")).thenReturn(true);
        assertThat(permissions(Optional.empty()).of(jane, file)).contains(Permission.VIEW);
    }

    @Test
    void versionsAreReadOnlyEvenWithWrite() {
        when(session.hasPermission(ref, "Read")).thenReturn(true);
        when(session.hasPermission(ref, "Write")).thenReturn(true);
        when(doc.isVersion()).thenReturn(true);
        assertThat(permissions(Optional.empty()).of(jane, file)).contains(Permission.VIEW);
    }

    @Test
    void noReadOrNoDocumentGivesNothing() {
        assertThat(permissions(Optional.empty()).of(jane, file)).isEmpty();
        when(session.exists(ref)).thenReturn(false);
        assertThat(permissions(Optional.empty()).of(jane, file)).isEmpty();
    }

    @Test
    void unknownUserGivesNothingWithoutOpeningASession() {
        assertThat(permissions(Optional.empty()).of(new WopiUser("ghost", null, null), file)).isEmpty();
        verify(services, never()).session(REPO, null);
    }

    @Test
    void groupRestrictionKeepsOutNonMembers() {
        when(session.hasPermission(ref, "Read")).thenReturn(true);
        assertThat(permissions(Optional.of("office-users")).of(jane, file)).isEmpty();
        when(principal.isMemberOf("office-users")).thenReturn(true);
        assertThat(permissions(Optional.of("office-users")).of(jane, file)).contains(Permission.VIEW);
    }

    @Test
    void administratorsPassTheGroupRestriction() {
        when(session.hasPermission(ref, "Read")).thenReturn(true);
        when(principal.isAdministrator()).thenReturn(true);
        assertThat(permissions(Optional.of("office-users")).of(jane, file)).contains(Permission.VIEW);
    }

    @Test
    void createSiblingNeedsAddChildrenOnTheParent() {
        IdRef parent = new IdRef("parent");
        when(doc.getParentRef()).thenReturn(parent);
        assertThat(permissions(Optional.empty()).mayCreateSibling(jane, file)).isFalse();
        when(session.hasPermission(parent, "AddChildren")).thenReturn(true);
        assertThat(permissions(Optional.empty()).mayCreateSibling(jane, file)).isTrue();
    }

    @Test
    void accessReadsThePermissionAndTheFileInOneTransactionAndOneLoad() {
        when(session.hasPermission(ref, "Read")).thenReturn(true);
        when(session.hasPermission(ref, "Write")).thenReturn(true);
        Blob blob = Fixtures.blob();
        when(blob.getFilename()).thenReturn("Report.docx");
        when(blob.getLength()).thenReturn(42L);
        when(doc.hasSchema("file")).thenReturn(true);
        when(doc.getPropertyValue("file:content")).thenReturn((Serializable) blob);
        when(services.systemSession(REPO)).thenReturn(mock(CoreSession.class));
        Optional<FileAccess> access = permissions(Optional.empty()).access(jane, file);
        assertThat(access.map(FileAccess::permission)).contains(Permission.EDIT);
        assertThat(access.map(a -> a.info().fileName())).contains("Report.docx");
        assertThat(access.map(a -> a.info().size())).contains(42L);
        verify(services, times(1)).inTransaction(any());
        verify(session, times(1)).getDocument(ref);
    }

    @Test
    void accessFindsNothingWithoutTheBlobOrTheRightToRead() {
        assertThat(permissions(Optional.empty()).access(jane, file)).isEmpty();
        when(session.hasPermission(ref, "Read")).thenReturn(true);
        assertThat(permissions(Optional.empty()).access(jane, file)).as("no blob").isEmpty();
    }
}
