package io.github.paperdigest.benchmarks;

import java.util.concurrent.Callable;

/**
 * The peak heap in use while some work runs, sampled every millisecond on a thread of its own: live
 * objects and garbage not yet collected, so an upper bound of what the work needs.
 */
final class PeakHeap {
  private PeakHeap() {}

  /** What {@code work} returned, and the peak heap in use while it ran. */
  record Sampled<T>(T result, long peakBytes) {
    long peakMiB() {
      return peakBytes / (1024 * 1024);
    }
  }

  static <T> Sampled<T> during(Callable<T> work) throws Exception {
    Runtime runtime = Runtime.getRuntime();
    long[] peak = {0};
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory());
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    try {
      return new Sampled<>(work.call(), peak[0]);
    } finally {
      sampler.interrupt();
      sampler.join();
    }
  }

  /** The heap the JVM may use, in MiB. */
  static long maxMiB() {
    return Runtime.getRuntime().maxMemory() / (1024 * 1024);
  }
}
