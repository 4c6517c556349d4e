package dev.rootline.index.solr;

import dev.rootline.index.IndexException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SolrLocationTest {
    @Test
    void aZooKeeperEnsembleWithAChroot() {
        SolrLocation l = SolrLocation.parse("solr://zk1:2181,zk2:2181/events?chroot=/solr");
        assertThat(l.zkHosts()).containsExactly("zk1:2181", "zk2:2181");
        assertThat(l.chroot()).contains("/solr");
        assertThat(l.collection()).isEqualTo("events");
        assertThat(l).hasToString("solr://zk1:2181,zk2:2181/events?chroot=/solr");
    }

    @Test
    void aNodesHttpAddress() {
        SolrLocation l = SolrLocation.parse("solr+https://solr.example.com:8983/solr/events");
        assertThat(l.solrUrls()).isEqualTo(List.of("https://solr.example.com:8983/solr"));
        assertThat(l.zkHosts()).isEmpty();
        assertThat(l.chroot()).isEqualTo(Optional.empty());
        assertThat(l.collection()).isEqualTo("events");
        assertThat(l.tls()).isTrue();
        assertThat(l).hasToString("solr+https://solr.example.com:8983/solr/events");
    }

    @Test
    void credentialsInTheAddressAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> SolrLocation.parse("solr+http://admin:s3cret@host:8983/solr/c"))
                .isInstanceOf(IndexException.class).hasMessageContaining("--solr-user")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void malformedAddressesSayWhatIsExpected() {
        assertThatThrownBy(() -> SolrLocation.parse("solr://zk1/events")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> SolrLocation.parse("solr://zk1:2181/")).hasMessageContaining("expected solr://");
        assertThatThrownBy(() -> SolrLocation.parse("solr://zk1:2181/bad name")).isInstanceOf(IndexException.class);
        assertThatThrownBy(() -> SolrLocation.parse("solr+http://host:8983")).hasMessageContaining("COLLECTION");
    }
}
