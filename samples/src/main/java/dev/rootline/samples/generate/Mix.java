package dev.rootline.samples.generate;

/**
 * How a corpus divides its events between the formats, as relative weights ({@code 6, 3, 1} is the same
 * mix as {@code 0.6, 0.3, 0.1}). A weight of zero leaves the format out.
 */
public record Mix(double cloudtrail, double clouddriver, double k8sEvents) {
    /** CloudTrail-heavy, as an AWS account's evidence usually is. */
    public static final Mix DEFAULT = new Mix(0.6, 0.3, 0.1);

    public Mix {
        if (!(cloudtrail >= 0) || !(clouddriver >= 0) || !(k8sEvents >= 0)) {
            throw new IllegalArgumentException("mix weights must be zero or positive numbers");
        }
        if (cloudtrail + clouddriver + k8sEvents <= 0 || Double.isInfinite(cloudtrail + clouddriver + k8sEvents)) {
            throw new IllegalArgumentException("at least one mix weight must be positive and all finite");
        }
    }

    /** {@code events} split by the weights, summing to exactly {@code events} (largest remainder first). */
    long[] split(long events) {
        double[] w = {cloudtrail, clouddriver, k8sEvents};
        double total = w[0] + w[1] + w[2];
        long[] out = new long[3];
        double[] remainder = new double[3];
        long given = 0;
        for (int i = 0; i < 3; i++) {
            double exact = events * (w[i] / total);
            out[i] = (long) Math.floor(exact);
            remainder[i] = w[i] > 0 ? exact - out[i] : -1;
            given += out[i];
        }
        for (long left = events - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < 3; i++) {
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
