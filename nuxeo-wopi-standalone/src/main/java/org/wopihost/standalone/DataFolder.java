package org.wopihost.standalone;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.wopihost.io.AtomicFiles;
import org.wopihost.standalone.store.BlobFiles;
import org.wopihost.standalone.store.ProcessLock;

/**
 * The standalone host's data folder: database, blobs, the generated secrets and the URL of the
 * running server (so the CLI can print a WOPISrc the server answers to).
 */
public final class DataFolder {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SERVER_URL = "server-url";

    private final Path root;

    /** The data folder at {@code root}, created if missing: what the server does. */
    public DataFolder(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    /**
     * The data folder at {@code root}, which a server has started on already: the command line never
     * makes one, so that a mistyped path is an error and not a new, empty host.
     *
     * @throws FileNotFoundException naming the folder, when it is missing or no data folder
     */
    public static DataFolder existing(Path root) throws IOException {
        Path folder = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder.resolve(BlobFiles.FOLDER))) {
            throw new FileNotFoundException("No data folder at " + folder
                    + " (only the server makes one: java -jar nuxeo-wopi-standalone.jar --data " + root + ")");
        }
        return new DataFolder(folder);
    }

    public Path root() {
        return root;
    }

    /**
     * The embedded database, reachable by the CLI while the server runs (H2 mixed mode). The
     * mixed-mode server listens on loopback only: H2 reads its bind address once, before it opens
     * any database, from this system property.
     */
    public String h2Url() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        // Lock waits are short-lived (one row, one statement): wait rather than fail under a burst.
        return "jdbc:h2:file:" + root.resolve("db").resolve("wopi") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
    }

    /** The JWT secret made for this data folder when none is configured: 64 random bytes. */
    public String jwtSecret() throws IOException {
        return secret("jwt-secret", 64);
    }

    /** The embedded database's password, so its mixed-mode port is no open door. */
    public String databasePassword() throws IOException {
        return secret("db-password", 32);
    }

    /** Where the passwords given to the seeded users are written once, for their owner only. */
    public Path initialPasswords() {
        return root.resolve("initial-passwords");
    }

    /** Writes a file only its owner may read (secrets, passwords), replacing it in one step. */
    public static void writeOwnerOnly(Path file, String content) throws IOException {
        AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The URL of a server running on this folder: the last one started, while it runs. A server that
     * stopped removes it; one that died leaves it, so its process is checked.
     */
    public Optional<String> serverUrl() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(SERVER_URL), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        boolean running = lines.size() >= 2 && BlobFiles.isRunning(root, lines.get(1).trim());
        return running ? Optional.of(lines.get(0).trim()) : Optional.empty();
    }

    /** Publishes the URL of the server of process {@code processId} (see {@link BlobFiles#processId}). */
    public void writeServerUrl(String url, String processId) throws IOException {
        AtomicFiles.write(root.resolve(SERVER_URL), (url + "\n" + processId + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Removes the published URL when it is that of process {@code processId}'s server. */
    public void removeServerUrl(String processId) throws IOException {
        Path file = root.resolve(SERVER_URL);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() >= 2 && lines.get(1).trim().equals(processId)) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // gone already
        }
    }

    /**
     * Claims the embedded database for this process's server: its H2 file serves one server, which
     * the command line joins. Held until closed; released by the system if the process dies.
     *
     * @throws IllegalStateException naming the folder, when another server runs on it
     */
    public ProcessLock claimEmbeddedDatabase() throws IOException {
        return ProcessLock.tryTake(root.resolve("server.lock")).orElseThrow(() -> new IllegalStateException(
                "Another server is running on the data folder " + root + ": its embedded H2 database serves one"
                        + " server. Stop it first, or give every server one PostgreSQL database (standalone.db.url)"
                        + " to run several nodes on one data folder."));
    }

    /** Reads a secret file, creating it once, readable by the owner only. */
    private String secret(String name, int bytes) throws IOException {
        Path file = root.resolve(name);
        if (!Files.exists(file)) {
            byte[] random = new byte[bytes];
            RANDOM.nextBytes(random);
            Path tmp = temporary(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            try {
                // A hard link is created whole or not at all, and never over an existing file: when two
                // processes start on a new folder together, the first secret wins and both read it.
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // another process made it first
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    /**
     * A new file next to {@code file}, of a name of its own, holding {@code content}. Temporary files
     * are created readable by their owner only (rw------- on POSIX), which the secrets need.
     */
    private static Path temporary(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            return tmp;
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
