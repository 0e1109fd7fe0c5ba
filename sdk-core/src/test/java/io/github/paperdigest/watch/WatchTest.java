package io.github.paperdigest.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.testing.FakeClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WatchTest {
  @TempDir Path dir;
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-03T08:00:00Z"));

  private static Paper paper(String id, Integer version) {
    return Paper.builder(PaperId.arxiv(id), "Paper " + id).version(version).source("test").build();
  }

  private static List<String> ids(Watch.Batch batch) {
    return batch.papers().stream().map(p -> p.id().value()).toList();
  }

  private Watch open(Path state) {
    return Watch.builder().stateFile(state).clock(clock).build();
  }

  @Test
  void onlyNewPapersAndNothingTwiceOnceAcknowledged() {
    Path state = dir.resolve("hf.state");
    try (Watch watch = open(state)) {
      Watch.Batch first = watch.poll(List.of(paper("2510.00001", 1), paper("2510.00002", 1)));
      assertThat(ids(first)).containsExactly("2510.00001", "2510.00002");
      first.acknowledge();
      Watch.Batch second =
          watch.poll(
              List.of(paper("2510.00002", 1), paper("2510.00003", 1), paper("2510.00003", 1)));
      assertThat(ids(second)).containsExactly("2510.00003");
      second.acknowledge();
      assertThat(watch.poll(List.of(paper("2510.00003", 1))).isEmpty()).isTrue();
    }
    // a new process: the file remembers
    try (Watch watch = open(state)) {
      assertThat(watch.poll(List.of(paper("2510.00001", 1), paper("2510.00004", 1))).papers())
          .extracting(p -> p.id().value())
          .containsExactly("2510.00004");
    }
  }

  @Test
  void polledButNotAcknowledgedComesAgain() {
    Path state = dir.resolve("s.json");
    try (Watch watch = open(state)) {
      assertThat(ids(watch.poll(List.of(paper("2510.00001", 1))))).hasSize(1);
      // the process dies here, before the mail was sent
    }
    try (Watch watch = open(state)) {
      Watch.Batch again = watch.poll(List.of(paper("2510.00001", 1)));
      assertThat(ids(again)).containsExactly("2510.00001");
      again.acknowledge();
      again.acknowledge(); // twice is once
    }
    try (Watch watch = open(state)) {
      assertThat(watch.poll(List.of(paper("2510.00001", 1))).isEmpty()).isTrue();
    }
  }

  @Test
  void newVersionsComeAgainOnlyWhenAsked() {
    Path state = dir.resolve("v.state");
    try (Watch watch = open(state)) {
      watch.poll(List.of(paper("2510.00001", 1))).acknowledge();
      assertThat(watch.poll(List.of(paper("2510.00001", 2))).isEmpty()).isTrue();
    }
    try (Watch watch = Watch.builder().stateFile(state).clock(clock).versions(true).build()) {
      Watch.Batch v2 = watch.poll(List.of(paper("2510.00001", 2), paper("2510.00001", 3)));
      assertThat(v2.papers()).extracting(Paper::version).containsExactly(2);
      v2.acknowledge();
      assertThat(watch.poll(List.of(paper("2510.00001", 2))).isEmpty()).isTrue();
      assertThat(watch.poll(List.of(paper("2510.00001", null))).isEmpty()).isTrue();
      assertThat(watch.state().delivered().get(PaperId.arxiv("2510.00001")).version()).isEqualTo(2);
    }
  }

  @Test
  void forgetsWhatWasNotSeenForTheWindowSoTheStateStaysBounded() {
    Path state = dir.resolve("w.state");
    try (Watch watch =
        Watch.builder().stateFile(state).clock(clock).window(Duration.ofDays(7)).build()) {
      watch.poll(List.of(paper("2510.00001", 1), paper("2510.00002", 1))).acknowledge();
      clock.advance(Duration.ofDays(5));
      watch.poll(List.of(paper("2510.00002", 1), paper("2510.00003", 1))).acknowledge();
      clock.advance(Duration.ofDays(5));
      watch.poll(List.of(paper("2510.00004", 1))).acknowledge();
      // 00001 was last seen 10 days ago: forgotten; 00002 was seen again 5 days ago: kept
      assertThat(watch.state().delivered().keySet())
          .extracting(PaperId::value)
          .containsExactly("2510.00002", "2510.00003", "2510.00004");
    }
  }

  @Test
  void aSecondWatchOnTheSameFileIsRefusedClearly() {
    Path state = dir.resolve("locked.state");
    try (Watch first = open(state)) {
      assertThatThrownBy(() -> open(state))
          .isInstanceOf(WatchException.class)
          .hasMessageContaining("locked.state")
          .hasMessageContaining("in use by another watch");
      assertThat(first.poll(List.of(paper("2510.00001", 1))).papers()).hasSize(1);
    }
    try (Watch again = open(state)) { // released on close
      assertThat(again.state().delivered()).isEmpty();
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(60) // every wait ends, even if the child never says "locked"
  void aWatchInAnotherProcessIsRefusedToo() throws Exception {
    Path state = dir.resolve("shared.state");
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                state.toString())
            .redirectErrorStream(true)
            .start();
    try {
      java.io.BufferedReader lines =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo("locked"); // the child holds the lock now
      assertThatThrownBy(() -> open(state))
          .isInstanceOf(WatchException.class)
          .hasMessageContaining("in use by another watch");
      other.getOutputStream().close(); // the child releases and exits
      assertThat(other.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(other.exitValue()).isZero();
      open(state).close(); // free again
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aFileThatIsNoWatchStateIsATypedErrorNamingItAndWhere() throws IOException {
    Path state = dir.resolve("bad.state");
    Files.writeString(
        state,
        "{\"format\":1,\"delivered\":[{\"id\":\"arxiv:2510.00001\",\"seen\":true}]}",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> open(state))
        .isInstanceOf(WatchException.class)
        .hasMessageContaining("bad.state")
        .hasMessageContaining("$.delivered[0].seen");
    Files.writeString(state, "[1,2", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> open(state)).isInstanceOf(WatchException.class);
    Files.writeString(state, "{\"format\":99,\"delivered\":[]}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> open(state))
        .isInstanceOf(WatchException.class)
        .hasMessageContaining("format 99");
    // the lock was released each time
    Files.delete(state);
    open(state).close();
  }

  @Test
  void aFailedSaveAcknowledgesNothingAndKeepsTheOldState() {
    AtomicReference<WatchState> saved = new AtomicReference<>(WatchState.empty());
    boolean[] failing = {false};
    WatchStore store =
        new WatchStore() {
          @Override
          public WatchState load() {
            return saved.get();
          }

          @Override
          public void save(WatchState state) throws IOException {
            if (failing[0]) {
              throw new IOException("disk full");
            }
            saved.set(state);
          }

          @Override
          public void close() {}
        };
    try (Watch watch = Watch.builder().store(store).clock(clock).build()) {
      watch.poll(List.of(paper("2510.00001", 1))).acknowledge();
      failing[0] = true;
      Watch.Batch batch = watch.poll(List.of(paper("2510.00002", 1)));
      assertThatThrownBy(batch::acknowledge)
          .isInstanceOf(WatchException.class)
          .hasMessageContaining("disk full");
      failing[0] = false;
      assertThat(ids(watch.poll(List.of(paper("2510.00002", 1))))).containsExactly("2510.00002");
      assertThat(saved.get().delivered()).hasSize(1);
    }
  }

  @Test
  void aBatchPolledBeforeAnotherWasAcknowledgedIsRefused() {
    try (Watch watch = open(dir.resolve("race.state"))) {
      Watch.Batch a = watch.poll(List.of(paper("2510.00001", 1)));
      Watch.Batch b = watch.poll(List.of(paper("2510.00001", 1)));
      a.acknowledge();
      assertThatThrownBy(b::acknowledge).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void theSavedFileIsReplacedWholeAndReadsBackEqual() throws IOException {
    Path state = dir.resolve("whole.state");
    try (Watch watch = open(state)) {
      watch.poll(List.of(paper("2510.00001", 3), paper("hep-th/9901001", 1))).acknowledge();
      WatchState read =
          WatchState.read(new Buffer().writeUtf8(Files.readString(state, StandardCharsets.UTF_8)));
      assertThat(read).isEqualTo(watch.state());
      assertThat(read.toString()).contains("\"id\":\"arxiv:2510.00001\"", "\"version\":3");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("whole.state", "whole.state.lock"); // no temp file left
    }
  }
}
