package org.wopihost.discovery;

import java.util.Locale;

/**
 * Maps a user's language tag to the form Office's UI_LLCC / DC_LLCC placeholders take: an RFC 1766 tag
 * such as "fr-FR" (Microsoft's language table lists "fr-FR", "pt-BR", "sr-Latn-RS"...).
 */
final class OfficeLanguage {

    private OfficeLanguage() {
    }

    /**
     * "fr-FR", "fr_fr", "FR-fr" become "fr-FR"; a bare "fr" stays "fr" (valid RFC 1766, and Office picks the
     * region itself rather than us guessing one). Returns null when there is no usable language, so that the
     * placeholder is dropped and Office falls back to the browser language.
     */
    static String toLlcc(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(languageTag.trim().replace('_', '-'));
        String language = locale.getLanguage();
        if (language.isEmpty() || "und".equals(language)) {
            return null;
        }
        StringBuilder llcc = new StringBuilder(language);
        if (!locale.getScript().isEmpty()) {
            llcc.append('-').append(locale.getScript());
        }
        if (!locale.getCountry().isEmpty()) {
            llcc.append('-').append(locale.getCountry());
        }
        return llcc.toString();
    }
}
