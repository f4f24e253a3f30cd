package org.wopihost.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.wopihost.config.WopiSettings;
import org.wopihost.config.WopiSettings.Restriction;
import org.wopihost.spi.Users;
import org.wopihost.spi.WopiUser;

/**
 * The CheckFileInfo properties Collabora Online (and, for the restrictions, Office) reads beyond the
 * common ones: who the user is to the editor, the watermark, what the user may not do with the
 * file, and the template an empty file is filled from.
 */
final class CollaboraFileInfo {

    private final WopiSettings settings;
    private final Users users;
    private final Clock clock;
    private final Supplier<Optional<ClientCapabilities>> capabilities;

    CollaboraFileInfo(WopiSettings settings, Users users, Clock clock,
            Supplier<Optional<ClientCapabilities>> capabilities) {
        this.settings = settings;
        this.users = users;
        this.clock = clock;
        this.capabilities = capabilities;
    }

    void addTo(Map<String, Object> p, FileContext file) {
        WopiUser user = file.user();
        // The owner (OwnerId == UserId) may end the session for everyone.
        p.put("EnableOwnerTermination", true);
        p.put("IsAdminUser", users.isAdministrator(user.id()));
        Map<String, Object> extra = new LinkedHashMap<>();
        if (settings.avatarUrlTemplate() != null) {
            extra.put("avatar", settings.avatarUrlTemplate().replace("{userId}", HostLinks.segment(user.id())));
        }
        if (user.email() != null && !user.email().isEmpty()) {
            extra.put("mail", user.email());
        }
        if (!extra.isEmpty()) {
            p.put("UserExtraInfo", extra);
        }
        if (settings.watermarkTemplate() != null) {
            p.put("WatermarkText", watermark(user));
        }
        Set<Restriction> restricted = settings.restrictions(file.canWrite());
        if (restricted.contains(Restriction.PRINT)) {
            p.put("DisablePrint", true);
            p.put("HidePrintOption", true);
        }
        if (restricted.contains(Restriction.EXPORT)) {
            p.put("DisableExport", true);
            p.put("HideExportOption", true);
            p.put("HideSaveOption", true);
        }
        if (restricted.contains(Restriction.COPY)) {
            p.put("DisableCopy", true);
        }
        // A client whose capabilities say it reads no TemplateSource would open the empty file blank anyway.
        boolean readsTemplates = capabilities.get().map(ClientCapabilities::templateSource).orElse(true);
        if (file.info().size() == 0 && file.canWrite() && settings.templateUrlTemplate() != null && readsTemplates) {
            String ext = FileNames.extension(file.info().fileName());
            if (!ext.isEmpty()) {
                p.put("TemplateSource", settings.templateUrlTemplate().replace("{extension}",
                        ext.substring(1).toLowerCase(Locale.ROOT)));
            }
        }
    }

    private String watermark(WopiUser user) {
        return settings.watermarkTemplate()
                .replace("{userId}", user.id())
                .replace("{userDisplayName}", user.displayName())
                .replace("{email}", user.email() == null ? "" : user.email())
                .replace("{date}", LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString());
    }
}
