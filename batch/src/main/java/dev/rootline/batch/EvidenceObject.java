package dev.rootline.batch;

import java.io.Serializable;

/**
 * One file or S3 object to read, as the driver listed it.
 *
 * @param location a local path, or {@code s3://bucket/key}
 */
record EvidenceObject(String location, long size) implements Serializable {
    boolean inS3() {
        return location.startsWith("s3://");
    }
}
