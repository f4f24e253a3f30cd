package org.wopihost.standalone.seed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * is there for Microsoft's WOPI validator.
 */
public final class Seeder {

    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String VALIDATOR_FILE = "validator.wopitest";

    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

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

        document("Quarterly Report", "Quarterly Report.docx", out -> SampleFiles.writeWordDocument(out,
                "Quarterly Report", List.of("Revenue grew in every region this quarter.",
                        "Edit this document in Office for the web: every save becomes a new version.")));
        document("Budget 2027", "Budget 2027.xlsx", out -> SampleFiles.writeSpreadsheet(out, "Budget",
                List.of("Item", "Q1", "Q2"),
                List.of(List.of("Salaries", 120000, 125000), List.of("Hardware", 15000, 9000),
                        List.of("Travel", 4000, 5500))));
        document("Product Roadmap", "Product Roadmap.pptx", out -> SampleFiles.writePresentation(out,
                "Product Roadmap", List.of("Goals", "Timeline", "Risks")));

        String project = document("Project Kickoff", "Project Brief.docx", out -> SampleFiles.writeWordDocument(out,
                "Project Brief", List.of("Scope, team and milestones of the project.",
                        "The figures and the kickoff slides are attached to this document.")));
        attach(project, "Figures.xlsx", out -> SampleFiles.writeSpreadsheet(out, "Figures",
                List.of("Milestone", "Days"), List.of(List.of("Design", 10), List.of("Build", 30))));
        attach(project, "Kickoff.pptx", out -> SampleFiles.writePresentation(out, "Kickoff",
                List.of("Team", "Plan")));

        // The validator starts from an empty file and creates, renames and deletes files next to it.
        document("WOPI Validator", VALIDATOR_FILE, out -> {
        });
        return true;
    }

    private String document(String title, String fileName, Content content) throws IOException {
        String id = documents.createDocument(title, ALICE);
        documents.grant(id, BOB, Permission.VIEW);
        try (InputStream in = generate(content)) {
            documents.addFile(id, FileRef.MAIN_BLOB, fileName, in, ALICE);
        }
        return id;
    }

    private void attach(String docId, String fileName, Content content) throws IOException {
        try (InputStream in = generate(content)) {
            documents.addFile(docId, documents.nextAttachmentXpath(docId), fileName, in, ALICE);
        }
    }

    /** Samples are a few kilobytes: generating them in memory is fine (user files never are). */
    private static InputStream generate(Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        content.writeTo(out);
        return new ByteArrayInputStream(out.toByteArray());
    }
}
