package dev.rootline.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {
    @Test
    void escapesHtmlAndLinkSyntax() {
        assertThat(Markdown.text("[x](javascript:alert(1)) <b>"))
                .isEqualTo("\\[x\\](javascript:alert(1)) \\<b\\>");
    }

    @Test
    void turnsLineBreaksIntoSpacesSoTextCannotStartABlock() {
        assertThat(Markdown.text("a\n# heading\r\n<script>")).isEqualTo("a \\# heading  \\<script\\>");
    }

    @Test
    void escapesTablePipes() {
        assertThat(Markdown.text("a|b")).isEqualTo("a\\|b");
        assertThat(Markdown.cell(Markdown.code("a|b"))).isEqualTo("`a\\|b`");
    }

    @Test
    void codeSpanOutrunsBackticksInside() {
        assertThat(Markdown.code("a``b")).isEqualTo("```a``b```");
        assertThat(Markdown.code("`x")).isEqualTo("`` `x ``");
    }

    @Test
    void fenceIsLongerThanAnyBacktickRunInside() {
        assertThat(Markdown.fenced("x ````` y", "text", "")).isEqualTo("``````text\nx ````` y\n``````\n");
    }

    @Test
    void fenceIndentsEveryLine() {
        assertThat(Markdown.fenced("a\nb", "", "   ")).isEqualTo("   ```\n   a\n   b\n   ```\n");
    }
}
