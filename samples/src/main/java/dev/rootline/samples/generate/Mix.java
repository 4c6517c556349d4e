package dev.rootline.samples.generate;

/**
 * How a corpus divides its events between the formats, as relative weights ({@code 6, 3, 1} is the same
 * mix as {@code 0.6, 0.3, 0.1}). A weight of zero leaves the format out. {@code flows} are VPC flow-log
 * records of the gateway VPC (none unless asked for).
 */
public record Mix(double cloudtrail, double clouddriver, double k8sEvents, double flows) {
    /** CloudTrail-heavy, as an AWS account's evidence usually is. */
    public static final Mix DEFAULT = new Mix(0.6, 0.3, 0.1);

    public Mix {
        if (!(cloudtrail >= 0) || !(clouddriver >= 0) || !(k8sEvents >= 0) || !(flows >= 0)) {
            throw new IllegalArgumentException("mix weights must be zero or positive numbers");
        }
        double sum = cloudtrail + clouddriver + k8sEvents + flows;
        if (sum <= 0 || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("at least one mix weight must be positive and all finite");
        }
    }

    public Mix(double cloudtrail, double clouddriver, double k8sEvents) {
        this(cloudtrail, clouddriver, k8sEvents, 0);
    }

    /** {@code events} split by the weights, summing to exactly {@code events} (largest remainder first). */
    long[] split(long events) {
        double[] w = {cloudtrail, clouddriver, k8sEvents, flows};
        double total = w[0] + w[1] + w[2] + w[3];
        long[] out = new long[w.length];
        double[] remainder = new double[w.length];
        long given = 0;
        for (int i = 0; i < w.length; i++) {
            double exact = events * (w[i] / total);
            out[i] = (long) Math.floor(exact);
            remainder[i] = w[i] > 0 ? exact - out[i] : -1;
            given += out[i];
        }
        for (long left = events - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < w.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
        }
        return out;
    }
}
