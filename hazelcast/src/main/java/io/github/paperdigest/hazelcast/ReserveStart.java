package io.github.paperdigest.hazelcast;

import com.hazelcast.map.EntryProcessor;
import java.io.Serial;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Moves a source's next request start, atomically on the member that owns the source's key. To
 * reserve ({@code release == false}): the slot is the later of now and the next start, and the next
 * start moves one interval past it. When an exchange ends ({@code release == true}): the next start
 * is at least one interval after now, so that the interval also holds between the arrivals the
 * publisher sees, whatever time the previous request took to reach it. Times are the cluster's
 * (milliseconds), so members' clocks need not agree.
 */
final class ReserveStart implements EntryProcessor<String, Long, Long> {
  @Serial private static final long serialVersionUID = 1L;

  private final long now;
  private final long interval;
  private final boolean release;

  ReserveStart(long now, long interval, boolean release) {
    this.now = now;
    this.interval = interval;
    this.release = release;
  }

  @Override
  public Long process(Map.Entry<String, Long> entry) {
    @Nullable Long next = entry.getValue();
    if (release) {
      long after = next == null ? now + interval : Math.max(next, now + interval);
      entry.setValue(after);
      return after;
    }
    long slot = next == null ? now : Math.max(now, next);
    entry.setValue(slot + interval);
    return slot;
  }
}
