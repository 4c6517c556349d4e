package dev.rootline.ingest.aws;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Spaces HTTP requests at least {@code 1 / perSecond} apart, for APIs whose quota is a steady rate
 * (LookupEvents allows 2 requests per second per account and region). It runs before every attempt the SDK
 * transmits, retries included, so a throttled call retried by the SDK still keeps to the rate.
 */
final class RequestPacer implements ExecutionInterceptor {
    private final long intervalNanos;
    private long next = Long.MIN_VALUE;

    RequestPacer(double perSecond) {
        this.intervalNanos = (long) Math.ceil(1e9 / perSecond);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        try {
            await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("interrupted while pacing requests");
        }
    }

    synchronized void await() throws InterruptedException {
        long now = System.nanoTime();
        if (next != Long.MIN_VALUE && now < next) {
            long wait = next - now;
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            now = System.nanoTime();
        }
        next = now + intervalNanos;
    }
}
