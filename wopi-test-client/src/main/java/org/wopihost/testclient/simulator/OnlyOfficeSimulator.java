package org.wopihost.testclient.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.wopihost.testclient.WopiClient;
import org.wopihost.testclient.MutableClock;

/**
 * ONLYOFFICE Docs in WOPI mode, as its documentation describes it: it locks with its document key and
 * holds the lock while anyone edits, refreshing it every 10 minutes; it downloads the file with
 * X-WOPI-MaxExpectedSize (its size limit); an empty file (Size 0, a new document) it fills with a blank
 * document of its own, saved under its lock; it saves when the session ends (and on a forced save).
 */
public final class OnlyOfficeSimulator extends EditorSimulator {

    static final Duration REFRESH_LOCK = Duration.ofMinutes(10);
    /** What ONLYOFFICE writes into an empty file: a stand-in for its blank document. */
    public static final String BLANK = "ONLYOFFICE blank document";

    private final String documentKey;
    private final long maxExpectedSize;
    private Instant lastRefresh;
    private HttpResponse<byte[]> download;

    /** @param documentKey its document key, which it uses as the WOPI lock id */
    public OnlyOfficeSimulator(WopiClient client, MutableClock clock, String documentKey, long maxExpectedSize) {
        super(client, clock);
        this.documentKey = documentKey;
        this.maxExpectedSize = maxExpectedSize;
    }

    /** The GetFile answer of {@link #open}: 412 when the file is larger than the maximum expected size. */
    public HttpResponse<byte[]> download() {
        return download;
    }

    @Override
    public HttpResponse<byte[]> open() {
        long size = client.fileInfo().get("Size").asLong();
        HttpResponse<byte[]> lock = client.lock(documentKey);
        lastRefresh = clock.instant();
        download = client.getFile("X-WOPI-MaxExpectedSize", String.valueOf(maxExpectedSize));
        if (download.statusCode() == 200) {
            loaded(download.body());
        }
        if (size == 0 && lock.statusCode() == 200) {
            type(BLANK);
            putFile("new", "X-WOPI-Lock", documentKey);
        }
        return lock;
    }

    @Override
    protected void onTick(Instant now) {
        if (!now.isBefore(lastRefresh.plus(REFRESH_LOCK))) {
            client.refreshLock(documentKey);
            lastRefresh = now;
        }
    }

    /** A forced save (the user's "Save" with forcesave on). */
    public HttpResponse<byte[]> forceSave() {
        return putFile("forcesave", "X-WOPI-Lock", documentKey);
    }

    @Override
    public void close() {
        if (hasUnsavedChanges()) {
            putFile("close", "X-WOPI-Lock", documentKey);
        }
        client.unlock(documentKey);
    }
}
