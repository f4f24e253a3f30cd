package org.wopihost.standalone.seed;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.DataFolder;
import org.wopihost.standalone.store.Documents;
import org.wopihost.standalone.store.Passwords;
import org.wopihost.standalone.store.StandaloneUsers;

/**
 * Fills a new data folder with users and documents to try the host with: alice may read and
 * write everything, bob may only read; one document has attachments; one {@code .wopitest} file
 * is there for Microsoft's WOPI validator. The Office files are those wopi-demo-files generated at
 * build time, so the host carries their bytes and not Apache POI.
 */
public final class Seeder {

    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final String VALIDATOR_FILE = "validator.wopitest";

    /** Where wopi-demo-files keeps the Office files it generated at build time. */
    private static final String DEMO_FILES = "org/wopihost/demofiles/";

    private final Documents documents;
    private final StandaloneUsers users;
    private final Path passwordFile;

    /** @param passwordFile where the seeded users' random passwords are written, readable by the owner only */
    public Seeder(Documents documents, StandaloneUsers users, Path passwordFile) {
        this.documents = documents;
        this.users = users;
        this.passwordFile = passwordFile;
    }

    /** Seeds once in the life of a database, whoever (server or CLI, on any node) opens it first. */
    public boolean seedIfEmpty() throws IOException {
        if (!documents.claimOnce("seeded")) {
            return false;
        }
        documents.createUser(ALICE, "Alice Martin", "alice@example.com");
        documents.createUser(BOB, "Bob Durand", "bob@example.com");
        // Host pages need a login: random passwords, never built-in ones.
        StringBuilder passwords = new StringBuilder("# Passwords of the seeded users; change them or delete this file.\n");
        for (String user : List.of(ALICE, BOB)) {
            String password = Passwords.random();
            users.setPassword(user, password);
            passwords.append(user).append('=').append(password).append('\n');
        }
        DataFolder.writeOwnerOnly(passwordFile, passwords.toString());

        document("Quarterly Report", "Quarterly Report.docx");
        document("Budget 2027", "Budget 2027.xlsx");
        document("Product Roadmap", "Product Roadmap.pptx");
        String project = document("Project Kickoff", "Project Brief.docx");
        attach(project, "Figures.xlsx");
        attach(project, "Kickoff.pptx");

        // The validator starts from an empty file and creates, renames and deletes files next to it.
        String validator = documents.createDocument("WOPI Validator", ALICE);
        documents.grant(validator, BOB, Permission.VIEW);
        documents.addFile(validator, FileRef.MAIN_BLOB, VALIDATOR_FILE, InputStream.nullInputStream(), ALICE);
        return true;
    }

    /** A document of alice's, readable by bob, holding the demo file {@code fileName}. */
    private String document(String title, String fileName) throws IOException {
        String id = documents.createDocument(title, ALICE);
        documents.grant(id, BOB, Permission.VIEW);
        try (InputStream in = demoFile(fileName)) {
            documents.addFile(id, FileRef.MAIN_BLOB, fileName, in, ALICE);
        }
        return id;
    }

    private void attach(String docId, String fileName) throws IOException {
        try (InputStream in = demoFile(fileName)) {
            documents.addFile(docId, documents.nextAttachmentXpath(docId), fileName, in, ALICE);
        }
    }

    /** A file wopi-demo-files generated at build time. */
    private static InputStream demoFile(String fileName) throws IOException {
        InputStream in = Seeder.class.getClassLoader().getResourceAsStream(DEMO_FILES + fileName);
        if (in == null) {
            throw new FileNotFoundException("No demo file " + fileName + " on the class path (wopi-demo-files)");
        }
        return in;
    }
}
