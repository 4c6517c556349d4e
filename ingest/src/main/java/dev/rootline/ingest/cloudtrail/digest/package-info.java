/**
 * CloudTrail log file integrity validation for evidence on disk: what {@code aws cloudtrail validate-logs} does
 * against S3, done on a folder of pulled log files and digest files.
 *
 * <p>Use it in two lines:
 * <pre>{@code
 * DigestReport report = DigestValidation.validate(folder, PublicKeys.fromFiles(Path.of("us-east-1.pem")));
 * report.lines().forEach(System.out::println);
 * }</pre>
 *
 * <p>How files are matched: digests name S3 keys, and CloudTrail's file names are unique, so the folder is indexed
 * once by file name ({@code .gz} dropped, so decompressed copies match too), wherever the files sit under it.
 * Digest files are named {@code *_CloudTrail-Digest_*.json[.gz]}, log files {@code *_CloudTrail_*.json[.gz]}.
 *
 * <p>What is checked, as the CloudTrail user guide ("Custom implementations of CloudTrail log file integrity
 * validation") and the AWS CLI describe it:
 * <ul>
 *   <li>each log file a digest lists: SHA-256 of its uncompressed content against the digest's {@code hashValue}
 *       ({@link dev.rootline.ingest.cloudtrail.digest.LogFileCheck});</li>
 *   <li>each digest: its SHA-256 against the next digest's {@code previousDigestHashValue}, and its RSA signature
 *       (SHA256withRSA over {@code digestEndTime\nbucket/key\nsha256-hex\npreviousDigestSignature}, the last being
 *       {@code null} in a chain's first digest). S3 keeps a digest's signature in object metadata, so on disk it
 *       comes from the next digest's {@code previousDigestSignature}, or for the newest digest from a sidecar
 *       {@code <digest file name>.sig} (hex) that rootline's puller writes
 *       ({@link dev.rootline.ingest.cloudtrail.digest.DigestCheck});</li>
 *   <li>the chain: a digest whose previous digest is absent while older digests of the same trail are present is
 *       a chain break, and the absent digest is MISSING. The oldest digest's previous is simply before the
 *       evidence, which is a note, not a problem.</li>
 * </ul>
 *
 * <p>Public keys ({@link dev.rootline.ingest.cloudtrail.digest.PublicKeys}) come from key files or from
 * {@code cloudtrail:ListPublicKeys}. A digest names its key by {@code digestPublicKeyFingerprint}, the hex MD5 of
 * the key's PKCS#1 DER encoding, so a key file applies only to digests with its fingerprint. CloudTrail signs with
 * one key per region: pass a key (or a client) for every region in the evidence.
 *
 * <p>Bad input is reported, not thrown: a damaged gzip or an unreadable digest is MODIFIED with the reason. Only
 * an unreadable folder raises an {@link java.io.IOException}.
 */
package dev.rootline.ingest.cloudtrail.digest;
