package org.wopihost.nuxeo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.wopihost.config.WopiSettings;

/**
 * The add-on's configuration, read from framework properties (which nuxeo.conf keys set).
 *
 * @param allowedGroup the group whose members may use WOPI, when restricted
 * @param enabledApps  the application names offered (lower case), empty for all
 */
public record NuxeoWopiConfig(WopiSettings settings, Optional<String> allowedGroup, Set<String> enabledApps) {

    /**
     * The servlet path of our WOPI endpoints inside the Nuxeo web application. Not {@code wopi}: that
     * path, {@code /site/wopi} and the {@code wopi} auth chain belong to Nuxeo's own add-on.
     */
    public static final String WOPI_PATH = "wopihost";
    /** Stands in for {@code nuxeo.url} when unset, as Nuxeo's own default. */
    public static final String DEFAULT_URL = "http://localhost:8080/nuxeo/";

    public static NuxeoWopiConfig read(Function<String, String> property) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : NuxeoConfigKeys.ALL) {
            String v = property.apply(key);
            if (v != null) {
                values.put(key, v);
            }
        }
        WopiSettings settings = WopiSettings.from(values, WOPI_PATH, DEFAULT_URL);
        Optional<String> group = Optional.ofNullable(values.get(NuxeoConfigKeys.ALLOWED_GROUP))
                .map(String::trim).filter(s -> !s.isEmpty());
        Set<String> apps = Arrays.stream(values.getOrDefault(NuxeoConfigKeys.ENABLED_APPS, "").split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new NuxeoWopiConfig(settings, group, apps);
    }
}
