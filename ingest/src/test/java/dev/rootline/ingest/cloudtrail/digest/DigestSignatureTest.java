package dev.rootline.ingest.cloudtrail.digest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DigestSignatureTest {
    private static DigestFile digest(String previousSignature) {
        return new DigestFile("111122223333", "2015-05-08T06:19:37Z", "2015-05-08T07:19:37Z", "bucket",
                "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/05/08/d.json.gz", "fp", "SHA256withRSA",
                null, null, null, previousSignature, List.of());
    }

    @Test
    void theSigningStringIsEndTimeLocationHashAndPreviousSignature() {
        assertThat(DigestSignature.signingString(digest("50887c"), "97fb79")).isEqualTo("2015-05-08T07:19:37Z\n"
                + "bucket/AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/05/08/d.json.gz\n97fb79\n50887c");
    }

    @Test
    void theFirstDigestOfAChainSignsTheWordNull() {
        assertThat(DigestSignature.signingString(digest(null), "97fb79")).endsWith("\n97fb79\nnull");
    }
}
