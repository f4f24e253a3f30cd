package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.standalone.Main;

import picocli.CommandLine;
import org.wopihost.testclient.WopiClient;

/** The {@code token} and {@code list} commands, run against the data folder of a running server. */
class CommandLineTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void tokenPrintsAWopiSrcAndATokenThatWork() throws Exception {
        Result r = run("token", "--data", HOST.dataDir().toString(), "--user", "alice", "--doc", "Quarterly Report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.fieldNames()).toIterable().containsExactly("wopiSrc", "accessToken", "accessTokenTtl");
        String wopiSrc = json.get("wopiSrc").asText();
        assertThat(wopiSrc).startsWith(HOST.server().url() + "wopi/files/").endsWith(HOST.fileId("Quarterly Report"));

        WopiClient client = new WopiClient(wopiSrc, json.get("accessToken").asText());
        JsonNode info = client.fileInfo();
        assertThat(info.get("BaseFileName").asText()).isEqualTo("Quarterly Report.docx");
        assertThat(info.get("UserCanWrite").asBoolean()).isTrue();

        // access_token_ttl is the absolute expiry in epoch milliseconds: ten hours from now by default
        long ttl = json.get("accessTokenTtl").asLong();
        assertThat(Instant.ofEpochMilli(ttl)).isBetween(Instant.now().plus(Duration.ofHours(10)).minusSeconds(60),
                Instant.now().plus(Duration.ofHours(10)));
        String payload = new String(Base64.getUrlDecoder().decode(json.get("accessToken").asText().split("\\.")[1]));
        assertThat(JSON.readTree(payload).get("exp").asLong() * 1000).isEqualTo(ttl);
    }

    @Test
    void tokenForAnAttachmentByItsXpath() throws Exception {
        Result r = run("token", "--data", HOST.dataDir().toString(), "--user", "bob", "--doc", "Project Kickoff",
                "--xpath", "files:files/1/file");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode info = new WopiClient(r.json().get("wopiSrc").asText(), r.json().get("accessToken").asText()).fileInfo();
        assertThat(info.get("BaseFileName").asText()).isEqualTo("Kickoff.pptx");
        assertThat(info.get("UserCanWrite").asBoolean()).isFalse();
    }

    @Test
    void tokenByDocumentIdOrFileName() throws Exception {
        String id = HOST.docId("Budget 2027");
        assertThat(run("token", "--data", HOST.dataDir().toString(), "--user", "alice", "--doc", id).exitCode()).isZero();
        assertThat(run("token", "--data", HOST.dataDir().toString(), "--user", "alice", "--doc", "Budget 2027.xlsx")
                .exitCode()).isZero();
    }

    @Test
    void tokenRefusesWhatTheUserMayNotHave() {
        String data = HOST.dataDir().toString();
        Result editForBob = run("token", "--data", data, "--user", "bob", "--doc", "Quarterly Report", "--permission", "edit");
        assertThat(editForBob.exitCode()).isEqualTo(1);
        assertThat(editForBob.out()).isEmpty();
        assertThat(editForBob.err()).contains("bob may only view");
        assertThat(run("token", "--data", data, "--user", "nobody", "--doc", "Quarterly Report").exitCode()).isEqualTo(1);
        assertThat(run("token", "--data", data, "--user", "alice", "--doc", "No Such Doc").exitCode()).isEqualTo(1);
        assertThat(run("token", "--data", data, "--user", "alice", "--doc", "Quarterly Report", "--xpath",
                "files:files/9/file").exitCode()).isEqualTo(1);
        assertThat(run("token", "--user", "alice").exitCode()).isEqualTo(2);
        Result admin = run("token", "--data", data, "--user", "alice", "--doc", "Quarterly Report", "--permission", "admin");
        assertThat(admin.exitCode()).isEqualTo(2);
        assertThat(admin.err()).contains("--permission", "VIEW, EDIT", "admin").doesNotContain("org.wopihost");
        Result badXpath = run("token", "--data", data, "--user", "alice", "--doc", "Quarterly Report", "--xpath", "../../etc");
        assertThat(badXpath.exitCode()).isEqualTo(2);
    }

