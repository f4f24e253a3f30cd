package org.wopihost.standalone;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.wopihost.config.ConfigKeys;
import org.wopihost.config.UnknownKeys;

/**
 * The standalone host's configuration file: {@code key=value} lines with the keys of
 * {@link org.wopihost.config.ConfigKeys} (the same as in {@code nuxeo.conf}) plus those below.
 */
public final class StandaloneConfig {

    /** A PostgreSQL JDBC URL makes several standalone nodes share documents and locks. */
    public static final String DB_URL = "standalone.db.url";
    public static final String DB_USER = "standalone.db.user";
    public static final String DB_PASSWORD = "standalone.db.password";

    /** How many versions of each file to keep (Office autosaves often); the oldest go first. */
    public static final String VERSIONS_KEPT = "standalone.versions.kept";
    private static final int DEFAULT_VERSIONS_KEPT = 100;

    /** Seconds a connection may stay silent, mid-request or between requests. */
    public static final String HTTP_IDLE_TIMEOUT = "standalone.http.idleTimeout";
    static final int DEFAULT_HTTP_IDLE_TIMEOUT = 30;
    /** Bytes per second a request body must average once it has been arriving for the idle timeout. */
    public static final String HTTP_MIN_UPLOAD_RATE = "standalone.http.minUploadRate";
    static final int DEFAULT_HTTP_MIN_UPLOAD_RATE = 1024;
    /** Requests one client address may have in progress at once (each holds a worker thread); beyond, 503. */
    public static final String HTTP_THREADS_PER_CLIENT = "standalone.http.threadsPerClient";
    static final int DEFAULT_HTTP_THREADS_PER_CLIENT = 50;

    /** Every key the standalone host reads: the engine's and its own. */
    public static final List<String> KEYS = Stream.concat(ConfigKeys.ALL.stream(), Stream.of(DB_URL, DB_USER,
            DB_PASSWORD, VERSIONS_KEPT, HTTP_IDLE_TIMEOUT, HTTP_MIN_UPLOAD_RATE, HTTP_THREADS_PER_CLIENT)).toList();

    private static final UnknownKeys UNKNOWN_KEYS = new UnknownKeys(KEYS, List.of("nuxeo.wopi.", "standalone."));

    private StandaloneConfig() {
    }

    /** A warning for each key of ours that the host does not know, with the key it was likely meant to be. */
    public static List<String> unknownKeys(Map<String, String> config) {
        return UNKNOWN_KEYS.warnings(config.keySet());
    }

    public static int versionsKept(Map<String, String> config) {
        return positive(config, VERSIONS_KEPT, DEFAULT_VERSIONS_KEPT);
    }

    /** A whole number of at least 1, or {@code defaultValue} when the key is not set. */
    public static int positive(Map<String, String> config, String key, int defaultValue) {
        String value = config.getOrDefault(key, "").trim();
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number of at least 1: " + value);
    }

    /** The file's keys and values; no file, no keys. */
    public static Map<String, String> load(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (file == null) {
            return values;
        }
        if (Files.isDirectory(file)) {
            throw new FileNotFoundException(file + " is a folder: --config names a file of key=value lines");
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("No configuration file at " + file.toAbsolutePath()
                    + ": check the --config path (the file is never made for you)");
        }
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));
        return values;
    }
}
