package io.github.paperdigest.arxiv;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.spi.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A bulk harvest of arXiv's metadata over OAI-PMH: every record of a set (or of all arXiv) changed
 * between two days, as a lazy stream of {@link Paper}s, one page of about a thousand records in
 * memory at a time. Requests go through the client's {@code arxiv} source: one request every 3 s,
 * one connection, retries honouring {@code 503 Retry-After} (arXiv's flow control in long
 * harvests), the client's clock for "today", a deadline that allows arXiv's slow answers ({@code
 * oai-call-timeout}), the base URL {@code oai-url} ({@code paperdigest.arxiv.oai-url}, default
 * {@code https://oaipmh.arxiv.org/oai}).
 *
 * <pre>{@code
 * try (ArxivHarvest.Run run =
 *     Arxiv.harvest(client).set("cs").from(LocalDate.of(2025, 1, 1))
 *         .metadata(OaiFormat.ARXIV_RAW).state(Path.of("cs.state")).start()) {
 *   run.papers().forEach(index::add);
 * }
 * }</pre>
 *
 * <h2>Records</h2>
 *
 * Each record is a paper with its authors, categories (the first is the primary), licence ({@link
 * Arxiv#LICENSE}), DOI, journal reference and comments, its OAI datestamp ({@link Arxiv#DATESTAMP})
 * and sets ({@link Arxiv#SETS}); in {@link OaiFormat#ARXIV_RAW} also its versions with their dates
 * ({@link Arxiv#VERSIONS}) and submitter. A deleted record is kept, flagged {@link Arxiv#DELETED}.
 * {@code noRecordsMatch} is an empty harvest; the other OAI-PMH errors are {@link
 * OaiPmhException}s.
 *
 * <h2>Resumable</h2>
 *
 * With {@link #state(Path)}, the harvest writes a checkpoint after each page the caller has
 * consumed (the resumption token of the next page, the last datestamp, the counts), replaced
 * atomically and locked against a second harvest. Started again with the same state, after a kill
 * at any point, it continues with the page after the last completed one: the records of a page that
 * was being consumed come again. To make that exactly once, give a {@link #sink(LongSupplier) sink
 * position} (the bytes written to your output so far, say): it is saved with each checkpoint and
 * {@link Run#resumedPosition()} tells where to cut your output back to. arXiv's tokens expire
 * daily; a resumption with an expired token starts the list again from the last datestamp and drops
 * the records already delivered for that day.
 *
 * <p>Immutable: each method returns a new harvest.
 */
public final class ArxivHarvest {
  /** Set specs as arXiv names them: {@code cs}, {@code cs:cs:AI}, {@code physics:hep-th}. */
  private static final Pattern SET = Pattern.compile("[a-z-]+(:[A-Za-z-]+(:[A-Za-z.-]+)?)?");

  /** How many pages in a row may bring no new record while announcing more, before giving up. */
  static final int MAX_EMPTY_PAGES = 100;

  /**
   * The most pages one list (a window, or the whole harvest without {@code from}) is read for: ten
   * million records, four times all of arXiv, so that a server announcing more forever is stopped.
   */
  static final int MAX_PAGES_PER_LIST = 10_000;

  /** How often an expired token may restart the list without a page completing in between. */
  static final int MAX_RESTARTS = 3;

  private final PaperDigest client;
  private final @Nullable String set;
  private final @Nullable LocalDate from;
  private final @Nullable LocalDate until;
  private final OaiFormat format;
  private final @Nullable Path state;
  private final @Nullable LongSupplier sink;
  private final @Nullable Consumer<HarvestProgress> progress;
  private final int windowDays;

  private ArxivHarvest(
      PaperDigest client,
      @Nullable String set,
      @Nullable LocalDate from,
      @Nullable LocalDate until,
      OaiFormat format,
      @Nullable Path state,
      @Nullable LongSupplier sink,
      @Nullable Consumer<HarvestProgress> progress,
      int windowDays) {
    this.client = client;
    this.set = set;
    this.from = from;
    this.until = until;
    this.format = format;
    this.state = state;
    this.sink = sink;
    this.progress = progress;
    this.windowDays = windowDays;
  }

  static ArxivHarvest of(PaperDigest client) {
    Objects.requireNonNull(client, "client == null");
    client.extension(Arxiv.ID, OaiClient.class); // fails now for a client without the source
    return new ArxivHarvest(client, null, null, null, OaiFormat.ARXIV, null, null, null, 7);
  }

  /**
   * Only the records of {@code set}, as arXiv names sets: {@code cs}, {@code cs:cs:AI}, {@code
   * physics:hep-th}, {@code math}.
   *
   * @throws IllegalArgumentException if it is not a set spec
   */
  public ArxivHarvest set(String set) {
    Objects.requireNonNull(set, "set == null");
    if (!SET.matcher(set).matches()) {
      throw new IllegalArgumentException(
          "Not an arXiv set: '" + set + "' (e.g. cs, cs:cs:AI, physics:hep-th)");
    }
    return new ArxivHarvest(client, set, from, until, format, state, sink, progress, windowDays);
  }

  /** Only records changed on or after {@code day} (their OAI datestamp). */
  public ArxivHarvest from(LocalDate day) {
    Objects.requireNonNull(day, "day == null");
    check(day, until);
    return new ArxivHarvest(client, set, day, until, format, state, sink, progress, windowDays);
  }

  /** Only records changed on or before {@code day}. */
  public ArxivHarvest until(LocalDate day) {
    Objects.requireNonNull(day, "day == null");
    check(from, day);
    return new ArxivHarvest(client, set, from, day, format, state, sink, progress, windowDays);
  }

  /** The metadata format ({@link OaiFormat#ARXIV} unless told otherwise). */
  public ArxivHarvest metadata(OaiFormat format) {
    Objects.requireNonNull(format, "format == null");
    return new ArxivHarvest(client, set, from, until, format, state, sink, progress, windowDays);
  }

  /** Checkpoints in {@code file} after each page, and resumes from it (see the class comment). */
  public ArxivHarvest state(Path file) {
    Objects.requireNonNull(file, "file == null");
    return new ArxivHarvest(client, set, from, until, format, file, sink, progress, windowDays);
  }

  /**
   * Where the caller's output stands, asked at each checkpoint after the page's records were
   * consumed (flush there) and saved with it; see {@link Run#resumedPosition()}.
   */
  public ArxivHarvest sink(LongSupplier position) {
    Objects.requireNonNull(position, "position == null");
    return new ArxivHarvest(
        client, set, from, until, format, state, position, progress, windowDays);
  }

  /** Told the progress after each page (and once more at the end). */
  public ArxivHarvest progress(Consumer<HarvestProgress> listener) {
    Objects.requireNonNull(listener, "listener == null");
    return new ArxivHarvest(client, set, from, until, format, state, sink, listener, windowDays);
  }

  /**
   * How many days one list covers (default 7): a harvest with a {@code from} day reads its range
   * window by window, each a list of its own, so that an expired resumption token costs at most one
   * window read again and the ids kept to de-duplicate it are one window's.
   *
   * @throws IllegalArgumentException if not 1 to 366
   */
  public ArxivHarvest windowDays(int days) {
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("windowDays must be 1 to 366, not " + days);
    }
    return new ArxivHarvest(client, set, from, until, format, state, sink, progress, days);
  }

  private static void check(@Nullable LocalDate from, @Nullable LocalDate until) {
    if (from != null && until != null && until.isBefore(from)) {
      throw new IllegalArgumentException("until " + until + " is before from " + from);
    }
  }

  /**
   * Starts (or, with a state, resumes) the harvest. No request is made before the first paper is
   * asked for.
   *
   * @throws HarvestException if the state is used by another harvest, unreadable, or the checkpoint
   *     of a different harvest
   */
  public Run start() {
    OaiClient oai =
        client
            .extension(Arxiv.ID, OaiClient.class)
            .orElseThrow(
                () ->
                    new UnsupportedQueryException(
                        Arxiv.ID, "harvest", "this arxiv source offers no OAI-PMH harvest"));
    return new Run(oai);
  }

  @Override
  public String toString() {
    return "ArxivHarvest{set="
        + set
        + ", from="
        + from
        + ", until="
        + until
        + ", metadata="
        + format.prefix()
        + (state == null ? "" : ", state=" + state)
        + "}";
  }

  /**
   * One run of the harvest: its papers, read lazily page by page, and the checkpoint it resumed
   * from. Close it (or its stream) to release the state file. For one thread.
   */
  public final class Run implements AutoCloseable {
    private final OaiClient oai;
    private final @Nullable StateFile file;
    private HarvestState done; // as of the last checkpoint
    private final @Nullable Long resumedPosition;
    private final Instant started;
    private boolean fetchedFirst;
    private boolean streamed;
    private boolean closed;

    // the page being consumed, and what its checkpoint will record
    private List<Paper> page = List.of();
    private int index;
    private @Nullable HarvestState pending;

    /** The ids the pending page adds to its window (the window's set is not copied per page). */
    private final Set<String> pendingIds = new HashSet<>();

    /** Whether the pending page's checkpoint moves on to a new window. */
    private boolean pendingNewWindow;

    private @Nullable Long completeListSize;
    private long runRecords;
    private int emptyPages;

    /** The pages of the current list read by this run. */
    private int listPages;

    private int restarts;

    private Run(OaiClient oai) {
      this.oai = oai;
      this.started = oai.clock().instant();
      HarvestState loaded = null;
      StateFile f = null;
      if (state != null) {
        try {
          f = StateFile.lock(state);
          Optional<byte[]> content = f.read(64L << 20);
          if (content.isPresent()) {
            loaded = HarvestState.fromJson(content.get(), state.toString());
          }
        } catch (StateFile.InUseException e) {
          throw new HarvestException(
              "The harvest state "
                  + state
                  + " is in use by another harvest ("
                  + e.getMessage()
                  + ")",
              e);
        } catch (IOException | RuntimeException e) {
          closeQuietly(f, e);
          throw e instanceof HarvestException h
              ? h
              : new HarvestException("Cannot use the harvest state " + state + ": " + e, e);
        }
        if (loaded != null && !loaded.sameHarvest(set, format, from, until)) {
          closeQuietly(f, null);
          throw new HarvestException(
              "The harvest state "
                  + state
                  + " belongs to another harvest ("
                  + loaded.describe()
                  + "); use another state file or the same options",
              null);
        }
      }
      this.file = f;
      if (loaded == null) {
        loaded = new HarvestState();
        loaded.set = set;
        loaded.metadata = format.prefix();
        loaded.from = from;
        loaded.until = until;
      }
      this.done = loaded;
      this.resumedPosition = loaded.sinkPosition;
      if (f != null && sink != null && loaded.sinkPosition == null) {
        // where the output stood before the first record: a kill before the first page's
        // checkpoint then cuts the output back to it, rather than leave that page's records twice
        loaded.sinkPosition = sink.getAsLong();
        try {
          f.replace(loaded.toJson());
        } catch (IOException e) {
          closeQuietly(f, e);
          throw new HarvestException("Cannot save the harvest state " + state + ": " + e, e);
        }
      }
    }

    /**
     * The harvest's records, lazily: a page is fetched when the previous one is used up, and the
     * checkpoint of a page is written when the caller asks for the record after its last. Can be
     * taken once.
     */
    public Stream<Paper> papers() {
      if (streamed) {
        throw new IllegalStateException("papers() can be taken once per run");
      }
      streamed = true;
      Iterator<Paper> it =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return advance();
            }

            @Override
            public Paper next() {
              if (!advance()) {
                throw new NoSuchElementException();
              }
              return page.get(index++);
            }
          };
      return StreamSupport.stream(
              Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
              false)
          .onClose(this::close);
    }

    /**
     * The sink position saved with the checkpoint this run resumed from: cut your output back to it
     * before appending, so that the records of the page that was being consumed when the last run
     * stopped are not written twice. Empty on a fresh start or without a {@link
     * ArxivHarvest#sink(LongSupplier) sink}.
     */
    public OptionalLong resumedPosition() {
      return resumedPosition == null ? OptionalLong.empty() : OptionalLong.of(resumedPosition);
    }

    /** The progress as of the last checkpoint. */
    public HarvestProgress progress() {
      return new HarvestProgress(
          done.records,
          done.deleted,
          done.pages,
          completeListSize,
          runRecords,
          Duration.between(started, oai.clock().instant()),
          done.complete);
    }

    /** Whether this run resumed a harvest that had already been read to its end. */
    public boolean wasComplete() {
      return done.complete && !fetchedFirst;
    }

    /** Releases the state file. */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (file != null) {
        try {
          file.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    /** Makes {@link #page} hold a record at {@link #index}; false at the end. */
    private boolean advance() {
      if (closed) {
        throw new IllegalStateException("the harvest run is closed");
      }
      while (index >= page.size()) {
        if (pending != null) {
          checkpoint(pending);
          pending = null;
        }
        if (done.complete) {
          return false;
        }
        fetch();
      }
      return true;
    }

    /** Fetches the next page into {@link #page} and works out its checkpoint. */
    private void fetch() {
      HarvestState next = done.copy();
      pendingIds.clear();
      pendingNewWindow = false;
      if (from != null && next.windowStart == null) {
        next.windowStart = from;
        next.windowEnd = windowEnd(from);
      }
      String token = done.token;
      OaiParser.OaiPage answer;
      if (token == null) {
        answer = oai.list(format, set, listFrom(next), listUntil(next)).execute();
      } else {
        try {
          answer = oai.resume(token).execute();
        } catch (OaiPmhException e) {
          if (!e.code().equals(OaiPmhException.BAD_RESUMPTION_TOKEN)) {
            throw e;
          }
          if (next.windowStart == null) {
            throw new OaiPmhException(
                e.code(),
                "the resumption token expired and a harvest without a from day cannot start its"
                    + " window again; harvest with from(...) to resume after expired tokens",
                e.url());
          }
          if (++restarts > MAX_RESTARTS) {
            throw e;
          }
          // tokens live about a day: the window again from its first day, without the records
          // of it already delivered (arXiv lists records by id, not by datestamp)
          answer = oai.list(format, set, next.windowStart, next.windowEnd).execute();
        }
      }
      fetchedFirst = true;
      String nextToken = answer.token();
      if (nextToken != null && nextToken.equals(token)) {
        throw new SourceParseException(
            Arxiv.ID,
            null,
            "resumptionToken",
            "arXiv answered the token " + token + " with itself; stopping rather than loop",
            null);
      }
      List<Paper> fresh = new ArrayList<>(answer.papers().size());
      boolean windowed = next.windowStart != null;
      for (Paper p : answer.papers()) {
        String id = p.id().value();
        if (windowed && (done.windowIds.contains(id) || !pendingIds.add(id))) {
          continue; // delivered before the token expired
        }
        LocalDate day = p.attribute(Arxiv.DATESTAMP).orElseThrow();
        if (next.lastDatestamp == null || day.isAfter(next.lastDatestamp)) {
          next.lastDatestamp = day;
        }
        next.records++;
        if (p.attribute(Arxiv.DELETED).orElse(false)) {
          next.deleted++;
        }
        fresh.add(p);
      }
      // a page of records all delivered before counts as empty: tokens cycling over the same
      // records end here too
      emptyPages = fresh.isEmpty() && nextToken != null ? emptyPages + 1 : 0;
      if (emptyPages > MAX_EMPTY_PAGES) {
        throw new SourceParseException(
            Arxiv.ID,
            null,
            "ListRecords",
            MAX_EMPTY_PAGES
                + " pages in a row without a new record, each announcing more; stopping",
            null);
      }
      listPages = nextToken == null ? 0 : listPages + 1;
      if (listPages > MAX_PAGES_PER_LIST) {
        throw new SourceParseException(
            Arxiv.ID,
            null,
            "ListRecords",
            "more than "
                + MAX_PAGES_PER_LIST
                + " pages in one list, each announcing more; stopping",
            null);
      }
      if (!answer.papers().isEmpty()) {
        restarts = 0;
      }
      if (answer.completeListSize() != null) {
        completeListSize = answer.completeListSize();
      }
      next.token = nextToken;
      next.pages++;
      next.complete = false;
      if (nextToken == null) {
        LocalDate end = next.windowEnd;
        if (end != null && end.isBefore(lastDay())) {
          next.windowStart = end.plusDays(1); // the next window
          next.windowEnd = windowEnd(next.windowStart);
          pendingNewWindow = true;
        } else {
          next.complete = true;
        }
      }
      pending = next;
      page = fresh;
      index = 0;
    }

    private @Nullable LocalDate listFrom(HarvestState s) {
      return s.windowStart != null ? s.windowStart : from;
    }

    private @Nullable LocalDate listUntil(HarvestState s) {
      return s.windowEnd != null ? s.windowEnd : until;
    }

    /** The last day a window reaches: {@code until}, or today when there is none. */
    private LocalDate lastDay() {
      return until != null ? until : LocalDate.ofInstant(oai.clock().instant(), ZoneOffset.UTC);
    }

    private LocalDate windowEnd(LocalDate start) {
      LocalDate end = start.plusDays(windowDays - 1L);
      LocalDate last = lastDay();
      return end.isAfter(last) ? (start.isAfter(last) ? start : last) : end;
    }

    private void checkpoint(HarvestState next) {
      runRecords += next.records - done.records;
      if (pendingNewWindow) {
        done.windowIds = new LinkedHashSet<>();
      } else {
        done.windowIds.addAll(pendingIds);
      }
      next.windowIds = done.windowIds;
      if (sink != null) {
        next.sinkPosition = sink.getAsLong();
      }
      if (file != null) {
        try {
          file.replace(next.toJson());
        } catch (IOException e) {
          throw new HarvestException("Cannot save the harvest state " + file.path() + ": " + e, e);
        }
      }
      done = next;
      if (progress != null) {
        progress.accept(progress());
      }
    }

    private void closeQuietly(@Nullable StateFile f, @Nullable Exception failure) {
      if (f == null) {
        return;
      }
      try {
        f.close();
      } catch (IOException e) {
        if (failure != null) {
          failure.addSuppressed(e);
        }
      }
    }
  }
}
