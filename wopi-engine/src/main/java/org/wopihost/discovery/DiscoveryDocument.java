package org.wopihost.discovery;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.wopihost.proof.ProofKeys;

/**
 * A parsed WOPI discovery document: the apps and actions of one net zone, and the proof keys.
 * Immutable and thread-safe.
 *
 * <p>Lookups work for both discovery dialects: Microsoft names apps (Word, Excel, PowerPoint, WordPdf,
 * WopiTest...) and keys actions by extension; Collabora names apps by MIME type and may key an action only
 * by that MIME type (empty {@code ext}), so {@link #find(String, String, String)} falls back to it.
 */
public final class DiscoveryDocument {

    private static final String CAPABILITIES_APP = "Capabilities";

    private final String netZone;
    private final List<WopiApp> apps;
    private final ProofKeys proofKeys;
    /** action (lower case) -> extension (lower case) -> action. */
    private final Map<String, Map<String, WopiAction>> byExtension = new HashMap<>();
    /** action (lower case) -> MIME type (lower case) -> action. */
    private final Map<String, Map<String, WopiAction>> byMimeType = new HashMap<>();

    DiscoveryDocument(String netZone, List<WopiApp> apps, ProofKeys proofKeys) {
        this.netZone = netZone;
        this.apps = List.copyOf(apps);
        this.proofKeys = proofKeys;
        for (WopiApp app : this.apps) {
            for (WopiAction action : app.actions()) {
                index(byExtension, action, action.ext());
                action.mimeType().ifPresent(mime -> index(byMimeType, action, mime));
            }
        }
    }

    /** Parses discovery XML, choosing the net zone by preference (external-https first). */
    public static DiscoveryDocument parse(byte[] xml) throws DiscoveryException {
        return parse(xml, null);
    }

    /**
     * Parses discovery XML.
     *
     * @param configuredNetZone the net zone to use, or null/blank for the default preference order
     * @throws DiscoveryException when the XML is not well-formed, not discovery, has a DTD, lacks the
     *                            configured net zone, or carries an unusable proof key
     */
    public static DiscoveryDocument parse(byte[] xml, String configuredNetZone) throws DiscoveryException {
        return DiscoveryParser.parse(xml, configuredNetZone);
    }

    // First action in document order wins, except that a default action beats a non-default one.
    private static void index(Map<String, Map<String, WopiAction>> index, WopiAction action, String key) {
        String normalized = normalizeExtension(key);
        if (normalized.isEmpty()) {
            return;
        }
        Map<String, WopiAction> byKey = index.computeIfAbsent(lower(action.name()), k -> new HashMap<>());
        WopiAction existing = byKey.get(normalized);
        if (existing == null || (action.isDefault() && !existing.isDefault())) {
            byKey.put(normalized, action);
        }
    }

    /** The action for a file extension ("docx", ".DOCX"), if the WOPI client offers it. */
    public Optional<WopiAction> find(String action, String extension) {
        return lookup(byExtension, action, extension);
    }

    /**
     * The action for a file extension, falling back to its MIME type for Collabora's MIME-named apps.
     * Either of extension and mimeType may be null.
     */
    public Optional<WopiAction> find(String action, String extension, String mimeType) {
        Optional<WopiAction> byExt = find(action, extension);
        return byExt.isPresent() ? byExt : lookup(byMimeType, action, mimeType == null ? null : stripParameters(mimeType));
    }

    /**
     * The action for a file, by its extension, falling back to the MIME type of that extension
     * ({@link OfficeMimeTypes}) for Collabora's actions that name only a MIME type.
     */
    public Optional<WopiAction> findForFile(String action, String fileName) {
        String extension = extensionOf(fileName);
        return find(action, extension, OfficeMimeTypes.of(extension).orElse(null));
    }

    /** The extension actions are keyed by: lower case, without the dot; "" when the name has none. */
    public static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Optional<WopiAction> lookup(Map<String, Map<String, WopiAction>> index, String action, String key) {
        if (action == null || key == null) {
            return Optional.empty();
        }
        Map<String, WopiAction> byKey = index.get(lower(action));
        return byKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(normalizeExtension(key)));
    }

    /** Every extension (lower case, no dot) for which the action exists, sorted; what the parsing tests read. */
    Set<String> extensions(String action) {
        Map<String, WopiAction> byKey = action == null ? null : byExtension.get(lower(action));
        return byKey == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(byKey.keySet()));
    }

    /** Collabora's capabilities endpoint (app "Capabilities", action "getinfo"), if published. */
    public Optional<String> capabilitiesUrl() {
        return apps.stream().filter(app -> CAPABILITIES_APP.equals(app.name()))
                .flatMap(app -> app.actions().stream())
                .filter(action -> "getinfo".equals(action.name()))
                .map(WopiAction::urlSrc).findFirst();
    }

    /** The net zone the apps were read from. */
    public String netZone() {
        return netZone;
    }

    public List<WopiApp> apps() {
        return apps;
    }

    public ProofKeys proofKeys() {
        return proofKeys;
    }

    static String normalizeExtension(String extension) {
        String trimmed = extension.trim();
        return lower(trimmed.startsWith(".") ? trimmed.substring(1) : trimmed);
    }

    private static String stripParameters(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        return semicolon < 0 ? mimeType : mimeType.substring(0, semicolon);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "DiscoveryDocument[netZone=" + netZone + ", apps=" + apps.size() + ", proofKeys="
                + (proofKeys.isEmpty() ? "none" : proofKeys.oldKey().isPresent() ? "current+old" : "current") + "]";
    }
}
