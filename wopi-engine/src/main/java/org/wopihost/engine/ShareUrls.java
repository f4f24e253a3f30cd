package org.wopihost.engine;

import static org.wopihost.spi.Permission.VIEW;

import java.util.List;
import java.util.Map;

/** GetShareUrl: a link to our host page that others with access to the document can open. */
final class ShareUrls {

    static final String READ_ONLY = "ReadOnly";
    static final String READ_WRITE = "ReadWrite";
    static final List<String> TYPES = List.of(READ_ONLY, READ_WRITE);

    private ShareUrls() {
    }

    /** @param hostPages whether the host serves host pages; without them GetShareUrl is not supported */
    static Operation operation(HostLinks links, boolean hostPages) {
        return Operation.of(VIEW, (file, request) -> {
            if (!hostPages) {
                throw WopiException.notImplemented("No host pages to share");
            }
            String type = request.header(WopiHeaders.URL_TYPE).orElse("");
            String action = switch (type) {
                case READ_ONLY -> "view";
                case READ_WRITE -> "edit";
                default -> throw WopiException.notImplemented("Unsupported share URL type: " + type);
            };
            return WopiResponse.body(200, JsonBody.of(Map.of("ShareUrl", links.hostPage(action, file.fileId()))));
        });
    }
}
