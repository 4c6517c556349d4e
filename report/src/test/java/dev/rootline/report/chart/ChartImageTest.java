package dev.rootline.report.chart;

import dev.rootline.timeline.findings.EniEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ChartImageTest {
    private static final String PAYLOAD = "eni-<script>alert(1)</script>";

    private static org.jfree.chart.JFreeChart eniChart() {
        var f = EniLifetimesTest.findings(new EniEvent(Instant.parse("2024-10-25T00:00:00Z"), "create", PAYLOAD, "c",
                "subnet-1", "public", null, "e1"));
        return EniPlacementChart.create(f, EniLifetimes.of(f), ZoneOffset.UTC);
    }

    @Test
    void svgEscapesLabelText() {
        String svg = ChartImage.svg(eniChart(), 600, 200, "c1");

        assertThat(svg).doesNotContain("<script").contains("eni-&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void svgIdsCarryThePrefix() {
        String svg = ChartImage.svg(eniChart(), 600, 200, "c1");

        assertThat(svg).contains("id='c1'").doesNotContainPattern("id=['\"](?!c1)");
    }

    @Test
    void pngIsDrawnAtTheScaleAsked() throws Exception {
        byte[] png = ChartImage.png(eniChart(), 300, 150, 2);

        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(300);
    }
}
