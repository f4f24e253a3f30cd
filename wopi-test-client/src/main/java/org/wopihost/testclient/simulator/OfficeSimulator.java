package org.wopihost.testclient.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.wopihost.testclient.WopiClient;
import org.wopihost.testclient.MutableClock;

/**
 * Office for the web, as Microsoft documents it to hosts: a lock id of its own, autosaves every 30 s
 * (Word), 60 s (PowerPoint) or 2 min (Excel) while there are changes, the lock refreshed within 15
 * minutes, CheckFileInfo again every 5 minutes; a second session that finds the file locked by
 * another lock id gets 409 with the current lock, and does not edit.
 */
public final class OfficeSimulator extends EditorSimulator {

    /** The Office applications and their autosave cadence. */
    public enum App {
        WORD(Duration.ofSeconds(30)), POWERPOINT(Duration.ofSeconds(60)), EXCEL(Duration.ofMinutes(2));

        final Duration autosave;

        App(Duration autosave) {
            this.autosave = autosave;
        }
    }

    static final Duration REFRESH_LOCK = Duration.ofMinutes(15);
    static final Duration CHECK_FILE_INFO = Duration.ofMinutes(5);

    private final App app;
    private final String lockId = "{\"S\":\"" + UUID.randomUUID() + "\",\"F\":4}";
    private Instant lastRefresh;
    private Instant lastInfo;
    private boolean editing;

    public OfficeSimulator(WopiClient client, MutableClock clock, App app) {
        super(client, clock);
        this.app = app;
    }

    public String lockId() {
        return lockId;
    }

    /** Whether this session holds the lock and edits (a second session on a locked file only views). */
    public boolean isEditing() {
        return editing;
    }

    @Override
    public HttpResponse<byte[]> open() {
        client.fileInfo();
        loaded(client.getFile().body());
        HttpResponse<byte[]> lock = client.lock(lockId);
        editing = lock.statusCode() == 200;
        lastRefresh = clock.instant();
        lastInfo = clock.instant();
        return lock;
    }

    @Override
    protected void onTick(Instant now) {
        if (!editing) {
            return;
        }
        if (hasUnsavedChanges() && !now.isBefore(lastSave().plus(app.autosave))) {
            putFile("autosave", "X-WOPI-Lock", lockId);
        }
        if (!now.isBefore(lastRefresh.plus(REFRESH_LOCK))) {
            client.refreshLock(lockId);
            lastRefresh = now;
        }
        if (!now.isBefore(lastInfo.plus(CHECK_FILE_INFO))) {
            client.fileInfo();
            lastInfo = now;
        }
    }

    @Override
    public void close() {
        if (!editing) {
            return;
        }
        if (hasUnsavedChanges()) {
            putFile("close", "X-WOPI-Lock", lockId);
        }
        client.unlock(lockId);
        editing = false;
    }
}
