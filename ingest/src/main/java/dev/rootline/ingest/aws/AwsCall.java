package dev.rootline.ingest.aws;

import software.amazon.awssdk.core.exception.SdkException;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * One AWS API call as people and IAM policies name it, so that a failure can say which call, on what, and
 * which permission it needs.
 *
 * @param api        {@code service:Operation}, e.g. {@code s3:ListObjectsV2}
 * @param permission the IAM action the call needs, e.g. {@code s3:ListBucket}
 * @param resource   what it was called on, e.g. {@code bucket my-trail}
 */
record AwsCall(String api, String permission, String resource) {

    static AwsCall of(String api, String permission, String resource) {
        return new AwsCall(api, permission, resource);
    }

    /** Same call and permission on another resource. */
    AwsCall on(String otherResource) {
        return new AwsCall(api, permission, otherResource);
    }

    <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrors.explain(this, e);
        }
    }

    /**
     * A paginator's items, with failures explained. Paginators call AWS while they are iterated, so the
     * loop body stays outside the translation and may throw what it likes.
     */
    <T> Iterable<T> each(Iterable<T> paginated) {
        return () -> {
            Iterator<T> it = run(paginated::iterator);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return run(it::hasNext);
                }

                @Override
                public T next() {
                    return run(it::next);
                }
            };
        };
    }
}
