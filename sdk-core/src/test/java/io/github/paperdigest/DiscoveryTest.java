package io.github.paperdigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.Metric;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.model.UnknownSourceException;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.SourceContext;
import io.github.paperdigest.testing.FailingCreateProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DiscoveryTest {

  private static ClassLoader with(String dir) {
    URL url = DiscoveryTest.class.getResource("/discovery/" + dir + "/");
    return new URLClassLoader(new URL[] {url}, DiscoveryTest.class.getClassLoader());
  }

  @Test
  void findsTheTestSourcesWithServiceLoader() {
    try (PaperDigest client = PaperDigest.create()) {
      // discovered sources are listed by id, whatever the order of the class path
      assertThat(client.sources()).extracting(SourceInfo::id).containsExactly("plain", "test");
      SourceInfo test = client.sources().get(1);
      assertThat(test.description()).isEqualTo("Test source serving JSON pages");
      assertThat(test.providerClass())
          .isEqualTo("io.github.paperdigest.testing.TestSourceProvider");
      assertThat(test.capabilities().digests()).isTrue();
      assertThat(test.capabilities().metrics()).containsExactly(Metric.UPVOTES);
    }
  }

  @Test
  void unknownIdListsTheKnownOnes() {
    try (PaperDigest client = PaperDigest.create()) {
      assertThatThrownBy(() -> client.from("nope"))
          .isInstanceOfSatisfying(
              UnknownSourceException.class,
              e -> {
                assertThat(e.requested()).isEqualTo("nope");
                assertThat(e.known()).containsExactly("plain", "test");
              })
          .hasMessage("Unknown source 'nope'; known sources: plain, test");
    }
    try (PaperDigest none = PaperDigest.builder().discoverSources(false).build()) {
      assertThatThrownBy(() -> none.digest("arxiv"))
          .hasMessage(
              "Unknown source 'arxiv'; known sources: none (is a paperdigest-source-* artifact on the class path?)");
    }
  }

  @Test
  void builderRegisteredSourceWinsOverDiscoveredOne() {
    PaperSourceProvider mine =
        new PaperSourceProvider() {
          @Override
          public String id() {
            return "test";
          }

          @Override
          public String description() {
            return "Mine";
          }

          @Override
          public PaperSource create(SourceContext context) {
            return new PaperSource() {
              @Override
              public SourceCapabilities capabilities() {
                return SourceCapabilities.builder().build();
              }

              @Override
              public Fetch<Page> fetchPage(io.github.paperdigest.spi.PageRequest request) {
                return Fetch.of(
                    Page.last(
                        List.of(
                            Paper.builder(PaperId.arxiv("2501.00009"), "Mine")
                                .source("test")
                                .build()),
                        Duration.ZERO));
              }
            };
          }
        };
    try (PaperDigest client = PaperDigest.builder().addSource(mine).build()) {
      assertThat(client.sources())
          .extracting(SourceInfo::description)
          .containsExactly("Mine", "In-memory test source");
      assertThat(client.from("test").list()).extracting(Paper::title).containsExactly("Mine");
    }
  }

  @Test
  void twoProvidersWithOneIdFailNamingBoth() {
    assertThatThrownBy(() -> PaperDigest.builder().classLoader(with("duplicate")).build())
        .isInstanceOf(SourceConfigurationException.class)
        .hasMessageContaining("two source providers have the id 'test'")
        .hasMessageContaining("io.github.paperdigest.testing.TestSourceProvider")
        .hasMessageContaining("io.github.paperdigest.testing.DuplicateTestProvider");
  }

  @Test
  void providersThatFailToLoadAreReportedByClassName() {
    try (PaperDigest client = PaperDigest.builder().classLoader(with("broken")).build()) {
      assertThat(client.sources()).extracting(SourceInfo::id).containsExactly("plain", "test");
      assertThatThrownBy(() -> client.from("broken"))
          .isInstanceOf(UnknownSourceException.class)
          .hasMessageContaining("io.github.paperdigest.testing.BrokenProvider failed to load")
          .hasMessageContaining("com.example.DoesNotExist");
    }
  }

  @Test
  void aSourceThatCannotBeCreatedFailsTheBuildNamingItsSetting() {
    assertThatThrownBy(
            () ->
                PaperDigest.builder()
                    .discoverSources(false)
                    .addSource(new FailingCreateProvider())
                    .build())
        .isInstanceOf(SourceConfigurationException.class)
        .hasMessage(
            "failing: setting base-url (system property paperdigest.failing.base-url) is 'not a url',"
                + " expected an http or https URL");
  }

  @Test
  void aBrokenSourceCanBeToleratedAndListedWithItsProblem() {
    try (PaperDigest client =
        PaperDigest.builder()
            .discoverSources(false)
            .addSource(new FailingCreateProvider())
            .addSource(new io.github.paperdigest.testing.PlainSourceProvider())
            .failOnBrokenSource(false)
            .build()) {
      List<SourceInfo> sources = client.sources();
      assertThat(sources).extracting(SourceInfo::id).containsExactly("failing", "plain");
      assertThat(sources.get(0).problem()).contains("setting base-url");
      assertThat(sources.get(0).capabilities().periods()).isEmpty();
      assertThat(sources.get(1).problem()).isNull();
      // the broken one fails as it would have at build(), each time; the others work
      assertThatThrownBy(() -> client.from("failing").list())
          .isInstanceOf(SourceConfigurationException.class)
          .hasMessageContaining("setting base-url");
      assertThatThrownBy(() -> client.digest("failing").latest())
          .isInstanceOf(SourceConfigurationException.class);
      assertThat(client.from("plain").list()).isNotNull();
    }
  }

  @Test
  void closedClientRefusesQueries() {
    PaperDigest client = PaperDigest.create();
    Query q = client.from("plain");
    client.close();
    assertThatThrownBy(q::list)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this PaperDigest client is closed");
  }
}
