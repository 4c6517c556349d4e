package dev.rootline.timeline.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every state one resource (route table, security group, ACL, peering, cluster...) took, each with the
 * instant from which it holds. A resource's state depends only on its own snapshots and changes, so the
 * states are computed once, each change applied or undone once, and looking one up is a binary search.
 *
 * <p>Before the first snapshot, the state at T is that snapshot with its changes in (T, snapshot] undone,
 * newest first. From a snapshot on, it is the latest snapshot at or before T with its changes in
 * (snapshot, T] applied, oldest first; a change at exactly T counts as made.
 */
final class ResourceTimeline {
    private final long[] from;
    private final Object[] states;

    private ResourceTimeline(long[] from, Object[] states) {
        this.from = from;
        this.states = states;
    }

    /**
     * @param snapshots this resource's snapshots, oldest first, at least one
     * @param changes   this resource's changes, oldest first
     * @param history   every change, oldest first (undo looks back for values its own record lacks)
     */
    static ResourceTimeline of(List<Snapshots.Observed> snapshots, List<Change> changes, List<Change> history) {
        Segments out = new Segments();
        Snapshots.Observed first = snapshots.get(0);
        long firstAt = first.at().toEpochMilli();
        int beforeFirst = 0;
        while (beforeFirst < changes.size() && changes.get(beforeFirst).time().toEpochMilli() <= firstAt) {
            beforeFirst++;
        }
        // backwards from the first snapshot: undoing change i gives the state that held before it
        long[] changedAt = new long[beforeFirst];
        Object[] heldFrom = new Object[beforeFirst];
        Object state = first.state();
        for (int i = beforeFirst - 1; i >= 0; i--) {
            changedAt[i] = changes.get(i).time().toEpochMilli();
            heldFrom[i] = state;
            state = step(state, changes.get(i), true, history);
        }
        out.add(Long.MIN_VALUE, state);
        for (int i = 0; i < beforeFirst; i++) {
            out.add(changedAt[i], heldFrom[i]);
        }
        // forwards: each snapshot resets the state, changes after it up to the next snapshot are applied
        int c = beforeFirst;
        for (int s = 0; s < snapshots.size(); s++) {
            Snapshots.Observed snap = snapshots.get(s);
            long at = snap.at().toEpochMilli();
            long next = s + 1 < snapshots.size() ? snapshots.get(s + 1).at().toEpochMilli() : Long.MAX_VALUE;
            out.add(at, snap.state());
            state = snap.state();
            while (c < changes.size() && changes.get(c).time().toEpochMilli() <= at) {
                c++; // made at or before this snapshot: already in it
            }
            while (c < changes.size() && changes.get(c).time().toEpochMilli() < next) {
                state = step(state, changes.get(c), false, history);
                out.add(changes.get(c).time().toEpochMilli(), state);
                c++;
            }
        }
        return out.build();
    }

    /** The state holding at {@code t}. */
    Object at(Instant t) {
        int i = Arrays.binarySearch(from, t.toEpochMilli());
        return states[i >= 0 ? i : -i - 2];
    }

    /** Applies or undoes one change on a network holding only this resource. */
    private static Object step(Object state, Change c, boolean undo, List<Change> history) {
        Network.Builder b = new Network.Builder();
        b.put(state);
        Replay replay = new Replay(b, history);
        if (undo) {
            replay.undo(c);
        } else {
            replay.apply(c);
        }
        return b.get(state);
    }

    /** Start instants in ascending order; a later state with the same start replaces the earlier one. */
    private static final class Segments {
        private final List<Long> from = new ArrayList<>();
        private final List<Object> states = new ArrayList<>();

        void add(long start, Object state) {
            int last = from.size() - 1;
            if (last >= 0 && from.get(last) == start) {
                states.set(last, state);
            } else {
                from.add(start);
                states.add(state);
            }
        }

        ResourceTimeline build() {
            return new ResourceTimeline(from.stream().mapToLong(Long::longValue).toArray(), states.toArray());
        }
    }
}
