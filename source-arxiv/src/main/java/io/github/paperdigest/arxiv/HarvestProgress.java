package io.github.paperdigest.arxiv;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a harvest stands after a page: what it has delivered in all (a resumed harvest counts the
 * runs before too), and what this run took.
 *
 * @param records the records delivered, deleted ones included
 * @param deleted the deleted records among them
 * @param pages the pages read
 * @param completeListSize how many records arXiv says the list has, if it says
 * @param runRecords the records this run delivered
 * @param elapsed how long this run has taken
 * @param complete whether the list was read to its end
 */
public record HarvestProgress(
    long records,
    long deleted,
    long pages,
    @Nullable Long completeListSize,
    long runRecords,
    Duration elapsed,
    boolean complete) {

  /** Checks the components. */
  public HarvestProgress {
    Objects.requireNonNull(elapsed, "elapsed == null");
  }

  /** This run's records per second (0 before a second has passed). */
  public double recordsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds < 1e-3 ? 0 : runRecords / seconds;
  }
}