    @Test
    void anAmbiguousDocListsTheDocumentsItMatches(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("Notes.docx");
        java.nio.file.Files.write(file, "notes".getBytes());
        String data = HOST.dataDir().toString();
        String first = run("import", "--data", data, "--file", file.toString(), "--owner", "alice", "--title", "Notes").json()
                .get("id").asText();
        String second = run("import", "--data", data, "--file", file.toString(), "--owner", "alice", "--title", "Notes").json()
                .get("id").asText();

        Result ambiguous = run("token", "--data", data, "--user", "alice", "--doc", "Notes");
        assertThat(ambiguous.exitCode()).isEqualTo(1);
        assertThat(ambiguous.out()).isEmpty();
        assertThat(ambiguous.err()).contains("2 documents match \"Notes\"", first, second, "--doc ID");
        assertThat(run("token", "--data", data, "--user", "alice", "--doc", second).exitCode()).isZero();
    }

    @Test
    void usersPasswdGrantRevokeAndDelete(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String data = HOST.dataDir().toString();
        assertThat(run("add-user", "--data", data, "--user", "dave", "--name", "Dave", "--email", "dave@example.com")
                .exitCode()).isZero();
        JsonNode users = run("users", "--data", data).json();
        assertThat(users.findValuesAsText("id")).contains("alice", "bob", "dave");
        assertThat(users.toString()).contains("\"name\":\"Dave\"", "dave@example.com").doesNotContain("password");

        Result passwd = run("passwd", "--data", data, "--user", "dave");
        assertThat(passwd.exitCode()).as(passwd.err()).isZero();
        String password = passwd.json().get("password").asText();
        assertThat(HOST.server().host().users().checkPassword("dave", password)).isTrue();
        assertThat(run("passwd", "--data", data, "--user", "nobody").err()).contains("No such user: nobody", "users command");

        java.nio.file.Path file = dir.resolve("Plan.docx");
        java.nio.file.Files.write(file, "plan".getBytes());
        String id = run("import", "--data", data, "--file", file.toString(), "--owner", "alice", "--title", "Dave's plan")
                .json().get("id").asText();
        assertThat(run("token", "--data", data, "--user", "dave", "--doc", id).err()).contains("dave has no access", "grant --doc");

        assertThat(run("grant", "--data", data, "--doc", id, "--user", "dave", "--permission", "view").exitCode()).isZero();
        Result view = run("token", "--data", data, "--user", "dave", "--doc", id);
        WopiClient daveViewing = new WopiClient(view.json().get("wopiSrc").asText(), view.json().get("accessToken").asText());
        assertThat(daveViewing.fileInfo().get("UserCanWrite").asBoolean()).isFalse();
        assertThat(run("grant", "--data", data, "--doc", id, "--user", "dave", "--permission", "EDIT").exitCode()).isZero();
        Result edit = run("token", "--data", data, "--user", "dave", "--doc", id);
        WopiClient daveEditing = new WopiClient(edit.json().get("wopiSrc").asText(), edit.json().get("accessToken").asText());
        assertThat(daveEditing.fileInfo().get("UserCanWrite").asBoolean()).isTrue();
        assertThat(run("grant", "--data", data, "--doc", id, "--user", "dave", "--permission", "owner").exitCode()).isEqualTo(2);

        assertThat(run("revoke", "--data", data, "--doc", id, "--user", "dave").exitCode()).isZero();
        assertThat(daveEditing.checkFileInfo().statusCode()).isIn(401, 404); // ACLs are read on every request
        assertThat(run("revoke", "--data", data, "--doc", id, "--user", "dave").err()).contains("had no access");
        assertThat(run("revoke", "--data", data, "--doc", id, "--user", "alice").err()).contains("owns", "delete --doc");

        Result deleted = run("delete", "--data", data, "--doc", id);
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.json().get("deleted").asText()).isEqualTo(id);
        assertThat(run("list", "--data", data).json().findValuesAsText("id")).doesNotContain(id);
        assertThat(run("delete", "--data", data, "--doc", id).err()).contains("No document", "list command");
    }

    @Test
    void importAddsADocumentThatUsersOpenAsGranted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path main = dir.resolve("Minutes.docx");
        java.nio.file.Path annex = dir.resolve("Annex.xlsx");
        java.nio.file.Files.write(main, "minutes".getBytes());
        java.nio.file.Files.write(annex, "annex".getBytes());
        String data = HOST.dataDir().toString();
        Result added = run("add-user", "--data", data, "--user", "carol", "--name", "Carol Smith");
        assertThat(added.exitCode()).as(added.err()).isZero();
        String password = added.json().get("password").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(run("add-user", "--data", data, "--user", "carol").exitCode()).isEqualTo(1);
        assertThat(HOST.server().host().users().checkPassword("carol", password)).isTrue();

        Result imported = run("import", "--data", data, "--file", main.toString(), "--attach", annex.toString(),
                "--owner", "alice", "--grant", "carol=edit", "--grant", "bob=view", "--title", "Board minutes");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        JsonNode doc = imported.json();
        assertThat(doc.get("title").asText()).isEqualTo("Board minutes");
        assertThat(doc.get("files").findValuesAsText("fileName")).containsExactly("Minutes.docx", "Annex.xlsx");

        JsonNode carol = run("token", "--data", data, "--user", "carol", "--doc", "Board minutes").json();
        WopiClient client = new WopiClient(carol.get("wopiSrc").asText(), carol.get("accessToken").asText());
        assertThat(client.fileInfo().get("UserCanWrite").asBoolean()).isTrue();
        assertThat(client.getFile().body()).isEqualTo("minutes".getBytes());
        Result bobEdit = run("token", "--data", data, "--user", "bob", "--doc", "Board minutes", "--permission", "edit");
        assertThat(bobEdit.exitCode()).isEqualTo(1);

        assertThat(run("import", "--data", data, "--file", dir.resolve("missing.docx").toString(), "--owner", "alice")
                .exitCode()).isEqualTo(1);
        Result badGrant = run("import", "--data", data, "--file", main.toString(), "--owner", "alice", "--grant", "bob=admin");
        assertThat(badGrant.exitCode()).isEqualTo(2);
        assertThat(badGrant.err()).contains("A grant is USER=view or USER=edit").doesNotContain("org.wopihost");
        assertThat(run("import", "--data", data, "--file", main.toString(), "--owner", "nobody").exitCode()).isEqualTo(1);
    }

    @Test
    void listPrintsEveryDocumentWithItsFiles() throws Exception {
        Result r = run("list", "--data", HOST.dataDir().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode docs = r.json();
        assertThat(docs.isArray()).isTrue();
        assertThat(docs.findValuesAsText("title")).contains("Quarterly Report", "Budget 2027", "Product Roadmap",
                "Project Kickoff", "WOPI Validator");
        JsonNode project = null;
        for (JsonNode d : docs) {
            if (d.get("title").asText().equals("Project Kickoff")) {
                project = d;
            }
        }
        assertThat(project).isNotNull();
        assertThat(project.get("id").asText()).isEqualTo(HOST.docId("Project Kickoff"));
        assertThat(project.get("files").findValuesAsText("fileName"))
                .containsExactly("Project Brief.docx", "Figures.xlsx", "Kickoff.pptx");
        assertThat(project.get("files").findValuesAsText("xpath"))
                .containsExactly("file:content", "files:files/0/file", "files:files/1/file");
        assertThat(project.get("files").get(0).get("size").asLong()).isPositive();
        String fileId = project.get("files").get(0).get("fileId").asText();
        assertThat(fileId).isEqualTo(HOST.fileId("Project Kickoff"));
        assertThat(project.get("files").get(0).get("wopiSrc").asText()).isEqualTo(HOST.server().url() + "wopi/files/" + fileId);
    }
}
