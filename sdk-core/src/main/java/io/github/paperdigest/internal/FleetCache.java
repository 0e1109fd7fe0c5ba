package io.github.paperdigest.internal;

import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.spi.Coordination;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The fleet's level of the result cache: a page the local cache does not hold is asked of the
 * {@link Coordination}, which answers with a page another member stored, or lets one member of the
 * fleet fetch it (the others wait for it) and stores it for its remaining freshness. Pages travel
 * as {@link PageCodec} bytes; bytes this SDK version cannot read are a miss, fetched here.
 */
final class FleetCache implements AutoCloseable {
  private final Coordination coordination;
  private final PageCodec codec;
  private final Clock clock;
  private final Duration maxWait;
  private final @Nullable ExecutorService executor;

  FleetCache(Coordination coordination, PageCodec codec, Clock clock, Duration maxWait) {
    this.coordination = coordination;
    this.codec = codec;
    this.clock = clock;
    this.maxWait = maxWait.isZero() ? Duration.ofMinutes(5) : maxWait;
    this.executor =
        coordination == Coordination.local()
            ? null
            : Executors.newCachedThreadPool(
                r -> {
                  Thread t = new Thread(r, "paperdigest-fleet");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** {@code fetch} through the fleet under {@code key} (as is without a fleet). */
  Fetch<Page> wrap(ResultCache.Key key, Fetch<Page> fetch) {
    ExecutorService pool = executor;
    if (pool == null) {
      return fetch;
    }
    return new Fetch<>() {
      @Override
      public Page execute() {
        return shared(key, fetch);
      }

      @Override
      public CompletableFuture<Page> executeAsync() {
        // the coordination blocks (it talks to the fleet): on a thread of its own
        return CompletableFuture.supplyAsync(this::execute, pool);
      }
    };
  }

  private Page shared(ResultCache.Key key, Fetch<Page> fetch) {
    AtomicReference<@Nullable Page> mine = new AtomicReference<>();
    byte[] bytes;
    try {
      bytes =
          coordination.shared(
              name(key),
              maxWait,
              () -> {
                Page page = fetch.execute(); // a failure is thrown, never stored
                mine.set(page);
                if (page.freshness().isZero()) {
                  return Coordination.Loaded.NOT_SHARED;
                }
                try {
                  return new Coordination.Loaded(
                      codec.encode(page, clock.instant()), page.freshness());
                } catch (PageCodec.Unencodable e) {
                  return Coordination.Loaded.NOT_SHARED; // not shared, still answered
                }
              });
    } catch (PaperDigestException e) {
      throw e; // the source's own failure, from the loader
    } catch (RuntimeException e) {
      // the fleet itself failed (its cluster gone, say): a typed error, and no request made
      // without the fleet's turn
      throw new SourceUnavailableException(
          key.sourceId(), null, "the fleet's shared cache failed (" + coordination + "): " + e, e);
    }
    Page own = mine.get();
    if (own != null) {
      return own;
    }
    PageCodec.Decoded decoded = codec.decode(bytes);
    if (decoded == null) {
      return fetch.execute(); // written by another SDK version, or broken: not ours to read
    }
    Page p = decoded.page();
    Duration left = p.freshness().minus(Duration.between(decoded.fetchedAt(), clock.instant()));
    return new Page(
        p.papers(),
        p.nextPageToken(),
        p.totalResults(),
        left.isNegative() ? Duration.ZERO : left,
        p.truncated());
  }

  /** The fleet-wide name of {@code key}: the format and a SHA-256 of what the key says. */
  static String name(ResultCache.Key key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (key.sourceId() + '\0' + key.kind() + '\0' + key.request())
                  .getBytes(StandardCharsets.UTF_8));
      return "paperdigest:1:" + key.sourceId() + ":" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
