package org.wopihost.web;

import java.util.Optional;

import org.wopihost.engine.WopiRequest.Endpoint;

/** The file id and endpoint in a WOPI path info: {@code /files/{id}} or {@code /files/{id}/contents}. */
record WopiPath(String fileId, Endpoint endpoint) {

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
        return Optional.of(new WopiPath(fileId, sub.equals("contents") ? Endpoint.CONTENTS : Endpoint.OTHER));
    }
}
