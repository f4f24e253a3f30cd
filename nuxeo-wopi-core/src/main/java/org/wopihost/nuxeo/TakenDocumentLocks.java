package org.wopihost.nuxeo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.nuxeo.runtime.kv.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Nuxeo document locks our binding took for WOPI sessions: who owns each and for which WOPI file id,
 * so that we release only those, and so that the expiry job finds them. All in one entry of the store
 * ({@value #KEY}), changed by compare-and-set: the job reads one key when there is nothing to expire, and
 * any node of a cluster may change it. One line per locked document, so it stays as small as the number
 * of documents being edited in Office at the time.
 */
final class TakenDocumentLocks {

    static final String KEY = "doclocks";

    private static final Logger LOG = LoggerFactory.getLogger(TakenDocumentLocks.class);
    /** Changes lose only to concurrent Lock/Unlock calls on other documents; this many settles any burst. */
    private static final int ATTEMPTS = 50;

    /** The Nuxeo lock of a document, taken as {@code owner} for the WOPI lock of {@code fileId}. */
    record Taken(String repository, String documentId, String owner, String fileId) {

        boolean isOf(String repo, String docId) {
            return repository.equals(repo) && documentId.equals(docId);
        }

        private String encode() {
            return String.join(" ", repository, documentId, URLEncoder.encode(owner, StandardCharsets.UTF_8), fileId);
        }

        private static Optional<Taken> decode(String line) {
            String[] f = line.split(" ");
            return f.length == 4
                    ? Optional.of(new Taken(f[0], f[1], URLDecoder.decode(f[2], StandardCharsets.UTF_8), f[3]))
                    : Optional.empty();
        }
    }

    private final KeyValueStore store;

    TakenDocumentLocks(KeyValueStore store) {
        this.store = store;
    }

    List<Taken> all() {
        return decode(store.getString(KEY));
    }

    Optional<Taken> find(String repository, String documentId) {
        return all().stream().filter(t -> t.isOf(repository, documentId)).findFirst();
    }

    /** Records {@code taken}, in place of any record of the same document. */
    void add(Taken taken) {
        update(all -> {
            List<Taken> next = without(all, taken.repository(), taken.documentId());
            next.add(taken);
            return next;
        });
    }

    /** Removes exactly {@code taken}; false when it was not recorded (any more). */
    boolean remove(Taken taken) {
        return update(all -> {
            List<Taken> next = new ArrayList<>(all);
            next.remove(taken);
            return next;
        });
    }

    /** Forgets the record of a document, whichever it is. */
    void forget(String repository, String documentId) {
        update(all -> without(all, repository, documentId));
    }

    /** Applies {@code change} by compare-and-set; false when it changed nothing. */
    private boolean update(UnaryOperator<List<Taken>> change) {
        for (int i = 0; i < ATTEMPTS; i++) {
            String stored = store.getString(KEY);
            List<Taken> before = decode(stored);
            List<Taken> after = change.apply(before);
            if (after.equals(before)) {
                return false;
            }
            if (store.compareAndSet(KEY, stored, after.isEmpty() ? null : encode(after))) {
                return true;
            }
        }
        LOG.warn("Could not record a change of the Nuxeo locks taken for WOPI sessions: too many concurrent changes");
        return false;
    }

    private static List<Taken> without(List<Taken> all, String repository, String documentId) {
        List<Taken> next = new ArrayList<>(all);
        next.removeIf(t -> t.isOf(repository, documentId));
        return next;
    }

    private static List<Taken> decode(String stored) {
        List<Taken> all = new ArrayList<>();
        if (stored != null) {
            stored.lines().map(Taken::decode).flatMap(Optional::stream).forEach(all::add);
        }
        return all;
    }

    private static String encode(List<Taken> all) {
        return String.join("\n", all.stream().map(Taken::encode).toList());
    }
}
