package dev.rootline.ingest.k8saudit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogfmtTest {

    @Test
    void quotedAndBareValuesInOrder() {
        Logfmt f = Logfmt.parse("time=\"2021-08-11T10:09:49Z\" level=info msg=\"access granted\" method=POST");
        assertThat(f.ok()).isTrue();
        assertThat(f.prefix()).isEmpty();
        assertThat(f.fields()).containsExactly(Map.entry("time", "2021-08-11T10:09:49Z"), Map.entry("level", "info"),
                Map.entry("msg", "access granted"), Map.entry("method", "POST"));
    }

    @Test
    void escapesAreUndone() {
        Logfmt f = Logfmt.parse("error=\"Body: {\\\"Error\\\":{\\\"Code\\\":\\\"X\\\"}} a\\\\b\\tc\\u00e9 \\q\"");
        assertThat(f.fields()).containsEntry("error", "Body: {\"Error\":{\"Code\":\"X\"}} a\\b\tcé \\q");
    }

    @Test
    void emptyValuesAndBareKeys() {
        Logfmt f = Logfmt.parse("session= userid=ABC flag msg=\"\"");
        assertThat(f.fields()).containsExactly(Map.entry("session", ""), Map.entry("userid", "ABC"),
                Map.entry("flag", ""), Map.entry("msg", ""));
    }

    @Test
    void upToTwoWordsBeforeTheFirstPairAreAPrefix() {
        assertThat(Logfmt.parse("pod-abc container time=x").prefix()).isEqualTo(List.of("pod-abc", "container"));
        assertThat(Logfmt.parse("one two three time=x").problem()).isEqualTo("more than 2 words before the first key=value");
    }

    @Test
    void valueMayHoldEqualsSigns() {
        assertThat(Logfmt.parse("path=/a?b=c d=\"x=y\"").fields()).containsEntry("path", "/a?b=c").containsEntry("d", "x=y");
    }

    @Test
    void malformedLinesSayWhy() {
        assertThat(Logfmt.parse("msg=\"never closed").problem()).isEqualTo("unterminated quoted value of msg");
        assertThat(Logfmt.parse("msg=\"a\"b").problem()).isEqualTo("text right after the closing quote of msg at column 8");
        assertThat(Logfmt.parse("=value").problem()).isEqualTo("'=' without a key at column 1");
        assertThat(Logfmt.parse("just words").problem()).isEqualTo("no key=value pairs");
        assertThat(Logfmt.parse("\"quoted\" k=v").problem()).isEqualTo("a quote outside a value at column 1");
        assertThat(Logfmt.parse("").problem()).isEqualTo("no key=value pairs");
    }
}
