package io.github.paperdigest.spi;

import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceCapabilities;
import java.util.List;
import java.util.Optional;

/**
 * A publisher's papers, as one source plugin fetches them. The core plans each query against {@link
 * #capabilities()}, pushes the native criteria down in a {@link PageRequest}, caches each {@link
 * Page}, and does iteration, local filtering, sorting and limits itself: a source only builds the
 * request for one page and parses the answer into the common model.
 *
 * <p>Created once per client by its {@link PaperSourceProvider}; must be thread-safe.
 */
public interface PaperSource extends AutoCloseable {

  /** What this source evaluates natively and serves. Must return the same value every time. */
  SourceCapabilities capabilities();

  /**
   * Checks the part of a query pushed down to this source (its options above all) when the query is
   * planned, before any request is made, so that a bad query fails where it is run rather than when
   * its first page is read. Does nothing by default.
   *
   * @throws IllegalArgumentException if a value is malformed (e.g. an unknown option value)
   * @throws io.github.paperdigest.model.UnsupportedQueryException if the source cannot answer the
   *     query
   */
  default void check(QuerySpec query) {}

  /**
   * One page of the results of {@code request.query()}. A query with a {@link QuerySpec#period()
   * period} asks for a digest; the core reads its pages to the end.
   */
  Fetch<Page> fetchPage(PageRequest request);

  /**
   * The papers with {@code ids} (at most {@link SourceCapabilities#maxLookupBatch()}, all in a
   * namespace of {@link SourceCapabilities#idNamespaces()}), in one page; ids the publisher does
   * not know are left out, not reported as errors. Called only when {@link
   * SourceCapabilities#lookup()} is true.
   *
   * @throws UnsupportedOperationException by default
   */
  default Fetch<Page> lookup(List<PaperId> ids) {
    throw new UnsupportedOperationException(
        getClass().getName() + " does not look papers up by id");
  }

  /**
   * An operation this source offers beyond queries, as an object of {@code type} that the source
   * makes with its context (so its requests keep the source's politeness, retries and settings),
   * e.g. arXiv's OAI-PMH harvest. Users reach it through {@code PaperDigest.extension}; usually a
   * plugin's own public class wraps it. Empty by default.
   */
  default <E> Optional<E> extension(Class<E> type) {
    return Optional.empty();
  }

  /** Releases what the source holds; the shared HTTP client is the core's, not the source's. */
  @Override
  default void close() {}
}
