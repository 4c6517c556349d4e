package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.CloudTrailRecord;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What a scenario says happened, before any file exists: the evidence window, the changes (each a set of
 * CloudTrail records plus its effect on the network at a moment), the ground truth and the prose for the
 * README. {@link Simulation} turns it into evidence.
 *
 * <p>Each effect is applied to {@link #plan} as it is added, so the story always knows the network as its
 * changes so far leave it (the ENI to delete next, the end state to snapshot), and kept to be replayed in
 * time order while the logs are written. Effects added out of time order must touch different resources.
 */
final class Story {
    /** A change to the network at a moment. */
    record Effect(long time, Consumer<NetState> apply) {
    }

    /** A line of the README's timeline. */
    record Note(long time, String text) {
    }

    /** An EKS update, for the {@code describe-update} files. */
    record Update(String cluster, String id, String type, long createdAt, List<String> params) {
    }

    final String scenario;
    final long seed;
    final Estate estate;
    final long start;
    final long end;
    /** Draws the ids of the story's own records and resources. */
    final SplittableRandom ids;
    final NetState plan;
    /** Mean background CloudTrail records per hour. */
    final int noisePerHour;
    final List<CloudTrailRecord> records = new ArrayList<>();
    final List<Effect> effects = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final List<Expected.RedHerring> herrings = new ArrayList<>();
    /** Times of the Docker Hub 429s in Clouddriver's log, in order. */
    final List<Long> rateLimited = new ArrayList<>();
    final List<Update> updates = new ArrayList<>();
    final Set<String> reserved = new LinkedHashSet<>();
    Expected.Cause cause = Expected.Cause.none();
    String title = "";
    String narrative = "";
    String answer = "";

    Story(String scenario, long seed, Estate estate, long start, long end, int noisePerHour) {
        this.scenario = scenario;
        this.seed = seed;
        this.estate = estate;
        this.start = start;
        this.end = end;
        this.noisePerHour = noisePerHour;
        this.ids = new SplittableRandom(Ids.mix(seed ^ scenario.hashCode()));
        this.plan = NetState.initial(estate);
        this.reserved.addAll(estate.reservedIps());
    }

    void change(long time, Consumer<NetState> effect) {
        effect.accept(plan);
        effects.add(new Effect(time, effect));
    }

    void record(CloudTrailRecord r) {
        if (r.time() < start || r.time() >= end) {
            throw new IllegalStateException(r.eventName() + " at " + r.time() + " falls outside the evidence window");
        }
        records.add(r);
    }

    void note(long time, String text) {
        notes.add(new Note(time, text));
    }

    void herring(String what, List<String> eventIds) {
        herrings.add(new Expected.RedHerring(what, eventIds, null, null, null));
    }

    /** The story's records in time order, for merging into the hourly files. */
    List<CloudTrailRecord> recordsInOrder() {
        List<CloudTrailRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(CloudTrailRecord::time));
        return sorted;
    }

    /** The effects in time order (stable, so same-time effects keep the order they were added in). */
    List<Effect> effectsInOrder() {
        List<Effect> sorted = new ArrayList<>(effects);
        sorted.sort(Comparator.comparingLong(Effect::time));
        return sorted;
    }

    List<Note> notesInOrder() {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingLong(Note::time));
        return sorted;
    }

    /** A number in [from, to) from the story's ids stream: for jittering times and picking variants. */
    long between(long from, long to) {
        return from + ids.nextLong(to - from);
    }
}
