package org.openapheresis.server.product.label;

import java.util.Arrays;
import java.util.Locale;

/**
 * How long one label takes to render: warms the JIT with {@code warmup} labels, then times {@code n} more one after
 * another on one thread and prints the median and the 95th percentile. Not a unit test; run it with the test class
 * path, e.g. {@code java -cp <test class path> org.openapheresis.server.product.label.LabelRenderTiming 200 100}.
 */
public final class LabelRenderTiming {

    private LabelRenderTiming() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        LabelContent label = Labels.autologousHpcApheresis();
        long bytes = 0;
        for (int i = 0; i < warmup; i++) {
            bytes += LabelPdf.render(label).length;
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            bytes += LabelPdf.render(label).length;
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%d labels after %d warm-up: median %.1f ms, p95 %.1f ms, max %.1f ms (%d bytes in all)%n",
                n, warmup, percentile(ms, 50), percentile(ms, 95), ms[n - 1], bytes);
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
