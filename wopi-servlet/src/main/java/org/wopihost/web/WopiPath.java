package org.wopihost.web;

import java.util.Optional;
import java.util.Set;

import org.wopihost.engine.WopiRequest.Endpoint;

/**
 * The file id and endpoint in a WOPI path info: {@code /files/{id}}, {@code /files/{id}/contents}, or
 * one of the spec's file endpoints we do not serve.
 */
record WopiPath(String fileId, Endpoint endpoint) {

    /** The file endpoints of the WOPI spec that we do not serve (EnumerateAncestors, GetEcosystem). */
    private static final Set<String> NOT_SERVED = Set.of("ancestry", "ecosystem_pointer");

    static Optional<WopiPath> parse(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/files/")) {
            return Optional.empty();
        }
        String rest = pathInfo.substring("/files/".length());
        int slash = rest.indexOf('/');
        String fileId = slash < 0 ? rest : rest.substring(0, slash);
        if (fileId.isEmpty()) {
            return Optional.empty();
        }
        if (slash < 0) {
            return Optional.of(new WopiPath(fileId, Endpoint.FILE));
        }
        String sub = rest.substring(slash + 1);
        if (sub.equals("contents")) {
            return Optional.of(new WopiPath(fileId, Endpoint.CONTENTS));
        }
        // WOPI's other file endpoints are answered 501 by the engine; any other path is none of WOPI's.
        return NOT_SERVED.contains(sub) ? Optional.of(new WopiPath(fileId, Endpoint.OTHER)) : Optional.empty();
    }
}
