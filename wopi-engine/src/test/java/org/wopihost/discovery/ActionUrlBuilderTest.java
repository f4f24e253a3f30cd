package org.wopihost.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionUrlBuilderTest {

    private static final String WOPI_SRC = "https://nuxeo.example.com/nuxeo/site/wopi/files/ZGVmYXVsdDoxMjM0";
    private static final String ENCODED_WOPI_SRC = "https%3A%2F%2Fnuxeo.example.com%2Fnuxeo%2Fsite%2Fwopi%2Ffiles%2FZGVmYXVsdDoxMjM0";

    /** Microsoft 365's current template shape, with the WOPI_SOURCE placeholder. */
    private static final String WORD_VIEW = "https://word-view.officeapps.live.com/wv/wordviewerframe.aspx?"
            + "<ui=UI_LLCC&><rs=DC_LLCC&><dchat=DISABLE_CHAT&><hid=HOST_SESSION_ID&><sc=SESSION_CONTEXT&>"
            + "<wopisrc=WOPI_SOURCE&><showpagestats=PERFSTATS&><IsLicensedUser=BUSINESS_USER&>"
            + "<actnavid=ACTIVITY_NAVIGATION_ID&>";
    /** Office Online Server's older shape: no WOPI_SOURCE placeholder, WOPISrc must be appended. */
    private static final String OOS_WORD_VIEW = "https://oos.corp.example/wv/wordviewerframe.aspx?"
            + "<ui=UI_LLCC&><rs=DC_LLCC&><showpagestats=PERFSTATS&>";
    private static final String COLLABORA = "https://collabora.example.com/browser/8d5e3a1/cool.html?";

    @Test
    void microsoftTemplateWithEverythingWeKnow() {
        String url = ActionUrlBuilder.forTemplate(WORD_VIEW).wopiSrc(WOPI_SRC).language("fr-FR").businessUser(true).build();

        assertThat(url).isEqualTo("https://word-view.officeapps.live.com/wv/wordviewerframe.aspx?"
                + "ui=fr-FR&rs=fr-FR&wopisrc=" + ENCODED_WOPI_SRC + "&IsLicensedUser=1");
    }

    @Test
    void unsetPlaceholdersAreRemoved() {
        String url = ActionUrlBuilder.forTemplate(WORD_VIEW).wopiSrc(WOPI_SRC).build();

        assertThat(url).isEqualTo("https://word-view.officeapps.live.com/wv/wordviewerframe.aspx?wopisrc=" + ENCODED_WOPI_SRC);
    }

    @Test
    void extraPlaceholderValuesAreEncoded() {
        String url = ActionUrlBuilder.forTemplate(WORD_VIEW).wopiSrc(WOPI_SRC).language("en-US")
                .placeholder("DISABLE_CHAT", "1")
                .placeholder("HOST_SESSION_ID", "a b&c=d/é")
                .placeholder("SESSION_CONTEXT", "ctx")
                .placeholder("ACTIVITY_NAVIGATION_ID", "nav-1")
                .build();

        assertThat(url).isEqualTo("https://word-view.officeapps.live.com/wv/wordviewerframe.aspx?"
                + "ui=en-US&rs=en-US&dchat=1&hid=a%20b%26c%3Dd%2F%C3%A9&sc=ctx&wopisrc=" + ENCODED_WOPI_SRC + "&actnavid=nav-1");
    }

    @Test
    void explicitValueOverridesDerivedOneAndNullRemovesIt() {
        String url = ActionUrlBuilder.forTemplate(WORD_VIEW).wopiSrc(WOPI_SRC).language("fr-FR").businessUser(true)
                .placeholder("DC_LLCC", "de-DE").placeholder("BUSINESS_USER", null).build();

        assertThat(url).contains("ui=fr-FR&rs=de-DE&").doesNotContain("IsLicensedUser");
    }

    @Test
    void wopiSrcIsAppendedWhenTheTemplateHasNoPlaceholderForIt() {
        String url = ActionUrlBuilder.forTemplate(OOS_WORD_VIEW).wopiSrc(WOPI_SRC).language("de-DE").build();

        assertThat(url).isEqualTo("https://oos.corp.example/wv/wordviewerframe.aspx?ui=de-DE&rs=de-DE&WOPISrc=" + ENCODED_WOPI_SRC);
    }

    @Test
    void staticParametersOfTheTemplateAreKept() {
        String template = "https://powerpoint.officeapps.live.com/p/PowerPointFrame.aspx?PowerPointView=ReadingView&"
                + "<ui=UI_LLCC&><rs=DC_LLCC&><e2o=EMBEDDED&><fs=FULLSCREEN&><thm=THEME_ID&><wopisrc=WOPI_SOURCE&>";

        String url = ActionUrlBuilder.forTemplate(template).wopiSrc(WOPI_SRC).language("it-IT")
                .placeholder("THEME_ID", "2").placeholder("EMBEDDED", "true").build();

        assertThat(url).isEqualTo("https://powerpoint.officeapps.live.com/p/PowerPointFrame.aspx?PowerPointView=ReadingView"
                + "&ui=it-IT&rs=it-IT&e2o=true&thm=2&wopisrc=" + ENCODED_WOPI_SRC);
    }

    @Test
    void placeholderWithoutAmpersandAtTheEnd() {
        String template = "https://onenote.officeapps.live.com/hosting/WopiTestFrame.aspx?<ui=UI_LLCC&><wopisrc=WOPI_SOURCE&>"
                + "<testcategory=VALIDATOR_TEST_CATEGORY>";

        assertThat(ActionUrlBuilder.forTemplate(template).wopiSrc(WOPI_SRC).build())
                .isEqualTo("https://onenote.officeapps.live.com/hosting/WopiTestFrame.aspx?wopisrc=" + ENCODED_WOPI_SRC);
        assertThat(ActionUrlBuilder.forTemplate(template).wopiSrc(WOPI_SRC).placeholder("VALIDATOR_TEST_CATEGORY", "OfficeOnline").build())
                .isEqualTo("https://onenote.officeapps.live.com/hosting/WopiTestFrame.aspx?wopisrc=" + ENCODED_WOPI_SRC
                        + "&testcategory=OfficeOnline");
    }

    @Test
    void placeholdersOfficeAddsLaterAreDropped() {
        String template = "https://word-edit.officeapps.live.com/we/wordeditorframe.aspx?<new=SOMETHING_NEW&><ui=UI_LLCC&>"
                + "<weird=lower_case&><broken=<ui>&>";

        String url = ActionUrlBuilder.forTemplate(template).wopiSrc(WOPI_SRC).language("fr").build();

        assertThat(url).isEqualTo("https://word-edit.officeapps.live.com/we/wordeditorframe.aspx?ui=fr&WOPISrc=" + ENCODED_WOPI_SRC);
    }

    @Test
    void collaboraTemplateGetsWopiSrcAppended() {
        String url = ActionUrlBuilder.forTemplate(COLLABORA).wopiSrc(WOPI_SRC).language("fr-FR").businessUser(true).build();

        assertThat(url).isEqualTo(COLLABORA + "WOPISrc=" + ENCODED_WOPI_SRC);
    }

    @Test
    void collaboraLanguageAsAQueryParameter() {
        String url = ActionUrlBuilder.forTemplate(COLLABORA).wopiSrc(WOPI_SRC).queryParameter("lang", "fr-FR").build();

        assertThat(url).isEqualTo(COLLABORA + "WOPISrc=" + ENCODED_WOPI_SRC + "&lang=fr-FR");
    }

    @Test
    void templateWithoutQuestionMark() {
        assertThat(ActionUrlBuilder.forTemplate("https://office.example/view").wopiSrc(WOPI_SRC).build())
                .isEqualTo("https://office.example/view?WOPISrc=" + ENCODED_WOPI_SRC);
        assertThat(ActionUrlBuilder.forTemplate("https://office.example/view<ui=UI_LLCC&>").wopiSrc(WOPI_SRC).language("nl-NL").build())
                .isEqualTo("https://office.example/view?ui=nl-NL&WOPISrc=" + ENCODED_WOPI_SRC);
    }

    @Test
    void wopiSrcWithQueryCharactersIsEncodedOnce() {
        String url = ActionUrlBuilder.forTemplate(COLLABORA).wopiSrc("https://h/wopi/files/a b?x=1&y=é").build();

        assertThat(url).isEqualTo(COLLABORA + "WOPISrc=https%3A%2F%2Fh%2Fwopi%2Ffiles%2Fa%20b%3Fx%3D1%26y%3D%C3%A9");
    }

    @Test
    void wopiSrcIsRequired() {
        assertThatThrownBy(() -> ActionUrlBuilder.forTemplate(COLLABORA).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ActionUrlBuilder.forTemplate(COLLABORA).wopiSrc(" ").build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void placeholderNamesAreChecked() {
        assertThatThrownBy(() -> ActionUrlBuilder.forTemplate(COLLABORA).placeholder("ui", "fr"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActionUrlBuilder.forTemplate(COLLABORA).placeholder("<UI_LLCC>", "fr"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "fr-FR, fr-FR",
            "fr_FR, fr-FR",
            "FR-fr, fr-FR",
            "pt-br, pt-BR",
            "en, en",
            "sr-Latn-RS, sr-Latn-RS",
            "zh-Hant-TW, zh-Hant-TW",
            "es-419, es-419",
            "de-DE-u-co-phonebk, de-DE",
            "'', NULL",
            "NULL, NULL",
            "'not a language!', NULL",
            "und, NULL"})
    void languageTagsBecomeLlcc(String tag, String expected) {
        assertThat(OfficeLanguage.toLlcc(tag)).isEqualTo(expected);
    }

    @Test
    void languageFromLocale() {
        assertThat(ActionUrlBuilder.forTemplate(OOS_WORD_VIEW).wopiSrc(WOPI_SRC).language(Locale.CANADA_FRENCH).build())
                .contains("ui=fr-CA&rs=fr-CA&");
        assertThat(ActionUrlBuilder.forTemplate(OOS_WORD_VIEW).wopiSrc(WOPI_SRC).language((Locale) null).build())
                .doesNotContain("ui=");
    }

    @Test
    void everyDiscoveredActionGivesAWellFormedUrl() throws Exception {
        Stream.of(DiscoveryFixtures.microsoft(), DiscoveryFixtures.collabora())
                .map(xml -> {
                    try {
                        return DiscoveryFixtures.parse(xml);
                    } catch (DiscoveryException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .flatMap(discovery -> discovery.apps().stream())
                .flatMap(app -> app.actions().stream())
                .forEach(action -> {
                    for (boolean business : new boolean[] {true, false}) {
                        for (String language : new String[] {"fr-FR", null}) {
                            String url = ActionUrlBuilder.forAction(action).wopiSrc(WOPI_SRC).language(language)
                                    .businessUser(business).build();
                            assertThat(url).as(action.urlSrc())
                                    .doesNotContain("&&", "?&", "<", ">", " ")
                                    .doesNotEndWith("&").doesNotEndWith("?")
                                    .containsIgnoringCase("wopisrc=" + ENCODED_WOPI_SRC);
                            assertThat(url.chars().filter(c -> c == '?').count()).as(url).isEqualTo(1);
                            assertThat(java.net.URI.create(url).getQuery()).isNotNull();
                        }
                    }
                });
    }
}
