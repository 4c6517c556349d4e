package dev.rootline.ingest.aws;

/**
 * A streaming pull stopped because its target asked ({@link EventTarget#stopRequested}, Ctrl-C): no further object
 * was started, the objects being read were finished, committed and checkpointed, so the next run resumes there.
 */
public final class PullStopped extends RuntimeException {
    PullStopped() {
        super("stopped before the end; the objects finished so far are committed and checkpointed");
    }
}
