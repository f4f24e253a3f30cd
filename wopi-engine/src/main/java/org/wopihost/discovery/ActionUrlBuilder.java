package org.wopihost.discovery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an action's {@code urlsrc} template into the URL the host page posts the access token to.
 *
 * <p>What Microsoft says ("Action URLs", "Transforming the urlsrc parameter"): the urlsrc is not a valid
 * URL as published. Optional query parameters appear as {@code <name=PLACEHOLDER_VALUE[&]>}. For each, if
 * the host knows the placeholder and wants to set it, the angle brackets go, {@code name} stays, the
 * placeholder is replaced by the value and the optional {@code &} is kept; if the placeholder is unknown,
 * or known but the host wants the default, the whole group including the angle brackets is removed.
 * Office may add placeholders at any time, so hosts must drop what they do not understand. Then a
 * {@code WOPISrc} query parameter (the URL-encoded WOPI files endpoint of the file, without access token)
 * is added; newer templates carry a {@code <wopisrc=WOPI_SOURCE&>} placeholder for it, older ones (Office
 * Online Server) and Collabora's (which end in {@code ?} and have no placeholder) need it appended.
 *
 * <p>The placeholders Microsoft documents (with the parameter names its templates use; the builder keys on
 * the placeholder, so whatever name the template gives is kept):
 * <ul>
 * <li>UI_LLCC ({@code ui}): UI language, RFC 1766 ("fr-FR"); without it Office uses the browser's.</li>
 * <li>DC_LLCC ({@code rs}): language for data calculation, normally the same as UI_LLCC.</li>
 * <li>BUSINESS_USER ({@code IsLicensedUser}): "1" when the user is a business user (business flow).</li>
 * <li>DISABLE_CHAT ({@code dchat}): "1" disables in-document chat.</li>
 * <li>HOST_SESSION_ID ({@code hid}), SESSION_CONTEXT ({@code sc}; echoed back in X-WOPI-SessionContext),
 *     ACTIVITY_NAVIGATION_ID ({@code actnavid}), PERFSTATS ({@code showpagestats}): optional, host-defined.</li>
 * <li>WOPI_SOURCE ({@code wopisrc}): the WOPISrc.</li>
 * <li>Broadcast actions only: EMBEDDED ({@code e2o}), FULLSCREEN ({@code fs}), RECORDING ({@code rec}),
 *     DISABLE_ASYNC ({@code na}), DISABLE_BROADCAST ({@code vp}): "true"; THEME_ID ({@code thm}): 1 light,
 *     2 dark.</li>
 * <li>VALIDATOR_TEST_CATEGORY ({@code testcategory}): All, OfficeOnline or OfficeNativeClient, for the
 *     WOPI validator.</li>
 * </ul>
 * We fill UI_LLCC, DC_LLCC, BUSINESS_USER and WOPI_SOURCE and drop the others (the hosts set none;
 * tests set them with {@link #placeholder(String, String)}). Values are URL-encoded.
 */
public final class ActionUrlBuilder {

    /** {@code <name=PLACEHOLDER&>} or {@code <name=PLACEHOLDER>}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>=&]+)=([^<>=&]+)(&?)>");
    /** Anything left in angle brackets is a placeholder we could not read: it must not reach the URL. */
    private static final Pattern LEFTOVER = Pattern.compile("<[^<>]*>");
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final String template;
    private String wopiSrc;
    private String language;
    private boolean businessUser;
    private final Map<String, String> placeholderValues = new LinkedHashMap<>();
    private final Map<String, String> queryParameters = new LinkedHashMap<>();

    private ActionUrlBuilder(String template) {
        this.template = Objects.requireNonNull(template, "urlsrc template");
    }

    /** For tests: a template without its discovery action. */
    static ActionUrlBuilder forTemplate(String urlSrc) {
        return new ActionUrlBuilder(urlSrc);
    }

    public static ActionUrlBuilder forAction(WopiAction action) {
        return new ActionUrlBuilder(action.urlSrc());
    }

    /** The WOPI files endpoint of the file, e.g. {@code https://host/nuxeo/site/wopi/files/abc}. Required. */
    public ActionUrlBuilder wopiSrc(String wopiSrc) {
        this.wopiSrc = wopiSrc;
        return this;
    }

    /** The user's language ("fr-FR", "fr_FR", "de"), used for UI_LLCC and DC_LLCC. Null leaves Office's default. */
    ActionUrlBuilder language(String languageTag) {
        this.language = OfficeLanguage.toLlcc(languageTag);
        return this;
    }

    public ActionUrlBuilder language(Locale locale) {
        return language(locale == null ? null : locale.toLanguageTag());
    }

    /** Sets BUSINESS_USER to 1; when false the placeholder is dropped (Office's default: not a business user). */
    public ActionUrlBuilder businessUser(boolean businessUser) {
        this.businessUser = businessUser;
        return this;
    }

    /**
     * A value for any placeholder by its name, e.g. {@code placeholder("DISABLE_CHAT", "1")} or
     * {@code placeholder("THEME_ID", "2")}. Overrides what the builder would derive. Null removes it.
     * A test hook: no host sets one.
     */
    ActionUrlBuilder placeholder(String name, String value) {
        if (name == null || !PLACEHOLDER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a placeholder name: " + name);
        }
        placeholderValues.put(name, value);
        return this;
    }

    /** A query parameter appended after the template's own, e.g. Collabora's {@code lang}. A test hook: no host adds one. */
    ActionUrlBuilder queryParameter(String name, String value) {
        Objects.requireNonNull(name, "name");
        queryParameters.put(name, Objects.requireNonNull(value, "value"));
        return this;
    }

    public String build() {
        if (wopiSrc == null || wopiSrc.isBlank()) {
            throw new IllegalStateException("WOPISrc is required to build an action URL");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("WOPI_SOURCE", wopiSrc);
        if (language != null) {
            values.put("UI_LLCC", language);
            values.put("DC_LLCC", language);
        }
        if (businessUser) {
            values.put("BUSINESS_USER", "1");
        }
        values.putAll(placeholderValues);

        String url = template.trim();
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash);
            url = url.substring(0, hash);
        }
        int queryStart = url.indexOf('?');
        if (queryStart < 0) {
            queryStart = url.indexOf('<'); // placeholders straight after the path: they are still query parameters
        }
        String base = queryStart < 0 ? url : url.substring(0, queryStart);
        String queryTemplate = queryStart < 0 ? "" : url.substring(queryStart).replaceFirst("^\\?", "");

        List<String> parameters = new ArrayList<>();
        boolean hasWopiSrc = fillPlaceholders(queryTemplate, values, parameters);
        if (!hasWopiSrc) {
            parameters.add("WOPISrc=" + encode(wopiSrc));
        }
        queryParameters.forEach((name, value) -> parameters.add(encode(name) + "=" + encode(value)));
        return parameters.isEmpty() ? base + fragment : base + "?" + String.join("&", parameters) + fragment;
    }

    /**
     * Replaces or drops each placeholder group and collects the resulting parameters, static ones
     * included, without empty pieces (so no "&&" and no trailing "&"). Returns whether a WOPISrc is among them.
     */
    private static boolean fillPlaceholders(String queryTemplate, Map<String, String> values, List<String> parameters) {
        StringBuilder query = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(queryTemplate);
        int last = 0;
        while (matcher.find()) {
            query.append(queryTemplate, last, matcher.start());
            String value = values.get(matcher.group(2).trim());
            if (value != null && !value.isEmpty()) {
                query.append('&').append(matcher.group(1).trim()).append('=').append(encode(value)).append('&');
            }
            last = matcher.end();
        }
        query.append(queryTemplate.substring(last));
        boolean hasWopiSrc = false;
        for (String parameter : LEFTOVER.matcher(query).replaceAll("").split("&")) {
            // a piece still holding an angle bracket is what is left of a malformed placeholder
            if (!parameter.isBlank() && parameter.indexOf('<') < 0 && parameter.indexOf('>') < 0) {
                parameters.add(parameter);
                hasWopiSrc |= parameter.toLowerCase(Locale.ROOT).startsWith("wopisrc=");
            }
        }
        return hasWopiSrc;
    }

    // Percent-encoding with %20 for spaces: "+" only means a space in form bodies, not in every WOPI client.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
