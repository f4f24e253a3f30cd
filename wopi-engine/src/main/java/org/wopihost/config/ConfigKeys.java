package org.wopihost.config;

import java.util.List;

/**
 * Every configuration key the engine reads, in {@code nuxeo.conf} for the Nuxeo add-on and in the
 * standalone host's config file. Keys Nuxeo already has ({@code nuxeo.url}, {@code nuxeo.jwt.secret},
 * {@code nuxeo.wopi.discoveryURL}, {@code nuxeo.wopi.baseURL}) mean the same thing in both.
 */
public final class ConfigKeys {

    /** The URL users browse: host pages and close/share links point there. */
    public static final String PUBLIC_URL = "nuxeo.url";
    /** The base URL the WOPI client calls back; WOPISrc is this + {@code wopi/files/{id}}. */
    public static final String BASE_URL = "nuxeo.wopi.baseURL";
    /** The WOPI client's discovery XML. Empty: no client, only the WOPI endpoints are served. */
    public static final String DISCOVERY_URL = "nuxeo.wopi.discoveryURL";
    /** The HS512 secret that signs access tokens. */
    public static final String JWT_SECRET = "nuxeo.jwt.secret";
    /** Access token lifetime: {@code 10h}, {@code 45m}, {@code 3600s} or ISO-8601 ({@code PT10H}). */
    public static final String TOKEN_TTL = "nuxeo.wopi.token.ttl";
    /** Largest file PutFile and PutRelativeFile accept, in bytes. */
    public static final String MAX_FILE_SIZE = "nuxeo.wopi.maxFileSize";
    /** Verify X-WOPI-Proof signatures whenever discovery publishes proof keys. */
    public static final String PROOF_KEYS_ENABLED = "nuxeo.wopi.proofKeys.enabled";
    /** The discovery net zone to use (external-https, internal-https, ...); empty: the best available. */
    public static final String NET_ZONE = "nuxeo.wopi.netZone";
    /** Microsoft 365 business-user flow: LicenseCheckForEditIsEnabled and the BUSINESS_USER placeholder. */
    public static final String BUSINESS_USERS = "nuxeo.wopi.businessUsers";
    /** Brand name and URL shown in the breadcrumb of the Office UI. */
    public static final String BRAND_NAME = "nuxeo.wopi.brand.name";
    public static final String BRAND_URL = "nuxeo.wopi.brand.url";

    /**
     * Where users download a file, sent as DownloadUrl: a template with {@code {repository}},
     * {@code {docId}}, {@code {xpath}}, {@code {fileName}} and {@code {fileId}}. Empty: not sent.
     */
    public static final String DOWNLOAD_URL = "nuxeo.wopi.downloadURL";
    /** Where users share a file, sent as FileSharingUrl; same placeholders. Empty: not sent. */
    public static final String FILE_SHARING_URL = "nuxeo.wopi.fileSharingURL";
    /** The file's versions, opened when the editor's version history is asked for; same placeholders. Empty: none. */
    public static final String FILE_VERSIONS_URL = "nuxeo.wopi.fileVersionsURL";
    /**
     * Where the user lands when they close the editor (CloseUrl, UI_Close); same placeholders, e.g. the
     * document's page in Nuxeo's Web UI. Empty: the host's start page.
     */
    public static final String CLOSE_URL = "nuxeo.wopi.closeURL";

    /**
     * The watermark Collabora draws on every page (WatermarkText), a template with {@code {userId}},
     * {@code {userDisplayName}}, {@code {email}} and {@code {date}}. Empty: none.
     */
    public static final String WATERMARK = "nuxeo.wopi.watermark";
    /**
     * What users who may only view a file may not do with it, comma separated among {@code print},
     * {@code export}, {@code copy} (DisablePrint/HidePrintOption, DisableExport/HideExportOption/
     * HideSaveOption, DisableCopy). Empty: nothing restricted.
     */
    public static final String VIEWER_RESTRICTIONS = "nuxeo.wopi.restrictions.view";
    /** The same for users who may edit the file. */
    public static final String EDITOR_RESTRICTIONS = "nuxeo.wopi.restrictions.edit";
    /** The user's picture, sent in UserExtraInfo.avatar: a URL template with {@code {userId}}. Empty: none. */
    public static final String AVATAR_URL = "nuxeo.wopi.avatarURL";
    /**
     * The template an empty file is filled from (TemplateSource, Collabora): a URL template with
     * {@code {extension}} (docx, xlsx, pptx, ...). Empty: an empty file opens blank.
     */
    public static final String TEMPLATE_URL = "nuxeo.wopi.templateURL";

    public static final List<String> ALL = List.of(PUBLIC_URL, BASE_URL, DISCOVERY_URL, JWT_SECRET, TOKEN_TTL,
            MAX_FILE_SIZE, PROOF_KEYS_ENABLED, NET_ZONE, BUSINESS_USERS, BRAND_NAME, BRAND_URL, DOWNLOAD_URL,
            FILE_SHARING_URL, FILE_VERSIONS_URL, CLOSE_URL, WATERMARK, VIEWER_RESTRICTIONS, EDITOR_RESTRICTIONS, AVATAR_URL,
            TEMPLATE_URL);

    private ConfigKeys() {
    }
}
