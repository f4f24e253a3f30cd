package org.wopihost.testclient.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.wopihost.testclient.WopiClient;
import org.wopihost.testclient.MutableClock;

/**
 * Collabora Online (coolwsd), as its WopiStorage behaves: a random lock token, LOCK again every 900 s
 * to keep it, the LastModifiedTime it loaded sent back with every save as X-COOL-WOPI-Timestamp (and
 * replaced by the one each save answers), an autosave once the user has been idle 30 s and at the latest
 * every 5 minutes, an exit save on close, each marked IsAutosave, IsExitSave and IsModifiedByUser. A
 * 409 with COOLStatusCode 1010 ("document changed in storage") is recorded; the user then chooses
 * {@link #overwrite} (a save without timestamp) or to reload.
 */
public final class CollaboraSimulator extends EditorSimulator {

    static final Duration RELOCK = Duration.ofSeconds(900);
    static final Duration IDLE_SAVE = Duration.ofSeconds(30);
    static final Duration AUTOSAVE = Duration.ofMinutes(5);

    private final String lockToken = UUID.randomUUID().toString();
    private final List<HttpResponse<byte[]>> conflicts = new ArrayList<>();
    private String timestamp;
    private Instant lastLock;
    private boolean changedInStorage;

    public CollaboraSimulator(WopiClient client, MutableClock clock) {
        super(client, clock);
    }

    public String lockToken() {
        return lockToken;
    }

    /** The saves the host refused as "changed in storage" (1010), with their bodies. */
    public List<HttpResponse<byte[]>> conflicts() {
        return conflicts;
    }

    @Override
    public HttpResponse<byte[]> open() {
        timestamp = client.fileInfo().get("LastModifiedTime").asText();
        loaded(client.getFile().body());
        lastLock = clock.instant();
        return client.lock(lockToken);
    }

    @Override
    protected void onTick(Instant now) {
        if (!now.isBefore(lastLock.plus(RELOCK))) {
            client.lock(lockToken);
            lastLock = now;
        }
        boolean idle = lastEdit() != null && !now.isBefore(lastEdit().plus(IDLE_SAVE));
        boolean due = !now.isBefore(lastSave().plus(AUTOSAVE));
        if (hasUnsavedChanges() && !changedInStorage && (idle || due)) {
            save("autosave", true, false, true);
        }
    }

    /** The user's explicit save (Ctrl+S). */
    public HttpResponse<byte[]> saveNow() {
        return save("save", false, false, true);
    }

    /** After a 1010, the user chose to overwrite: the save goes without a timestamp. */
    public HttpResponse<byte[]> overwrite() {
        changedInStorage = false;
        return save("overwrite", false, false, false);
    }

    @Override
    public void close() {
        if (hasUnsavedChanges() && !changedInStorage) {
            save("exit", false, true, true);
        }
        client.unlock(lockToken);
    }

    private HttpResponse<byte[]> save(String kind, boolean autosave, boolean exit, boolean withTimestamp) {
        List<String> headers = new ArrayList<>(List.of("X-WOPI-Lock", lockToken,
                "X-COOL-WOPI-IsModifiedByUser", String.valueOf(hasUnsavedChanges()),
                "X-COOL-WOPI-IsAutosave", String.valueOf(autosave),
                "X-COOL-WOPI-IsExitSave", String.valueOf(exit)));
        if (withTimestamp) {
            headers.addAll(List.of("X-COOL-WOPI-Timestamp", timestamp));
        }
        HttpResponse<byte[]> r = putFile(kind, headers.toArray(String[]::new));
        if (r.statusCode() == 200) {
            timestamp = WopiClient.json(r).get("LastModifiedTime").asText();
        } else if (r.statusCode() == 409 && r.body().length > 0
                && WopiClient.json(r).path("COOLStatusCode").asInt() == 1010) {
            conflicts.add(r);
            changedInStorage = true;
        }
        return r;
    }
}
