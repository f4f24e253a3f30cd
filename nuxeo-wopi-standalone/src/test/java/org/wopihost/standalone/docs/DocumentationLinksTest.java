package org.wopihost.standalone.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link of the repository's Markdown files (README, docs/, tools/) names a file of the
 * repository itself, so that a fresh clone has everything its documents point at.
 */
class DocumentationLinksTest {

    /** {@code [text](target)} or {@code [text](target "title")}; images too. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent().normalize();
    }

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<Path> documents = markdownFiles(root);
        assertThat(documents).extracting(d -> root.relativize(d).toString())
                .contains("README.md", "docs/ARCHITECTURE.md", "docs/nuxeo-admin.md", "tools/wopi-validator/README.md");
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            Matcher m = LINK.matcher(Files.readString(document));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*") || target.startsWith("#")) {
                    continue; // a URL or an anchor in the same page
                }
                Path file = document.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!file.startsWith(root) || !Files.exists(file)) {
                    broken.add(root.relativize(document) + ": " + target);
                }
            }
        }
        assertThat(broken).as("links that do not resolve in a clone").isEmpty();
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !root.relativize(p).toString().matches("(.*/)?(target|\\.git|node_modules)/.*"))
                    .sorted().toList();
        }
    }
}
