package io.github.paperdigest.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Longer (or shorter) waits for one request than the client's, for publishers known to answer some
 * requests slowly (arXiv's OAI-PMH takes 30 to 90 s for a page). Attach it as the request's tag;
 * {@link SourceContext#fetch} honours it:
 *
 * <pre>{@code
 * Request r = new Request.Builder().url(url)
 *     .tag(RequestTimeouts.class, new RequestTimeouts(Duration.ofMinutes(2), Duration.ofMinutes(5)))
 *     .build();
 * }</pre>
 *
 * @param read the longest wait between two bytes of the answer (replaces the client's read timeout)
 * @param call the deadline of the whole request, its politeness waits and retries included
 *     (replaces the client's call timeout)
 */
public record RequestTimeouts(Duration read, Duration call) {
  /**
   * Checks the durations.
   *
   * @throws IllegalArgumentException if either is not positive
   */
  public RequestTimeouts {
    Objects.requireNonNull(read, "read == null");
    Objects.requireNonNull(call, "call == null");
    if (read.isNegative() || read.isZero() || call.isNegative() || call.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive: " + read + ", " + call);
    }
  }
}
