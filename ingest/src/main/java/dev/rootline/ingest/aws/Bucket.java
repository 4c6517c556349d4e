package dev.rootline.ingest.aws;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.List;

/**
 * A bucket as the S3 pulls read it: its folders one level at a time, the objects under a prefix, an object's
 * content. Failures are {@link PullException}s naming the call and what it was called on.
 */
final class Bucket {
    private static final AwsCall LIST = AwsCall.of("s3:ListObjectsV2", "s3:ListBucket", "");

    private final S3Client s3;
    private final String name;

    Bucket(S3Client s3, String name) {
        this.s3 = s3;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** {@code s3://bucket/key}: how events, diagnostics and the checkpoint name an object. */
    String location(String key) {
        return "s3://" + name + "/" + key;
    }

    /** The folders directly under {@code prefix}, each ending in {@code /}. */
    List<String> folders(String prefix) {
        List<String> out = new ArrayList<>();
        for (CommonPrefix p : LIST.on("bucket " + name).each(s3.listObjectsV2Paginator(
                b -> b.bucket(name).prefix(prefix).delimiter("/")).commonPrefixes())) {
            out.add(p.prefix());
        }
        return out;
    }

    /** Every object under {@code prefix}, at any depth, listed {@code pageSize} keys a call as they are iterated. */
    Iterable<S3Object> objects(String prefix, int pageSize) {
        return LIST.on(location(prefix)).each(s3.listObjectsV2Paginator(
                b -> b.bucket(name).prefix(prefix).maxKeys(pageSize)).contents());
    }

    /** @param permission what reading the object needs, as a denied call names it */
    ResponseInputStream<GetObjectResponse> open(String key, String permission) {
        return AwsCall.of("s3:GetObject", permission, location(key)).run(() -> s3.getObject(b -> b.bucket(name).key(key)));
    }

    /** The last segment of a folder: {@code us-east-1} of {@code AWSLogs/1/CloudTrail/us-east-1/}. */
    static String folderName(String folder) {
        String d = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        return d.substring(d.lastIndexOf('/') + 1);
    }
}
