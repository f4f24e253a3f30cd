package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.wopihost.nuxeo.Fixtures.DOC;
import static org.wopihost.nuxeo.Fixtures.REPO;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.DocumentModelList;
import org.nuxeo.ecm.core.api.IdRef;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.wopihost.spi.WriteCondition;
import org.wopihost.spi.WriteRefusedException;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.LockStore;
import org.wopihost.spi.WopiUser;

class NuxeoFilesTest {

    private final NuxeoServices services = Fixtures.services();
    private final LockStore locks = mock(LockStore.class);
    private final NuxeoFiles files = new NuxeoFiles(services, new NuxeoUsers(services, null), locks);
    private final CoreSession system = mock(CoreSession.class);
    private final CoreSession userSession = mock(CoreSession.class);
    private final DocumentModel doc = mock(DocumentModel.class);
    private final Blob blob = Fixtures.blob();
    private final IdRef ref = new IdRef(DOC);
    private final FileRef main = new FileRef(REPO, DOC, FileRef.MAIN_BLOB);
    private final WopiUser jane = new WopiUser("jane", null, null);

    @BeforeEach
    void setUp() throws IOException {
        NuxeoPrincipal p = Fixtures.principal(services, "jane");
        when(services.systemSession(REPO)).thenReturn(system);
        when(services.session(REPO, p)).thenReturn(userSession);
        for (CoreSession s : List.of(system, userSession)) {
            when(s.exists(ref)).thenReturn(true);
            when(s.getDocument(ref)).thenReturn(doc);
            when(s.saveDocument(doc)).thenReturn(doc);
        }
        when(doc.getId()).thenReturn(DOC);
        when(doc.getRepositoryName()).thenReturn(REPO);
        when(doc.hasSchema("file")).thenReturn(true);
        when(doc.getTitle()).thenReturn("Report");
        when(doc.getPropertyValue("file:content")).thenReturn((Serializable) blob);
        when(doc.getPropertyValue("dc:creator")).thenReturn("bob");
        Calendar modified = Calendar.getInstance();
        modified.setTimeInMillis(1_700_000_000_000L);
        when(doc.getPropertyValue("dc:modified")).thenReturn(modified);
        when(blob.getFilename()).thenReturn("Report.docx");
        when(blob.getLength()).thenReturn(42L);
        when(blob.getDigest()).thenReturn("md5abc");
        when(blob.getStream()).thenReturn(new ByteArrayInputStream(new byte[42]));
    }

    @Test
    void mapsOnlyTheMainFileAndAttachments() {
        assertThat(NuxeoFiles.isSupportedXpath("file:content")).isTrue();
        assertThat(NuxeoFiles.isSupportedXpath("files:files/0/file")).isTrue();
        assertThat(NuxeoFiles.isSupportedXpath("files:files/12/file")).isTrue();
        assertThat(NuxeoFiles.isSupportedXpath("dc:title")).isFalse();
        assertThat(NuxeoFiles.isSupportedXpath("files:files/x/file")).isFalse();
        assertThat(NuxeoFiles.attachmentIndex("files:files/3/file")).isEqualTo(3);
        assertThat(NuxeoFiles.attachmentIndex("file:content")).isEqualTo(-1);
        assertThat(files.info(new FileRef(REPO, DOC, "dc:title"))).isEmpty();
    }

