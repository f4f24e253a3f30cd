package org.wopihost.standalone;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import org.wopihost.config.ConfigKeys;
import org.wopihost.config.WopiSettings;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.standalone.seed.Seeder;
import org.wopihost.standalone.store.BlobFiles;
import org.wopihost.standalone.store.Database;
import org.wopihost.standalone.store.Documents;
import org.wopihost.standalone.store.SqlLockStore;
import org.wopihost.standalone.store.StandaloneFiles;
import org.wopihost.standalone.store.StandalonePermissions;
import org.wopihost.standalone.store.StandaloneUsers;
import org.wopihost.standalone.store.TransactionalLocks;
import org.wopihost.standalone.store.WriteBehindLocks;
import org.wopihost.standalone.token.JwtAccessTokens;

/** The standalone platform: database, blobs and the engine's ports, wired for one data folder. */
public final class StandaloneHost implements AutoCloseable {

    /** Where the standalone host serves WOPI: {@code /wopi/files/{id}}. */
    public static final String WOPI_PATH = "wopi";

    /**
     * Each H2 connection keeps this many parsed statements. H2's default, 8, is fewer than the
     * statements one WOPI session cycles through (token lookups, file, ACL, user info, locks), so
     * every statement was parsed and planned again: a third of a request's database time (JFR).
     */
    static final String H2_QUERY_CACHE = ";QUERY_CACHE_SIZE=64";

    private final DataFolder data;
    private final WopiSettings settings;
    private final Database database;
    private final Documents documents;
    private final StandaloneUsers users;
    private final WopiPlatform platform;
    private final TransactionalLocks locks;

    private StandaloneHost(DataFolder data, WopiSettings settings, Database database, Documents documents,
            StandaloneUsers users, WopiPlatform platform, TransactionalLocks locks) {
        this.locks = locks;
        this.data = data;
        this.settings = settings;
        this.database = database;
        this.documents = documents;
        this.users = users;
        this.platform = platform;
    }

    public StandaloneUsers users() {
        return users;
    }

    /**
     * Opens the data folder, for a process that does not serve it (the CLI): whatever it does to locks
     * goes through the database, where the server sees it.
     *
     * @param defaultUrl the URL to use for {@code nuxeo.url} and {@code nuxeo.wopi.baseURL} when the
     *                   configuration sets neither
     */
    public static StandaloneHost open(DataFolder data, Map<String, String> config, String defaultUrl, Clock clock)
            throws IOException {
        return open(data, config, defaultUrl, clock, false);
    }

    /**
     * Opens the data folder for the server that serves it. With the embedded database, which no other
     * server shares, the locks live in this process ({@link WriteBehindLocks}).
     */
    public static StandaloneHost serve(DataFolder data, Map<String, String> config, String defaultUrl, Clock clock)
            throws IOException {
        return open(data, config, defaultUrl, clock, true);
    }

    private static StandaloneHost open(DataFolder data, Map<String, String> config, String defaultUrl, Clock clock,
            boolean serving) throws IOException {
        WopiSettings settings = WopiSettings.from(config, WOPI_PATH, defaultUrl);
        String secret = config.getOrDefault(ConfigKeys.JWT_SECRET, "");
        if (secret.isBlank()) {
            secret = data.jwtSecret();
        }
        JwtAccessTokens tokens = new JwtAccessTokens(secret, settings.tokenTtl(), clock, WOPI_PATH);
        String dbUrl = config.getOrDefault(StandaloneConfig.DB_URL, "");
        Database database = dbUrl.isBlank()
                ? Database.open(data.h2Url() + H2_QUERY_CACHE, "wopi", data.databasePassword())
                : Database.open(dbUrl, config.get(StandaloneConfig.DB_USER), config.get(StandaloneConfig.DB_PASSWORD));
        BlobFiles blobs = null;
        TransactionalLocks locks = null;
        try {
            blobs = new BlobFiles(data.root());
            Documents documents = new Documents(database, blobs, clock);
            StandaloneUsers users = new StandaloneUsers(database);
            // The first use of a data folder, by the server or the CLI, seeds it.
            new Seeder(documents, users, data.initialPasswords()).seedIfEmpty();
            locks = serving && dbUrl.isBlank()
                    ? WriteBehindLocks.open(database, clock)
                    : new SqlLockStore(database, clock);
            WopiPlatform platform = new WopiPlatform(tokens, users, new StandalonePermissions(database),
                    new StandaloneFiles(documents, locks, StandaloneConfig.versionsKept(config)), locks);
            return new StandaloneHost(data, settings, database, documents, users, platform, locks);
        } catch (IOException | RuntimeException e) {
            if (locks != null) {
                locks.close();
            }
            if (blobs != null) {
                blobs.close();
            }
            database.close();
            throw e;
        }
    }

    public DataFolder data() {
        return data;
    }

    public WopiSettings settings() {
        return settings;
    }

    public Documents documents() {
        return documents;
    }

    public WopiPlatform platform() {
        return platform;
    }

    @Override
    public void close() {
        try {
            locks.close(); // writes the last changes while the database is open
        } finally {
            closeStorage();
        }
    }

    private void closeStorage() {
        try {
            database.close();
        } finally {
            documents.blobs().close();
        }
    }
}
