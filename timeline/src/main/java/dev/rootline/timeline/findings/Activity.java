package dev.rootline.timeline.findings;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An engineering activity read from the index ({@code source:activity}): a deploy, a Terraform apply, an upgrade, an
 * on-call action. Values as the team recorded them: {@code title}, {@code actor} and {@code link} are untrusted text,
 * and a renderer that links {@code link} must check its scheme.
 *
 * @param id    the event's id
 * @param end   when it finished, or null when not recorded
 * @param kind  lower-case ({@code deploy}, {@code terraform-apply}…); {@code activity} when the file gave none
 * @param actor who ran it, or null
 * @param link  where it is recorded (a CI run, a ticket), or null
 */
public record Activity(String id, Instant time, Instant end, String title, String kind, String actor, String link) {
    /** How long before a burst's first failure an activity is shown beside it. */
    public static final Duration BEFORE_BURST = Duration.ofHours(1);

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        title = title == null ? "" : title;
        kind = kind == null ? "activity" : kind;
    }

    /** Whether it began within {@link #BEFORE_BURST} before the burst's first failure (its start included). */
    public boolean shortlyBefore(Burst b) {
        return !time.isAfter(b.start()) && !time.isBefore(b.start().minus(BEFORE_BURST));
    }
}
