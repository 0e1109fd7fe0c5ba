package io.github.paperdigest.internal;

/**
 * Limits retries to a share of the traffic, so that a publisher in trouble is not hit by a storm of
 * retries: every first attempt deposits a tenth of a token, every retry spends one, and the bucket
 * holds at most ten.
 */
final class RetryBudget {
  private static final double MAX = 10.0;
  private static final double DEPOSIT = 0.1;
  private double tokens = MAX;

  synchronized void onRequest() {
    tokens = Math.min(MAX, tokens + DEPOSIT);
  }

  synchronized boolean tryRetry() {
    if (tokens < 1.0) {
      return false;
    }
    tokens -= 1.0;
    return true;
  }
}
