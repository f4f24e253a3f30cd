package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.store.Documents;
import org.wopihost.testclient.WopiClient;

/** DeleteFile over HTTP: the file goes, a locked one stays, readers cannot, attachments alone. */
class DeleteFileTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    static final byte[] CONTENT = "delete me".getBytes(StandardCharsets.UTF_8);

    String fileName;
    String fileId;
    WopiClient alice;

    @BeforeEach
    void freshFile() throws Exception {
        fileName = "delete-" + System.nanoTime() + ".docx";
        fileId = HOST.newDocument(fileName, CONTENT);
        alice = HOST.clientFor("alice", fileId, Permission.EDIT);
    }

    @Test
    void deleteRemovesTheFile() {
        HttpResponse<byte[]> r = alice.delete();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(alice.checkFileInfo().statusCode()).isEqualTo(404);
        assertThat(alice.getFile().statusCode()).isEqualTo(404);
        assertThat(HOST.clientFor("bob", fileId, Permission.VIEW).checkFileInfo().statusCode()).isEqualTo(404);
        assertThat(HOST.documents().find(fileName)).isEmpty();
        // A second delete finds nothing to delete.
        assertThat(alice.delete().statusCode()).isEqualTo(404);
    }

    @Test
    void aLockedFileIsAConflictNamingTheLockAndStays() {
        assertThat(alice.lock("lock-A").statusCode()).isEqualTo(200);
        for (String[] headers : List.of(new String[0], new String[] {"X-WOPI-Lock", "lock-B"},
                new String[] {"X-WOPI-Lock", "lock-A"})) {
            HttpResponse<byte[]> r = alice.delete(headers);
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(header(r, "X-WOPI-Lock")).isEqualTo("lock-A");
        }
        assertThat(alice.getFile().body()).isEqualTo(CONTENT);
        assertThat(alice.unlock("lock-A").statusCode()).isEqualTo(200);
        assertThat(alice.delete().statusCode()).isEqualTo(200);
        assertThat(alice.checkFileInfo().statusCode()).isEqualTo(404);
    }

    @Test
    void readersAndViewTokensCannotDelete() {
        for (WopiClient c : List.of(HOST.clientFor("bob", fileId, Permission.VIEW),
                HOST.clientFor("bob", fileId, Permission.EDIT), HOST.clientFor("alice", fileId, Permission.VIEW))) {
            assertThat(c.delete().statusCode()).isEqualTo(401);
        }
        assertThat(alice.withToken("not-a-token").delete().statusCode()).isEqualTo(401);
        assertThat(alice.getFile().body()).isEqualTo(CONTENT);
    }

    @Test
    void deletingAnAttachmentRemovesOnlyThatAttachment() throws Exception {
        String docId = HOST.docId(fileName);
        String first = HOST.documents().nextAttachmentXpath(docId);
        HOST.documents().addFile(docId, first, "first.pdf", new ByteArrayInputStream("first".getBytes()), "alice");
        String second = HOST.documents().nextAttachmentXpath(docId);
        HOST.documents().addFile(docId, second, "second.pdf", new ByteArrayInputStream("second".getBytes()), "alice");
        String firstId = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, docId, first));
        String secondId = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, docId, second));
        WopiClient attachment = HOST.clientFor("alice", firstId, Permission.EDIT);

        assertThat(attachment.delete().statusCode()).isEqualTo(200);
        assertThat(attachment.checkFileInfo().statusCode()).isEqualTo(404);
        assertThat(alice.getFile().body()).isEqualTo(CONTENT);
        assertThat(HOST.clientFor("alice", secondId, Permission.EDIT).getFile().body()).isEqualTo("second".getBytes());
        assertThat(HOST.documents().find(docId).orElseThrow().files()).extracting(Documents.Blob::xpath)
                .containsExactly(FileRef.MAIN_BLOB, second);
    }

    @Test
    void aLockedAttachmentStays() throws Exception {
        String docId = HOST.docId(fileName);
        String xpath = HOST.documents().nextAttachmentXpath(docId);
        HOST.documents().addFile(docId, xpath, "locked.pdf", new ByteArrayInputStream("locked".getBytes()), "alice");
        WopiClient attachment = HOST.clientFor("alice",
                FileIdCodec.encode(new FileRef(Documents.REPOSITORY, docId, xpath)), Permission.EDIT);
        assertThat(attachment.lock("att-lock").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> r = attachment.delete();
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(header(r, "X-WOPI-Lock")).isEqualTo("att-lock");
        assertThat(attachment.getFile().body()).isEqualTo("locked".getBytes());
    }

    @Test
    void aDocumentWhoseAttachmentIsBeingEditedIsNotDeleted() throws Exception {
        String docId = HOST.docId(fileName);
        String xpath = HOST.documents().nextAttachmentXpath(docId);
        HOST.documents().addFile(docId, xpath, "annex.docx", new ByteArrayInputStream("annex".getBytes()), "alice");
        WopiClient attachment = HOST.clientFor("alice",
                FileIdCodec.encode(new FileRef(Documents.REPOSITORY, docId, xpath)), Permission.EDIT);
        assertThat(attachment.lock("someone-edits-it").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> r = alice.delete();
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(header(r, "X-WOPI-Lock")).isEqualTo("");
        assertThat(alice.getFile().body()).isEqualTo(CONTENT);
        assertThat(attachment.getFile().body()).isEqualTo("annex".getBytes());

        assertThat(attachment.unlock("someone-edits-it").statusCode()).isEqualTo(200);
        assertThat(alice.delete().statusCode()).isEqualTo(200);
        assertThat(attachment.checkFileInfo().statusCode()).isEqualTo(404);
    }
}
