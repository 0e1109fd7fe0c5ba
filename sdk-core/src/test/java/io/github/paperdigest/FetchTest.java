package io.github.paperdigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.spi.Fetch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class FetchTest {
  private static final SourceHttpException NOT_FOUND =
      new SourceHttpException("s", 404, "http://x/", null);

  @Test
  void combinatorsRunTheSameWaySyncAndAsync() throws Exception {
    Fetch<Integer> chain = Fetch.of(20).map(x -> x + 1).then(x -> Fetch.of(x * 2));
    assertThat(chain.execute()).isEqualTo(42);
    assertThat(chain.executeAsync().get(5, TimeUnit.SECONDS)).isEqualTo(42);

    Fetch<String> recovered =
        Fetch.<String>failed(NOT_FOUND)
            .recover(
                e -> e instanceof SourceHttpException h && h.status() == 404,
                e -> Fetch.of("fallback"));
    assertThat(recovered.execute()).isEqualTo("fallback");
    assertThat(recovered.executeAsync().get(5, TimeUnit.SECONDS)).isEqualTo("fallback");
  }

  @Test
  void unrecoveredFailuresKeepTheirType() {
    Fetch<String> notRecovered =
        Fetch.<String>failed(NOT_FOUND).recover(e -> false, e -> Fetch.of("never"));
    assertThatThrownBy(notRecovered::execute).isSameAs(NOT_FOUND);
    assertThat(notRecovered.executeAsync())
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableThat()
        .havingCause()
        .isSameAs(NOT_FOUND);
    assertThat(Fetch.<String>failed(NOT_FOUND).map(String::length).executeAsync())
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableThat()
        .havingCause()
        .isSameAs(NOT_FOUND);
  }

  @Test
  void supplierFailuresBecomeTypedExceptions() {
    Fetch<String> broken =
        Fetch.supplying(
            "local",
            () -> {
              throw new IllegalStateException("bad line 3");
            });
    assertThatThrownBy(broken::execute)
        .isInstanceOf(SourceParseException.class)
        .hasMessage(
            "local: cannot parse response: unexpected java.lang.IllegalStateException: bad line 3");
    assertThat(broken.executeAsync())
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(SourceParseException.class);
  }

  @Test
  void cancellingAChainCancelsTheStageUnderWay() {
    CompletableFuture<Integer> inner = new CompletableFuture<>();
    Fetch<Integer> slow =
        new Fetch<>() {
          @Override
          public Integer execute() {
            throw new UnsupportedOperationException();
          }

          @Override
          public CompletableFuture<Integer> executeAsync() {
            return inner;
          }
        };
    CompletableFuture<Integer> result = Fetch.of(1).then(x -> slow).map(x -> x + 1).executeAsync();
    result.cancel(true);
    assertThat(inner).isCancelled();
  }
}
