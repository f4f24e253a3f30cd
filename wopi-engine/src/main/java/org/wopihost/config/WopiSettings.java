package org.wopihost.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's settings, read once from configuration keys (see {@link ConfigKeys}) with their
 * defaults. A bad value fails at start-up with a message naming the key, not at the first request.
 */
public record WopiSettings(
        String wopiPath,
        String publicUrl,
        String baseUrl,
        String discoveryUrl,
        Duration tokenTtl,
        long maxFileSize,
        boolean proofKeysEnabled,
        String netZone,
        boolean businessUsers,
        String brandName,
        String brandUrl,
        String downloadUrlTemplate,
        String fileSharingUrlTemplate,
        String fileVersionsUrlTemplate,
        String closeUrlTemplate,
        String watermarkTemplate,
        Set<Restriction> viewerRestrictions,
        Set<Restriction> editorRestrictions,
        String avatarUrlTemplate,
        String templateUrlTemplate) {

    /** What a user may be kept from doing with a file they opened (Collabora's and Office's Disable and Hide flags). */
    public enum Restriction {
        PRINT, EXPORT, COPY
    }

    private static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(10);
    private static final long DEFAULT_MAX_FILE_SIZE = 512L * 1024 * 1024;
    /** WOPI locks last 30 minutes after the last Lock or RefreshLock: fixed by the protocol. */
    public static final Duration LOCK_TTL = Duration.ofMinutes(30);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    public WopiSettings {
        Objects.requireNonNull(wopiPath, "wopiPath");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(baseUrl, "baseUrl");
        viewerRestrictions = Set.copyOf(viewerRestrictions);
        editorRestrictions = Set.copyOf(editorRestrictions);
    }

    /**
     * Reads the settings.
     *
     * @param wopiPath   the servlet path of the WOPI endpoints on this platform, without slashes
     *                   ({@code wopi} standalone; Nuxeo's own add-on owns {@code wopi} there)
     * @param defaultUrl stands in for {@code nuxeo.url} when it is unset
     */
    public static WopiSettings from(Map<String, String> config, String wopiPath, String defaultUrl) {
        Function<String, String> get = key -> {
            String v = config.get(key);
            return v == null || v.isBlank() ? null : v.trim();
        };
        String publicUrl = withSlash(url(ConfigKeys.PUBLIC_URL, orElse(get.apply(ConfigKeys.PUBLIC_URL), defaultUrl)));
        String baseUrl = withSlash(url(ConfigKeys.BASE_URL, orElse(get.apply(ConfigKeys.BASE_URL), publicUrl)));
        String discovery = get.apply(ConfigKeys.DISCOVERY_URL);
        if (discovery != null) {
            url(ConfigKeys.DISCOVERY_URL, discovery);
        }
        for (String key : new String[] {ConfigKeys.DOWNLOAD_URL, ConfigKeys.FILE_SHARING_URL,
                ConfigKeys.FILE_VERSIONS_URL, ConfigKeys.CLOSE_URL, ConfigKeys.AVATAR_URL, ConfigKeys.TEMPLATE_URL}) {
            String template = get.apply(key);
            if (template != null) {
                url(key, template.replaceAll("\\{[A-Za-z]+}", "x"));
            }
        }
        String brandUrl = get.apply(ConfigKeys.BRAND_URL);
        if (brandUrl != null) {
            url(ConfigKeys.BRAND_URL, brandUrl);
        }
        return new WopiSettings(wopiPath, publicUrl, baseUrl, discovery,
                duration(ConfigKeys.TOKEN_TTL, get.apply(ConfigKeys.TOKEN_TTL), DEFAULT_TOKEN_TTL),
                positiveLong(ConfigKeys.MAX_FILE_SIZE, get.apply(ConfigKeys.MAX_FILE_SIZE), DEFAULT_MAX_FILE_SIZE),
                bool(ConfigKeys.PROOF_KEYS_ENABLED, get.apply(ConfigKeys.PROOF_KEYS_ENABLED), true),
                get.apply(ConfigKeys.NET_ZONE),
                bool(ConfigKeys.BUSINESS_USERS, get.apply(ConfigKeys.BUSINESS_USERS), false),
                get.apply(ConfigKeys.BRAND_NAME),
                brandUrl,
                get.apply(ConfigKeys.DOWNLOAD_URL),
                get.apply(ConfigKeys.FILE_SHARING_URL),
                get.apply(ConfigKeys.FILE_VERSIONS_URL),
                get.apply(ConfigKeys.CLOSE_URL),
                get.apply(ConfigKeys.WATERMARK),
                restrictions(ConfigKeys.VIEWER_RESTRICTIONS, get.apply(ConfigKeys.VIEWER_RESTRICTIONS)),
                restrictions(ConfigKeys.EDITOR_RESTRICTIONS, get.apply(ConfigKeys.EDITOR_RESTRICTIONS)),
                get.apply(ConfigKeys.AVATAR_URL),
                get.apply(ConfigKeys.TEMPLATE_URL));
    }

    /** The restrictions for a user who may edit the file, or only view it. */
    public Set<Restriction> restrictions(boolean canWrite) {
        return canWrite ? editorRestrictions : viewerRestrictions;
    }

    private static Set<Restriction> restrictions(String key, String value) {
        Set<Restriction> set = EnumSet.noneOf(Restriction.class);
        if (value == null) {
            return set;
        }
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                set.add(Restriction.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " lists print, export or copy, not: " + name.trim(), e);
            }
        }
        return set;
    }

    /** The WOPISrc of a file: what the client calls back. */
    public String wopiSrc(String fileId) {
        return baseUrl + wopiPath + "/files/" + fileId;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String url(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " must be an http(s) URL, not: " + value);
            }
            return value;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + value, e);
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    static Duration duration(String key, String value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        Duration d;
        Matcher m = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + " is not a duration (10h, 45m, 3600s, PT10H): " + value, e);
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive: " + value);
        }
        return d;
    }

    private static long positiveLong(String key, String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive number of bytes: " + value);
    }

    private static boolean bool(String key, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false: " + value);
        };
    }
}
