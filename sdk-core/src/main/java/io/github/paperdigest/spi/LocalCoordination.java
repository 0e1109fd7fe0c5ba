package io.github.paperdigest.spi;

import java.time.Duration;

/** {@link Coordination#local()}: no fleet. */
final class LocalCoordination implements Coordination {
  static final LocalCoordination INSTANCE = new LocalCoordination();
  private static final Turn NONE = () -> {};

  private LocalCoordination() {}

  @Override
  public Turn turn(String sourceId, PolitenessPolicy policy, Duration maxWait) {
    return NONE;
  }

  @Override
  public byte[] shared(String key, Duration maxWait, Loader loader) {
    return loader.load().bytes();
  }

  @Override
  public String toString() {
    return "Coordination.local()";
  }
}
