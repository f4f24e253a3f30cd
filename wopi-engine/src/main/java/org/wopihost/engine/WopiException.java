package org.wopihost.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ends a request with a WOPI error status and the headers the spec asks for with it. The message
 * goes to the log only: error bodies tell the client nothing it could use against us. It is an answer,
 * not a fault, so it has no stack trace: filling one in cost a rejected request more than its answer
 * (a 409 to a lock conflict is everyday traffic).
 */
public class WopiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private transient Map<String, Object> body;

    public WopiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static WopiException badRequest(String message) {
        return new WopiException(400, message);
    }

    public static WopiException unauthorized(String message) {
        return new WopiException(401, message);
    }

    public static WopiException notFound(String message) {
        return new WopiException(404, message);
    }

    public static WopiException notImplemented(String message) {
        return new WopiException(501, message);
    }

    /** 409 with the current lock id, the empty string when the file is unlocked. */
    public static WopiException lockMismatch(String currentLock, String reason) {
        return new WopiException(409, reason)
                .with(WopiHeaders.LOCK, currentLock == null ? "" : currentLock)
                .with(WopiHeaders.LOCK_FAILURE_REASON, reason);
    }

    public WopiException with(String header, String value) {
        headers.put(header, value);
        return this;
    }

    /**
     * A JSON body for the client, for the few errors whose body a client reads (Collabora's
     * {@code COOLStatusCode}, the conflict copy of a refused save).
     */
    public WopiException withBody(Map<String, Object> fields) {
        this.body = fields;
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public WopiResponse toResponse() {
        WopiResponse response = body == null ? WopiResponse.status(status)
                : WopiResponse.body(status, JsonBody.of(body));
        headers.forEach(response::header);
        return response;
    }
}
