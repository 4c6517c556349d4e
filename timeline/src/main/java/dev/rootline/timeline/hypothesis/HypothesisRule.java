package dev.rootline.timeline.hypothesis;

import java.util.List;

/** One way a burst can be explained. Rules are stateless and listed in {@link HypothesisRules}. */
interface HypothesisRule {
    String name();

    List<Candidate> propose(BurstContext ctx);
}