    @Test
    void infoDescribesTheBlob() {
        FileInfo info = files.info(main).orElseThrow();
        assertThat(info.fileName()).isEqualTo("Report.docx");
        assertThat(info.size()).isEqualTo(42);
        assertThat(info.version()).isEqualTo("m1700000000000-md5abc");
        assertThat(info.ownerId()).isEqualTo("bob");
        assertThat(info.documentTitle()).isEqualTo("Report");
        assertThat(info.lastModified().toEpochMilli()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void aBlobWithoutDigestIsVersionedByItsLastUserModificationNotByTheChangeToken() {
        when(blob.getDigest()).thenReturn(null);
        when(doc.getChangeToken()).thenReturn("5-0", "6-0"); // background work moves it on
        String version = files.info(main).orElseThrow().version();
        assertThat(version).isEqualTo("m1700000000000-42").isEqualTo(files.info(main).orElseThrow().version());
    }

    @Test
    void savingTheSameBytesAgainGivesANewVersion() {
        String first = files.info(main).orElseThrow().version();
        Calendar later = Calendar.getInstance();
        later.setTimeInMillis(1_700_000_030_000L);
        when(doc.getPropertyValue("dc:modified")).thenReturn(later); // same blob digest, a later save
        assertThat(files.info(main).orElseThrow().version()).isNotEqualTo(first)
                .isEqualTo("m1700000030000-md5abc");
    }

    @Test
    void attachmentsAreReadFromTheFilesSchema() {
        FileRef second = new FileRef(REPO, DOC, "files:files/1/file");
        when(doc.hasSchema("files")).thenReturn(true);
        Blob attached = Fixtures.blob();
        when(attached.getFilename()).thenReturn("Budget.xlsx");
        when(doc.getPropertyValue("files:files")).thenReturn(new ArrayList<>(List.of(Map.of(), Map.of())));
        when(doc.getPropertyValue("files:files/1/file")).thenReturn((Serializable) attached);
        assertThat(files.info(second)).map(FileInfo::fileName).contains("Budget.xlsx");
        assertThat(files.info(new FileRef(REPO, DOC, "files:files/2/file"))).isEmpty();
    }

    @Test
    void missingDocumentOrBlobIsEmpty() throws IOException {
        when(doc.getPropertyValue("file:content")).thenReturn(null);
        assertThat(files.info(main)).isEmpty();
        when(system.exists(ref)).thenReturn(false);
        assertThat(files.open(main)).isEmpty();
    }

    @Test
    void openStreamsTheBlob() throws IOException {
        try (var opened = files.open(main).orElseThrow()) {
            assertThat(opened.content().readAllBytes()).hasSize(42);
            assertThat(opened.info().version()).isEqualTo("m1700000000000-md5abc");
        }
    }

    @Test
    void writeStoresANewBlobAsTheUserAndFlagsAVersion() throws IOException {
        Blob stored = Fixtures.blob();
        when(stored.getFilename()).thenReturn("Report.docx");
        when(services.createBlob(any())).thenAnswer(inv -> {
            ((InputStream) inv.getArgument(0)).readAllBytes();
            return stored;
        });
        when(blob.getMimeType()).thenReturn("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        when(stored.getDigest()).thenReturn("digest-of-the-upload");
        FileInfo saved = files.write(main, new ByteArrayInputStream(new byte[10]), jane, WriteCondition.NONE);
        InOrder order = inOrder(doc, userSession);
        order.verify(doc).setPropertyValue("file:content", (Serializable) stored);
        order.verify(doc).putContextData(NuxeoFiles.WOPI_SAVE, Boolean.TRUE);
        order.verify(userSession).saveDocument(doc);
        order.verify(userSession).save();
        verify(stored).setFilename("Report.docx");
        verify(stored).setMimeType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        verify(system, never()).saveDocument(any());
        assertThat(saved.version()).as("the version of the blob read back after the save, as CheckFileInfo reads it")
                .isEqualTo("m1700000000000-md5abc");
    }

    @Test
    void writeChecksItsConditionBeforeTouchingTheDocument() throws IOException {
        when(services.createBlob(any())).thenAnswer(inv -> {
            ((InputStream) inv.getArgument(0)).readAllBytes();
            return blob;
        });
        LockInfo other = new LockInfo("other-lock", "bob", Instant.EPOCH, Instant.now().plusSeconds(60));
        when(locks.get(main)).thenReturn(Optional.of(other));
        WriteCondition lockChanged = lockNow -> {
            assertThat(lockNow).as("the lock the store holds now").contains(other);
            throw new WriteRefusedException("other-lock", "The lock changed during the upload");
        };
        assertThatThrownBy(() -> files.write(main, new ByteArrayInputStream(new byte[10]), jane, lockChanged))
                .isInstanceOf(WriteRefusedException.class);
        verify(userSession, never()).saveDocument(any());
        verify(doc, never()).setPropertyValue(any(), any());
    }

    @Test
    void renameChangesTheBlobNameAndATitleThatFollowedIt() throws IOException {
        when(doc.getTitle()).thenReturn("Report.docx");
        files.rename(main, "Final.docx", jane);
        verify(blob).setFilename("Final.docx");
        verify(doc).setPropertyValue("file:content", (Serializable) blob);
        verify(doc).setPropertyValue("dc:title", "Final.docx");
        verify(userSession).saveDocument(doc);
    }

    @Test
    void findSiblingQueriesTheParentFolderByFileName() {
        IdRef parentRef = new IdRef("parent-id");
        DocumentModel parent = mock(DocumentModel.class);
        when(doc.getParentRef()).thenReturn(parentRef);
        when(system.getDocument(parentRef)).thenReturn(parent);
        when(parent.getId()).thenReturn("parent-id");
        DocumentModel other = mock(DocumentModel.class);
        when(other.getId()).thenReturn("other-id");
        DocumentModelList result = mock(DocumentModelList.class);
        when(result.stream()).thenReturn(java.util.stream.Stream.of(other));
        when(system.query(anyString())).thenReturn(result);
        assertThat(files.findSibling(main, "O'Neil.docx")).contains(new FileRef(REPO, "other-id", "file:content"));
        verify(system).query(NuxeoFiles.siblingQuery("parent-id", "O'Neil.docx"));
        assertThat(NuxeoFiles.siblingQuery("p", "O'Neil.docx")).contains("file:content/name = 'O\\'Neil.docx'")
                .contains("ecm:parentId = 'p'").contains("ecm:isTrashed = 0");
    }

    @Test
    void createSiblingCreatesAFileDocumentInTheParentAsTheUser() throws IOException {
        IdRef parentRef = new IdRef("parent-id");
        DocumentModel parent = mock(DocumentModel.class);
        DocumentModel model = mock(DocumentModel.class);
        DocumentModel created = mock(DocumentModel.class);
        when(doc.getParentRef()).thenReturn(parentRef);
        when(userSession.getDocument(parentRef)).thenReturn(parent);
        when(parent.getPathAsString()).thenReturn("/default-domain/workspaces/ws");
        when(userSession.createDocumentModel("/default-domain/workspaces/ws", "Copy.docx", "File")).thenReturn(model);
        when(userSession.createDocument(model)).thenReturn(created);
        when(created.getId()).thenReturn("new-id");
        Blob stored = Fixtures.blob();
        DocumentModel readBack = mock(DocumentModel.class);
        when(userSession.getDocument(new IdRef("new-id"))).thenReturn(readBack);
        when(readBack.hasSchema("file")).thenReturn(true);
        when(readBack.getPropertyValue("file:content")).thenReturn((Serializable) blob);
        Calendar createdAt = Calendar.getInstance();
        createdAt.setTimeInMillis(1_700_000_060_000L);
        when(readBack.getPropertyValue("dc:modified")).thenReturn(createdAt);
        when(services.createBlob(any())).thenReturn(stored);
        FileInfo info = files.createSibling(main, "Copy.docx", new ByteArrayInputStream(new byte[3]), jane, false);
        verify(stored).setFilename("Copy.docx");
        verify(model).setPropertyValue("dc:title", "Copy.docx");
        verify(model).setPropertyValue("file:content", (Serializable) stored);
        verify(userSession).save();
        assertThat(info.ref()).isEqualTo(new FileRef(REPO, "new-id", "file:content"));
        assertThat(info.version()).as("the version of the document read back").isEqualTo("m1700000060000-md5abc");
    }

    @Test
    void deleteRemovesTheDocumentForItsMainFile() throws IOException {
        files.delete(main, jane);
        verify(userSession).removeDocument(ref);
    }

    @Test
    void deleteEmptiesAMiddleAttachmentSoLaterOnesKeepTheirFileIds() throws IOException {
        when(doc.hasSchema("files")).thenReturn(true);
        Map<String, Serializable> a = Map.of("file", "a");
        Map<String, Serializable> b = Map.of("file", "b");
        when(doc.getPropertyValue("files:files")).thenReturn(new ArrayList<>(List.of(a, b)));
        files.delete(new FileRef(REPO, DOC, "files:files/0/file"), jane);
        verify(doc).setPropertyValue("files:files/0/file", null);
        verify(doc, never()).setPropertyValue(eq("files:files"), any());
        verify(userSession).saveDocument(doc);
        verify(userSession, never()).removeDocument(any());
    }

    @Test
    void deleteRemovesTheLastAttachment() throws IOException {
        when(doc.hasSchema("files")).thenReturn(true);
        Map<String, Serializable> a = Map.of("file", "a");
        Map<String, Serializable> b = Map.of("file", "b");
        when(doc.getPropertyValue("files:files")).thenReturn(new ArrayList<>(List.of(a, b)));
        files.delete(new FileRef(REPO, DOC, "files:files/1/file"), jane);
        verify(doc).setPropertyValue(eq("files:files"), eq((Serializable) new ArrayList<>(List.of(a))));
        verify(userSession, never()).removeDocument(any());
    }

    @Test
    void theAttachmentsGoWithTheMainFile() {
        when(doc.hasSchema("files")).thenReturn(true);
        when(doc.getRepositoryName()).thenReturn(REPO);
        when(doc.getId()).thenReturn(DOC);
        when(doc.getPropertyValue("files:files")).thenReturn(new ArrayList<>(List.of(Map.of("file", "a"),
                Map.of("file", "b"))));
        assertThat(files.deletedWith(main)).containsExactly(new FileRef(REPO, DOC, "files:files/0/file"),
                new FileRef(REPO, DOC, "files:files/1/file"));
        assertThat(files.deletedWith(new FileRef(REPO, DOC, "files:files/0/file"))).isEmpty();
    }
}
