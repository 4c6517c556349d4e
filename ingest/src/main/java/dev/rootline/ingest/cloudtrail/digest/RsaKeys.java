package dev.rootline.ingest.cloudtrail.digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA public keys in the two DER shapes CloudTrail work meets: ListPublicKeys returns PKCS#1 {@code RSAPublicKey}
 * (API reference, "PublicKey": "The DER encoded public key value in PKCS#1 format"), while OpenSSL and Java write
 * X.509 {@code SubjectPublicKeyInfo}. The JDK reads only the second, so PKCS#1 is wrapped in it.
 *
 * <p>A digest's {@code digestPublicKeyFingerprint} is the hex MD5 of the PKCS#1 DER: checked against the
 * ListPublicKeys example in the AWS CLI documentation (RsaKeysTest).
 */
final class RsaKeys {
    /** AlgorithmIdentifier { rsaEncryption, NULL }, the fixed head of every RSA SubjectPublicKeyInfo. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final int MAX_KEY_FILE = 1 << 20;

    private RsaKeys() {
    }

    /** A key file: PEM ({@code PUBLIC KEY} or {@code RSA PUBLIC KEY}) or DER (X.509 or PKCS#1). */
    static RSAPublicKey read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_KEY_FILE + 1);
        }
        if (bytes.length > MAX_KEY_FILE) {
            throw new IOException(file + ": larger than 1 MiB, not a public key file");
        }
        try {
            return parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static RSAPublicKey parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN ")) {
            Matcher m = PEM.matcher(text);
            if (!m.find()) {
                throw new IllegalArgumentException("a PEM file without a matching -----END line");
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM body is not base64");
            }
            return switch (m.group(1)) {
                case "PUBLIC KEY" -> fromSpki(der);
                case "RSA PUBLIC KEY" -> fromPkcs1(der);
                default -> throw new IllegalArgumentException("holds a PEM " + m.group(1) + ", not a public key");
            };
        }
        try {
            return fromSpki(bytes);
        } catch (IllegalArgumentException notSpki) {
            return fromPkcs1(bytes);
        }
    }

    static RSAPublicKey fromSpki(byte[] der) {
        try {
            if (KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)) instanceof RSAPublicKey k) {
                return k;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // not an RSA SubjectPublicKeyInfo: reported below
        }
        throw new IllegalArgumentException("not an RSA public key (PEM, or DER in X.509 or PKCS#1 form)");
    }

    static RSAPublicKey fromPkcs1(byte[] der) {
        return fromSpki(tlv(0x30, concat(RSA_ALGORITHM, tlv(0x03, concat(new byte[]{0}, der)))));
    }

    /** {@code RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }} in DER. */
    static byte[] pkcs1(RSAPublicKey key) {
        return tlv(0x30, concat(integer(key.getModulus()), integer(key.getPublicExponent())));
    }

    static String fingerprint(RSAPublicKey key) {
        try {
            return ContentHash.hex(MessageDigest.getInstance("MD5").digest(pkcs1(key)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
