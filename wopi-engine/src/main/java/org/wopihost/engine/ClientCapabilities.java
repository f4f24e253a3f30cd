package org.wopihost.engine;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a WOPI client says of itself at its capabilities endpoint (Collabora Online's
 * {@code /hosting/capabilities}, which discovery names and {@code DiscoveryClient} reads): its product
 * and version, and which optional CheckFileInfo properties it reads.
 *
 * @param productName    e.g. "Collabora Online Development Edition"; empty when not given
 * @param productVersion e.g. "24.04.5.2"; empty when not given
 * @param templateSource whether it fills an empty file from CheckFileInfo's TemplateSource
 */
public record ClientCapabilities(String productName, String productVersion, boolean templateSource) {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCapabilities.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unreadable JSON is no capabilities: the host then assumes the client reads what it is sent. */
    static Optional<ClientCapabilities> parse(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new ClientCapabilities(root.path("productName").asText(""),
                    root.path("productVersion").asText(""), root.path("hasTemplateSource").asBoolean(false)));
        } catch (IOException e) {
            LOG.warn("The WOPI client's capabilities are not JSON: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The capabilities in the documents {@code source} gives (the client's answers, as fetched), parsed
     * once per document rather than at every CheckFileInfo.
     */
    static Supplier<Optional<ClientCapabilities>> readFrom(Supplier<Optional<byte[]>> source) {
        return new Supplier<>() {
            private byte[] parsedFrom;
            private Optional<ClientCapabilities> parsed = Optional.empty();

            @Override
            public synchronized Optional<ClientCapabilities> get() {
                byte[] json = source.get().orElse(null);
                if (json != parsedFrom) {
                    parsed = json == null ? Optional.empty() : parse(json);
                    parsed.ifPresent(c -> LOG.info("WOPI client: {} {}", c.productName(), c.productVersion()));
                    parsedFrom = json;
                }
                return parsed;
            }
        };
    }
}
