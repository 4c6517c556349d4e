package dev.rootline.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShellTest {
    @Test
    void leavesPlainWordsAlone() {
        assertThat(Shell.quote("/var/lib/rootline-index")).isEqualTo("/var/lib/rootline-index");
    }

    @Test
    void quotesWordsWithSpacesOrMetacharacters() {
        assertThat(Shell.quote("my index;rm -rf")).isEqualTo("'my index;rm -rf'");
        assertThat(Shell.quote("$(id)")).isEqualTo("'$(id)'");
    }

    @Test
    void closesAndReopensAroundSingleQuotes() {
        assertThat(Shell.quoteAlways("can't")).isEqualTo("'can'\\''t'");
    }
}
