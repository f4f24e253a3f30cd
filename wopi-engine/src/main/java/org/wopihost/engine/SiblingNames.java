package org.wopihost.engine;

import java.util.Optional;

import org.wopihost.spi.FileRef;
import org.wopihost.spi.Files;

/** Free file names next to a file: the name itself, else "Name (1).ext", "Name (2).ext", ... */
final class SiblingNames {

    /** How many numbered alternatives are tried before giving up. */
    static final int MAX_SUFFIX = 1000;

    private SiblingNames() {
    }

    /**
     * {@code name}, or the first numbered variant that no file next to {@code near} has, except
     * {@code self} (a file may keep its own name); empty when all are taken.
     */
    static Optional<String> free(Files files, FileRef near, String name, FileRef self) {
        String candidate = name;
        for (int n = 1; isTaken(files, near, candidate, self); n++) {
            if (n > MAX_SUFFIX) {
                return Optional.empty();
            }
            candidate = FileNames.numbered(name, n);
        }
        return Optional.of(candidate);
    }

    private static boolean isTaken(Files files, FileRef near, String name, FileRef self) {
        return files.findSibling(near, name).filter(other -> !other.equals(self)).isPresent();
    }
}
