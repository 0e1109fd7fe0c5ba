package io.github.paperdigest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.SourceConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolitenessOverridesTest {
  @Test
  void onlyExplicitSettingsChangeThePolicy() {
    PolitenessPolicy arxiv = PolitenessPolicy.DEFAULT.withMinInterval(Duration.ofSeconds(3));
    SourceConfig none = SourceConfig.of("arxiv-test-none", Map.of());
    assertThat(Engine.withOverrides(arxiv, none)).isEqualTo(arxiv);
    SourceConfig some =
        SourceConfig.of(
            "arxiv-test-some",
            Map.of(
                "min-interval",
                "PT3.5S",
                "max-concurrent",
                "0",
                "max-retries",
                "-4",
                "max-retry-wait",
                "5"));
    PolitenessPolicy p = Engine.withOverrides(arxiv, some);
    assertThat(p.minInterval()).isEqualTo(Duration.ofMillis(3500));
    assertThat(p.maxConcurrent()).isEqualTo(1);
    assertThat(p.maxRetries()).isZero();
    assertThat(p.maxRetryWait()).isEqualTo(Duration.ofSeconds(5));
  }
}
