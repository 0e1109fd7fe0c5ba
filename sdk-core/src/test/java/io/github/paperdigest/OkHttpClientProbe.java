package io.github.paperdigest;

import io.github.paperdigest.internal.Engine;
import java.lang.reflect.Field;

/** Reads a client's dispatcher, for tests that check calls are cancelled. */
final class OkHttpClientProbe {
  private OkHttpClientProbe() {}

  static void awaitNoRunningCalls(PaperDigest client) throws Exception {
    Field f = PaperDigest.class.getDeclaredField("engine");
    f.setAccessible(true);
    Engine engine = (Engine) f.get(client);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (engine.settings().httpClient().dispatcher().runningCallsCount() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the call was not cancelled");
      }
      Thread.sleep(10);
    }
  }
}
