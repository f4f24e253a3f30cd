package org.wopihost.testclient.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration key table of a Markdown document (README, docs/nuxeo-admin.md), as tests read it to
 * check it against the keys the code reads: {@code | `key` | default | meaning |} rows, several keys
 * in one cell allowed ({@code `a`, `b`}).
 */
public final class KeyTable {

    private static final Pattern KEY = Pattern.compile("`([a-zA-Z][\\w.]*)`");

    private KeyTable() {
    }

    /** The repository root: the parent of the module the test runs in. */
    public static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent().normalize();
    }

    /** Key -> its default cell, from the first table under the heading {@code ## heading}. */
    public static Map<String, String> read(Path markdown, String heading) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        int start = lines.indexOf("## " + heading);
        if (start < 0) {
            throw new AssertionError("no section \"## " + heading + "\" in " + markdown);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ") || inTable && !line.startsWith("|")) {
                break;
            }
            if (!line.startsWith("|") || line.matches("\\|\\s*-+.*") || line.toLowerCase().startsWith("| key")) {
                continue;
            }
            inTable = true;
            String[] cells = line.split("\\|");
            Matcher m = KEY.matcher(cells[1]);
            while (m.find()) {
                keys.put(m.group(1), cells[2].trim());
            }
        }
        return keys;
    }
}
