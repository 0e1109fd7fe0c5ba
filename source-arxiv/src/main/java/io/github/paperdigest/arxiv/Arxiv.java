package io.github.paperdigest.arxiv;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.AttributeKey;
import java.time.LocalDate;
import java.util.List;

/**
 * The arXiv specific attributes of papers from the {@code arxiv} source, its query options and its
 * settings.
 *
 * <pre>{@code
 * // search with the typed query builder, newest first
 * ArxivQuery q = ArxivQuery.title("diffusion").and(ArxivQuery.category("cs.CV"));
 * client.from("arxiv").option(Arxiv.QUERY, q.toString()).sortBy(Sort.NEWEST).limit(50).list();
 *
 * // today's announcements of two categories, replacements included
 * client.digest("arxiv").category("cs.CL").category("cs.LG")
 *     .option(Arxiv.ANNOUNCE, "new,cross,replace").latest();
 * }</pre>
 *
 * <h2>Query options</h2>
 *
 * <ul>
 *   <li>{@link #QUERY}: a search query in arXiv's syntax, usually {@link ArxivQuery#toString()};
 *       combined with AND with the query's other criteria;
 *   <li>{@link #SORT_BY} ({@code relevance}, {@code submittedDate}, {@code lastUpdatedDate}) and
 *       {@link #SORT_ORDER} ({@code ascending}, {@code descending}): arXiv's own sort, for what
 *       {@link io.github.paperdigest.model.Sort} does not name (such as last update);
 *   <li>{@link #ANNOUNCE}: in digests, the announcement types to keep, comma-separated names of
 *       {@link AnnounceType} (default {@code new,cross}).
 * </ul>
 *
 * <h2>Settings</h2>
 *
 * Builder options {@code option("arxiv", name, value)} or system properties {@code
 * paperdigest.arxiv.<name>}:
 *
 * <ul>
 *   <li>{@code api-url}: the query API, default {@code https://export.arxiv.org/api/query};
 *   <li>{@code rss-url}: the announcement feeds, default {@code https://rss.arxiv.org/rss/};
 *   <li>{@code listing-url}: the listing pages, default {@code https://arxiv.org/list/};
 *   <li>{@code page-size}: entries per API request, 1 to 2000, default 100;
 *   <li>{@code lookup-batch}: ids per lookup request, 1 to 500, default 100;
 *   <li>{@code oai-url}: the OAI-PMH interface of harvests, default {@code
 *       https://oaipmh.arxiv.org/oai};
 *   <li>{@code oai-read-timeout}, {@code oai-call-timeout}: how long an OAI-PMH page may take
 *       between two bytes and in all, default {@code PT2M} and {@code PT5M} (arXiv takes 30 to 90 s
 *       for some pages);
 *   <li>{@code empty-page-retries}: how often a page that comes back empty by mistake is asked
 *       again, default 3;
 *   <li>{@code min-interval}, {@code max-concurrent}, {@code max-retries}: politeness (default
 *       {@code PT3S}, 1 and 3, as arXiv's terms of use ask); only an explicit setting changes them.
 * </ul>
 */
public final class Arxiv {
  private Arxiv() {}

  /** The source id. */
  public static final String ID = "arxiv";

  /** Query option: a search query in arXiv's syntax (see {@link ArxivQuery}). */
  public static final String QUERY = "query";

  /** Query option: {@code relevance}, {@code submittedDate} or {@code lastUpdatedDate}. */
  public static final String SORT_BY = "sortBy";

  /** Query option: {@code ascending} or {@code descending}. */
  public static final String SORT_ORDER = "sortOrder";

  /** Digest option: the {@link AnnounceType}s to keep, comma-separated. */
  public static final String ANNOUNCE = "announce";

  /** How a paper came to be in an announcement (digests only). */
  public static final AttributeKey<AnnounceType> ANNOUNCE_TYPE =
      AttributeKey.of("arxiv.announceType", AnnounceType.class);

  /** The day of the announcement a paper was in (digests only). */
  public static final AttributeKey<LocalDate> ANNOUNCED =
      AttributeKey.of("arxiv.announced", LocalDate.class);

  /** The licence URL of the paper (digests from the feed only). */
  public static final AttributeKey<String> LICENSE = AttributeKey.of("arxiv.license", String.class);

  /** The day arXiv's OAI-PMH interface last changed the record (harvests only). */
  public static final AttributeKey<LocalDate> DATESTAMP =
      AttributeKey.of("arxiv.datestamp", LocalDate.class);

  /** The OAI-PMH sets of the record, e.g. {@code cs}, {@code physics:hep-th} (harvests only). */
  public static final AttributeKey<List<String>> SETS =
      AttributeKey.ofList("arxiv.sets", String.class);

  /**
   * True for a record arXiv's OAI-PMH interface reports as deleted (harvests only): such a paper
   * has only its id, its datestamp and its sets, and its title is its id, as the publisher gives
   * none. Apply it as a deletion, do not show it.
   */
  public static final AttributeKey<Boolean> DELETED =
      AttributeKey.of("arxiv.deleted", Boolean.class);

  /** The paper's versions with their dates ({@link OaiFormat#ARXIV_RAW} harvests only). */
  public static final AttributeKey<List<ArxivVersion>> VERSIONS =
      AttributeKey.ofList("arxiv.versions", ArxivVersion.class);

  /** Who submitted the paper ({@link OaiFormat#ARXIV_RAW} harvests only). */
  public static final AttributeKey<String> SUBMITTER =
      AttributeKey.of("arxiv.submitter", String.class);

  /**
   * A harvest of arXiv's metadata over OAI-PMH through {@code client}'s {@code arxiv} source (its
   * politeness, retries and settings): see {@link ArxivHarvest}.
   *
   * @throws io.github.paperdigest.model.UnknownSourceException if the client has no arxiv source
   */
  public static ArxivHarvest harvest(PaperDigest client) {
    return ArxivHarvest.of(client);
  }
}
