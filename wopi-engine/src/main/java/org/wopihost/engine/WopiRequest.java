package org.wopihost.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** A WOPI request as the web layer parsed it; the engine never sees the transport. */
public interface WopiRequest {

    /** Which URL of a file the request addressed. */
    enum Endpoint {
        /** {@code /wopi/files/{id}} */
        FILE,
        /** {@code /wopi/files/{id}/contents} */
        CONTENTS,
        /** any other sub-path ({@code /ancestry}, {@code /ecosystem_pointer}, ...) that we do not serve */
        OTHER
    }

    /** The HTTP method, upper case. */
    String method();

    Endpoint endpoint();

    /** The file id from the URL path, still encoded. */
    String fileId();

    /** The access token (from the query string or the Authorization header), or null. */
    String accessToken();

    /** A request header; absent and present-but-empty differ for WOPI (X-WOPI-Lock). */
    Optional<String> header(String name);

    /** The declared body length, or -1 when unknown (chunked). */
    long contentLength();

    /** The body, read as a stream. */
    InputStream body() throws IOException;

    /** The full URL the client called, as it signed it for proof keys (scheme, host, path, query). */
    String url();
}
