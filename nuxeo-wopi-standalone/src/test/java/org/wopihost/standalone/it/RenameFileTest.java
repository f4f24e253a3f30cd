package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;
import static org.wopihost.testclient.WopiClient.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/** RenameFile over HTTP: UTF-7 names, the kept extension, invalid names, locks and rights. */
class RenameFileTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    static final byte[] CONTENT = "rename me".getBytes(StandardCharsets.UTF_8);

    String unique;
    String fileName;
    String fileId;
    WopiClient alice;

    @BeforeEach
    void freshFile() throws Exception {
        unique = String.valueOf(System.nanoTime());
        fileName = "rename-" + unique + ".docx";
        fileId = HOST.newDocument(fileName, CONTENT);
        alice = HOST.clientFor("alice", fileId, Permission.EDIT);
    }

    @Test
    void renameKeepsTheExtensionAndAnswersTheNameWithoutIt() {
        String before = alice.fileInfo().get("Version").asText();
        HttpResponse<byte[]> r = alice.rename("Renamed " + unique);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("Name").asText()).isEqualTo("Renamed " + unique);
        assertThat(json(r).size()).isEqualTo(1);
        assertThat(header(r, "X-WOPI-Lock")).isNull();
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo("Renamed " + unique + ".docx");
        assertThat(alice.fileInfo().get("FileExtension").asText()).isEqualTo(".docx");
        // Same file, same content, same version: a rename is no save.
        assertThat(alice.getFile().body()).isEqualTo(CONTENT);
        assertThat(alice.fileInfo().get("Version").asText()).isEqualTo(before);
        // Readers see the new name too.
        assertThat(HOST.clientFor("bob", fileId, Permission.VIEW).fileInfo().get("BaseFileName").asText())
                .isEqualTo("Renamed " + unique + ".docx");
    }

    @Test
    void theRequestedNameIsUtf7Decoded() {
        HttpResponse<byte[]> underscore = alice.rename("madeup+AF8-renamed-" + unique);
        assertThat(underscore.statusCode()).isEqualTo(200);
        assertThat(json(underscore).get("Name").asText()).isEqualTo("madeup_renamed-" + unique);
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo("madeup_renamed-" + unique + ".docx");

        HttpResponse<byte[]> accents = alice.rename("r+AOk-sum+AOk- " + unique);
        assertThat(accents.statusCode()).isEqualTo(200);
        assertThat(json(accents).get("Name").asText()).isEqualTo("résumé " + unique);
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo("résumé " + unique + ".docx");
    }

    @Test
    void dotsInTheRequestedNameStayInTheName() throws Exception {
        HttpResponse<byte[]> r = alice.rename("report.v2-" + unique);
        assertThat(json(r).get("Name").asText()).isEqualTo("report.v2-" + unique);
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo("report.v2-" + unique + ".docx");

        WopiClient noExtension = HOST.clientFor("alice", HOST.newDocument("README-" + unique, CONTENT),
                Permission.EDIT);
        HttpResponse<byte[]> plain = noExtension.rename("notes.v2-" + unique);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(json(plain).get("Name").asText()).isEqualTo("notes.v2-" + unique);
        assertThat(noExtension.fileInfo().get("BaseFileName").asText()).isEqualTo("notes.v2-" + unique);
    }

    @Test
    void invalidNamesAreBadRequestsThatSayWhy() {
        for (String name : List.of("a/b", "a\\b", "what?", "a:b", "a*b", "a<b>", "a|b", "a\"b", "CON", "nul", "",
                "x".repeat(300))) {
            HttpResponse<byte[]> r = alice.rename(name);
            assertThat(r.statusCode()).as(name).isEqualTo(400);
            assertThat(header(r, "X-WOPI-InvalidFileNameError")).as(name).isNotBlank();
        }
        HttpResponse<byte[]> missing = alice.override("RENAME_FILE");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(header(missing, "X-WOPI-InvalidFileNameError")).isNotBlank();
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo(fileName);
    }

    @Test
    void aNameAnotherFileHasGetsAFreeVariant() throws Exception {
        HOST.newDocument("taken-" + unique + ".docx", CONTENT);
        HttpResponse<byte[]> r = alice.rename("taken-" + unique);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("Name").asText()).isEqualTo("taken-" + unique + " (1)");
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo("taken-" + unique + " (1).docx");
        // Renaming a file to its own name (in any case) is no conflict.
        HttpResponse<byte[]> same = alice.rename("TAKEN-" + unique + " (1)");
        assertThat(json(same).get("Name").asText()).isEqualTo("TAKEN-" + unique + " (1)");
    }

    @Test
    void aFileLockedWithAnotherIdIsAConflictNamingTheLock() {
        assertThat(alice.lock("lock-A").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> wrong = alice.rename("Nope " + unique, "X-WOPI-Lock", "lock-B");
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(header(wrong, "X-WOPI-Lock")).isEqualTo("lock-A");
        HttpResponse<byte[]> none = alice.rename("Nope " + unique);
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(header(none, "X-WOPI-Lock")).isEqualTo("lock-A");
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo(fileName);
    }

    @Test
    void aFileLockedWithTheRequestsIdIsRenamed() {
        assertThat(alice.lock("lock-A").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> r = alice.rename("Locked " + unique, "X-WOPI-Lock", "lock-A");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("Name").asText()).isEqualTo("Locked " + unique);
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo("Locked " + unique + ".docx");
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("lock-A");
    }

    @Test
    void anUnlockedFileIsRenamedWhateverLockTheRequestNames() {
        HttpResponse<byte[]> r = alice.rename("Unlocked " + unique, "X-WOPI-Lock", "stale-lock");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo("Unlocked " + unique + ".docx");
    }

    @Test
    void readersAndViewTokensCannotRename() {
        for (WopiClient c : List.of(HOST.clientFor("bob", fileId, Permission.VIEW),
                HOST.clientFor("bob", fileId, Permission.EDIT), HOST.clientFor("alice", fileId, Permission.VIEW))) {
            assertThat(c.rename("Stolen " + unique).statusCode()).isEqualTo(401);
        }
        assertThat(alice.withToken("not-a-token").rename("Stolen " + unique).statusCode()).isEqualTo(401);
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo(fileName);
    }

    @Test
    void renamingADeletedFileIsNotFound() {
        assertThat(alice.delete().statusCode()).isEqualTo(200);
        assertThat(alice.rename("Gone " + unique).statusCode()).isEqualTo(404);
    }
}
