package org.wopihost.testclient.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.wopihost.testclient.WopiClient;
import org.wopihost.testclient.MutableClock;

/**
 * A WOPI client's editing session, as one client documents it, over real HTTP with {@link WopiClient}
 * and on {@link MutableClock} time: the user types, time passes, the client saves, refreshes its
 * lock and closes on its own schedule. Every save is recorded with what it sent and what the host
 * answered, so that a test can check that no content was lost.
 */
public abstract class EditorSimulator {

    /** One PutFile: when, what kind of save, the bytes sent, and the host's answer. */
    public record Save(Instant at, String kind, byte[] content, HttpResponse<byte[]> response) {
        public int status() {
            return response.statusCode();
        }

        public String text() {
            return new String(content, UTF_8);
        }
    }

    private static final Duration TICK = Duration.ofSeconds(1);

    protected final WopiClient client;
    protected final MutableClock clock;
    private final List<Save> saves = new ArrayList<>();
    private byte[] document = new byte[0];
    private boolean dirty;
    private Instant lastEdit;
    private Instant lastSave;

    protected EditorSimulator(WopiClient client, MutableClock clock) {
        this.client = client;
        this.clock = clock;
        this.lastSave = clock.instant();
    }

    /** Opens the file: the client's first requests. Returns the LOCK answer. */
    public abstract HttpResponse<byte[]> open();

    /** Ends the session: the client's last save, if changes are unsaved, and its unlock. */
    public abstract void close();

    /** What the client does when {@code now} has come: its timed saves and lock refreshes. */
    protected abstract void onTick(Instant now);

    /** The user replaces the document's text. */
    public void type(String text) {
        document = text.getBytes(UTF_8);
        dirty = true;
        lastEdit = clock.instant();
    }

    /** Lets {@code duration} of simulated time pass, a second at a time, the client acting when due. */
    public void advance(Duration duration) {
        for (Duration left = duration; !left.isNegative() && !left.isZero(); left = left.minus(TICK)) {
            clock.advance(TICK);
            onTick(clock.instant());
        }
    }

    /** The user types {@code texts} one after the other, {@code pause} apart. */
    public void typeEach(List<String> texts, Duration pause) {
        for (String text : texts) {
            type(text);
            advance(pause);
        }
    }

    public List<Save> saves() {
        return Collections.unmodifiableList(saves);
    }

    /** The text the user sees in the editor. */
    public String text() {
        return new String(document, UTF_8);
    }

    public boolean hasUnsavedChanges() {
        return dirty;
    }

    protected byte[] document() {
        return document;
    }

    /** The editor's content replaced by the file's (after GetFile), nothing unsaved. */
    protected void loaded(byte[] content) {
        document = content;
        dirty = false;
    }

    protected Instant lastEdit() {
        return lastEdit;
    }

    protected Instant lastSave() {
        return lastSave;
    }

    /** Sends the document with PutFile and these headers, recording the outcome. */
    protected HttpResponse<byte[]> putFile(String kind, String... headers) {
        byte[] sent = document;
        HttpResponse<byte[]> r = client.putFile(sent, headers);
        saves.add(new Save(clock.instant(), kind, sent, r));
        lastSave = clock.instant();
        if (r.statusCode() == 200) {
            dirty = false;
        }
        return r;
    }

    protected static String header(HttpResponse<?> r, String name) {
        return WopiClient.header(r, name);
    }
}
