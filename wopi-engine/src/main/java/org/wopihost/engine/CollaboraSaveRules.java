package org.wopihost.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.wopihost.spi.FileInfo;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.Users;
import org.wopihost.spi.WopiUser;
import org.wopihost.spi.WriteCondition;
import org.wopihost.spi.WriteRefusedException;

/**
 * Collabora Online's extensions to PutFile. Collabora sends back the LastModifiedTime it loaded as
 * {@code X-COOL-WOPI-Timestamp} and expects a 409 with {@code {"COOLStatusCode":1010}} when the file
 * changed since (it then offers the user to overwrite, which it does without the header), and
 * {@code {"LastModifiedTime": ...}} after a save, for its next one. It marks autosaves, exit saves and
 * saves without user changes. Older releases use {@code X-LOOL-} for {@code X-COOL-}.
 */
final class CollaboraSaveRules {

    static final String TIMESTAMP = "X-COOL-WOPI-Timestamp";
    static final String IS_MODIFIED_BY_USER = "X-COOL-WOPI-IsModifiedByUser";
    static final String IS_AUTOSAVE = "X-COOL-WOPI-IsAutosave";
    /** Office's and Collabora's list of the users whose changes a save carries, comma separated. */
    static final String EDITORS = "X-WOPI-Editors";
    /** Collabora's status code for "the document changed in storage". */
    static final int DOC_CHANGED = 1010;
    /** More co-authors than this in one save is no real session: the rest are not credited. */
    private static final int MAX_CO_AUTHORS = 50;

    private final Users users;

    CollaboraSaveRules(Users users) {
        this.users = users;
    }

    /**
     * LastModifiedTime as CheckFileInfo and PutFile report it: one format for both, so that the
     * timestamp Collabora sends back is exactly one we wrote.
     */
    static String lastModifiedTime(FileInfo info) {
        return info.lastModified().toString();
    }

    /**
     * Whether a save is a version of its own: not an autosave, not a save without user changes. An
     * exit save (not an autosave) is one when it carries user changes. A client that says nothing
     * (Office, ONLYOFFICE) gets a version per save.
     */
    static boolean newVersion(WopiRequest request) {
        if (flag(request, IS_AUTOSAVE).orElse(false)) {
            return false;
        }
        return flag(request, IS_MODIFIED_BY_USER).orElse(true);
    }

    /** The known users other than the saver named by X-WOPI-Editors, in order, each once. */
    List<String> coAuthors(WopiRequest request, WopiUser saver) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : request.header(EDITORS).orElse("").split(",")) {
            String trimmed = id.trim();
            if (!trimmed.isEmpty() && !trimmed.equals(saver.id()) && ids.size() < MAX_CO_AUTHORS) {
                ids.add(trimmed);
            }
        }
        List<String> known = new ArrayList<>();
        for (String id : ids) {
            if (users.find(id).isPresent()) {
                known.add(id);
            }
        }
        return known;
    }

    /**
     * {@code lockUnchanged}, then, when the request carries a timestamp, that the file's
     * LastModifiedTime is still that one: both checked at the same point of the write, with the
     * file's metadata as the store reads it there.
     */
    static WriteCondition condition(WopiRequest request, WriteCondition lockUnchanged, Optional<String> lockSeen) {
        Optional<String> loaded = timestamp(request);
        if (loaded.isEmpty()) {
            return lockUnchanged;
        }
        return new WriteCondition() {
            @Override
            public void check(Optional<LockInfo> lockNow) throws WriteRefusedException {
                lockUnchanged.check(lockNow);
            }

            @Override
            public void check(Optional<LockInfo> lockNow, FileInfo current) throws WriteRefusedException {
                lockUnchanged.check(lockNow, current);
                if (!sameInstant(loaded.get(), current.lastModified())) {
                    throw new FileChangedException(lockSeen.orElse(""), loaded.get(), lastModifiedTime(current));
                }
            }
        };
    }

    private static Optional<String> timestamp(WopiRequest request) {
        return request.header(TIMESTAMP).or(() -> request.header(legacy(TIMESTAMP)))
                .map(String::trim).filter(v -> !v.isEmpty());
    }

    /** An unparsable timestamp matches nothing: better a conflict copy than an overwrite. */
    private static boolean sameInstant(String timestamp, Instant lastModified) {
        try {
            return Instant.parse(timestamp).equals(lastModified);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Optional<Boolean> flag(WopiRequest request, String header) {
        return request.header(header).or(() -> request.header(legacy(header)))
                .map(v -> v.trim().toLowerCase(Locale.ROOT).equals("true"));
    }

    private static String legacy(String header) {
        return header.replace("X-COOL-", "X-LOOL-");
    }

    /** The file changed since the LastModifiedTime the client loaded: Collabora's 1010. */
    static final class FileChangedException extends WriteRefusedException {
        private static final long serialVersionUID = 1L;

        FileChangedException(String currentLock, String loaded, String now) {
            super(currentLock, "The file changed since the client loaded it (" + loaded + ", now " + now + ")");
        }
    }
}
