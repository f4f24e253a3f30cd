package org.wopihost.web;

import java.util.Optional;
import java.util.stream.Collectors;

import org.wopihost.config.ConfigKeys;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.discovery.DiscoveryUnavailableException;

/**
 * Whether the WOPI client can be used, said for people (the start banner, the document list): its
 * discovery and how many applications it offers, or why there is none. Without discovery no View or
 * Edit action is offered, rather than a link that ends on an error.
 *
 * @param discovery the client's discovery, when loaded
 * @param summary   one sentence: loaded (how many applications) or why not
 */
public record WopiClientStatus(Optional<DiscoveryDocument> discovery, String summary) {

    private static final int NAMES_SHOWN = 4;

    /** No client configured. */
    public static WopiClientStatus none() {
        return new WopiClientStatus(Optional.empty(), "No WOPI client is configured (" + ConfigKeys.DISCOVERY_URL
                + "): the WOPI endpoints serve clients that get their tokens elsewhere; no View or Edit here.");
    }

    /** The client's state now; loads discovery when it has not been yet. */
    public static WopiClientStatus of(DiscoveryClient client, String discoveryUrl) {
        try {
            DiscoveryDocument doc = client.current();
            int apps = doc.apps().size();
            String names = doc.apps().stream().limit(NAMES_SHOWN).map(app -> app.name())
                    .collect(Collectors.joining(", ")) + (apps > NAMES_SHOWN ? ", ..." : "");
            return new WopiClientStatus(Optional.of(doc), "WOPI client: discovery loaded from " + discoveryUrl + ", "
                    + apps + (apps == 1 ? " application" : " applications") + " (" + names + ").");
        } catch (DiscoveryUnavailableException e) {
            return new WopiClientStatus(Optional.empty(), "WOPI client unavailable: no discovery from " + discoveryUrl
                    + " (" + cause(e) + "). View and Edit are offered again once it loads.");
        }
    }

    /** What went wrong fetching, rather than that the disk copy was missing too. */
    private static String cause(DiscoveryUnavailableException e) {
        Throwable cause = e.getCause();
        if (cause != null && cause.getSuppressed().length > 0) {
            return cause.getSuppressed()[0].getMessage();
        }
        return cause != null ? cause.getMessage() : e.getMessage();
    }
}
