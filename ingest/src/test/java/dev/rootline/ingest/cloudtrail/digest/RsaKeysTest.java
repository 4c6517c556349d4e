package dev.rootline.ingest.cloudtrail.digest;

import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RsaKeysTest {
    /**
     * The key and fingerprint {@code aws cloudtrail list-public-keys} prints in the AWS CLI's example
     * (awscli/examples/cloudtrail/list-public-keys.rst): Value is base64 of PKCS#1 DER.
     */
    static final String AWS_EXAMPLE_VALUE = "MIIBCgKCAQEAlSS3cl92HDycr/MTj0moOhas8habjrraXw+KzlWF0axSI2tcF+3iJ9BKQAVSKxGwx"
            + "wu3m0wG3J+kUl1xboEcEPHYoIYMbgfSw7KGnuDKwkLzsQWhUJ0cIbOHASox1vv/5fNXkrHhGbDCHeVXm804c83nvHUEFYThr1PfyP/8HwrCt"
            + "R3FX5OANtQCP61C1nJtSSkC8JSQUOrIP4CuwJjc+4WGDk+BGH5m9iuiAKkipEHWmUl8/P7XpfpWQuk4h8g3pXZOrNXr08lbh4d39svj7Uqdh"
            + "vOXoBISp9t/EXYuePGEtBdrKD9Dz+VHwyUPtBQvYr9BnkF88qBnaPNhS44rzwIDAQAB";
    static final String AWS_EXAMPLE_FINGERPRINT = "7f3f401420072e50a65a141430817ab3";

    @Test
    void theFingerprintIsTheMd5OfThePkcs1Der() {
        byte[] der = Base64.getDecoder().decode(AWS_EXAMPLE_VALUE);
        RSAPublicKey key = RsaKeys.fromPkcs1(der);
        assertThat(RsaKeys.pkcs1(key)).isEqualTo(der);
        assertThat(RsaKeys.fingerprint(key)).isEqualTo(AWS_EXAMPLE_FINGERPRINT);
    }

    @Test
    void theX509AndPkcs1FormsOfAKeyAreOneKey() {
        RSAPublicKey key = (RSAPublicKey) TrailFolder.SIGNER.getPublic();
        assertThat(RsaKeys.parse(key.getEncoded())).isEqualTo(key);
        assertThat(RsaKeys.parse(RsaKeys.pkcs1(key))).isEqualTo(key);
        assertThat(RsaKeys.fingerprint(RsaKeys.fromPkcs1(RsaKeys.pkcs1(key)))).isEqualTo(RsaKeys.fingerprint(key));
    }

    @Test
    void aPemThatIsNotAPublicKeyIsRefusedByName() {
        assertThatThrownBy(() -> RsaKeys.parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("holds a PEM PRIVATE KEY, not a public key");
        assertThatThrownBy(() -> RsaKeys.parse(new byte[]{1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an RSA public key");
    }
}
