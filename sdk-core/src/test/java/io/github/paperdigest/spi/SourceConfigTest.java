package io.github.paperdigest.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.Criterion;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SourceConfigTest {
  @Test
  void secretsNeverShow() {
    SourceConfig config =
        SourceConfig.of(
            "hf",
            Map.of("token", "hf_secret", "base-url", "http://x/"),
            new Properties(),
            Map.of());
    assertThat(config.toString())
        .doesNotContain("hf_secret")
        .contains("token=<hidden>", "base-url=http://x/");
    assertThat(config.secret("token", "HF_TOKEN")).contains("hf_secret");
    SourceConfig env =
        SourceConfig.of("hf", Map.of(), new Properties(), Map.of("HF_TOKEN", "hf_env"));
    assertThat(env.secret("token", "HF_TOKEN")).contains("hf_env");
    assertThatThrownBy(
            () ->
                SourceConfig.of("hf", Map.of("api-key", "zzz"), new Properties(), Map.of())
                    .integer("api-key", 1))
        .hasMessage(
            "hf: setting api-key (system property paperdigest.hf.api-key) is <hidden>, expected an integer");
  }

  @Test
  void settingsComeFromOptionsThenSystemProperties() {
    Properties props = new Properties();
    props.setProperty("paperdigest.arxiv.api-url", "http://mirror.example/api/query");
    props.setProperty("paperdigest.arxiv.page-size", "500");
    props.setProperty("paperdigest.arxiv.min-interval", "PT3.5S");
    SourceConfig config = SourceConfig.of("arxiv", Map.of("page-size", "50"), props, Map.of());
    assertThat(config.url("api-url", "https://export.arxiv.org/api/query"))
        .hasToString("http://mirror.example/api/query");
    assertThat(config.integer("page-size", 100)).isEqualTo(50);
    assertThat(config.integer("page-size", 100, 1, 50)).isEqualTo(50);
    assertThat(config.integer("unset", 7, 1, 5)).isEqualTo(7);
    assertThatThrownBy(() -> config.integer("page-size", 100, 1, 49))
        .hasMessage(
            "arxiv: setting page-size must be from 1 to 49, not 50 (system property paperdigest.arxiv.page-size)");
    assertThat(config.duration("min-interval", Duration.ofSeconds(3)))
        .isEqualTo(Duration.ofMillis(3500));
    assertThat(config.duration("other", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(
            () ->
                SourceConfig.of("arxiv", Map.of("min-interval", "soon"), props, Map.of())
                    .duration("min-interval", Duration.ZERO))
        .isInstanceOf(SourceConfigurationException.class)
        .hasMessage(
            "arxiv: setting min-interval (system property paperdigest.arxiv.min-interval) is 'soon',"
                + " expected an ISO-8601 duration such as PT3S, or a number of seconds");
  }

  @Test
  void capabilitiesCannotBeBuiltInconsistent() {
    // Periods served make PERIOD native, in digests too, even when digest criteria are narrowed.
    SourceCapabilities digests =
        SourceCapabilities.builder()
            .criteria(Criterion.TEXT)
            .digestCriteria(Criterion.CATEGORY)
            .periods(DigestPeriod.Kind.DAY)
            .build();
    assertThat(digests.digestCriteria())
        .containsExactlyInAnyOrder(Criterion.CATEGORY, Criterion.PERIOD);
    assertThat(digests.criteria()).contains(Criterion.PERIOD);
    // PERIOD without periods, or lookup without a namespace, cannot be built.
    assertThatThrownBy(() -> SourceCapabilities.builder().criteria(Criterion.PERIOD).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("periods(...)");
    assertThatThrownBy(() -> SourceCapabilities.builder().digestCriteria(Criterion.PERIOD).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SourceCapabilities.builder().lookup(10).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id namespace");
    assertThat(SourceCapabilities.builder().lookup(10, "arxiv").build())
        .isEqualTo(SourceCapabilities.builder().lookup(10, "arxiv").build());
  }
}
