package dev.rootline.timeline.findings;

import java.util.Objects;

/**
 * Evidence an investigation lacked, and the exact command that fetches it.
 *
 * @param reason  what the evidence would settle, in words
 * @param command a command to run as it stands (rootline's own, or the AWS CLI's)
 */
public record NextStep(String reason, String command) {
    public NextStep {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(command, "command");
    }
}
