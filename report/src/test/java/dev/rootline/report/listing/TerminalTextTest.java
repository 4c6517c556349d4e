package dev.rootline.report.listing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {
    @Test
    void plainTextIsUntouched() {
        String s = "EKS control-plane ENI eni-0a of prd-gw-eks sits in subnet-0b (public) — ü";
        assertThat(TerminalText.safe(s)).isSameAs(s);
    }

    @Test
    void escapeSequencesNewlinesAndBidiOverridesAreShownNotObeyed() {
        assertThat(TerminalText.safe("prd\u001b]0;pwned\u0007-eks")).isEqualTo("prd\\u001b]0;pwned\\u0007-eks");
        assertThat(TerminalText.safe("a\nfake line\r")).isEqualTo("a\\u000afake line\\u000d");
        assertThat(TerminalText.safe("cluster\u202eskeL")).isEqualTo("cluster\\u202eskeL");
        assertThat(TerminalText.safe("c1\u009bcontrol")).isEqualTo("c1\\u009bcontrol");
    }
}
