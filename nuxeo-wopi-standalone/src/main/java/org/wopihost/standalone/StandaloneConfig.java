package org.wopihost.standalone;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

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
    public static final int DEFAULT_VERSIONS_KEPT = 100;

    private StandaloneConfig() {
    }

    public static int versionsKept(Map<String, String> config) {
        String value = config.getOrDefault(VERSIONS_KEPT, "").trim();
        if (value.isEmpty()) {
            return DEFAULT_VERSIONS_KEPT;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(VERSIONS_KEPT + " must be a whole number of at least 1: " + value);
    }

    /** The file's keys and values; no file, no keys. */
    public static Map<String, String> load(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (file == null) {
            return values;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));
        return values;
    }
}
