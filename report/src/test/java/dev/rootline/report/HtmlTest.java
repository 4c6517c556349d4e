package dev.rootline.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {
    @Test
    void escapesMarkupAndBothQuotes() {
        assertThat(Html.text("\"><img src=x onerror='a'>&")).isEqualTo("&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt;&amp;");
    }

    @Test
    void nullIsEmpty() {
        assertThat(Html.text(null)).isEmpty();
    }

    @Test
    void dropsCharactersXmlForbids() {
        assertThat(Html.text("a\u0000b\u0007c\uFFFFd")).isEqualTo("abcd");
    }

    @Test
    void keepsNewlinesTabsAndSurrogatePairs() {
        assertThat(Html.text("a\n\tb \uD83D\uDE80")).isEqualTo("a\n\tb \uD83D\uDE80");
    }

    @Test
    void dropsALoneSurrogate() {
        assertThat(Html.text("a\uD800b")).isEqualTo("ab");
    }

    @Test
    void showsBidiOverridesAsReplacementCharacters() {
        assertThat(Html.text("abc\u202Edef")).isEqualTo("abc\uFFFDdef");
    }

    @Test
    void idKeepsOnlySafeCharacters() {
        assertThat(Html.id("ev\"><x")).isEqualTo("ev---x");
        assertThat(Html.id("")).isEqualTo("x");
    }
}
