package io.github.paperdigest.hf;

import io.github.paperdigest.model.AttributeKey;
import java.time.LocalDate;
import java.util.List;

/**
 * The Hugging Face specific attributes of papers from the {@code hf-daily} source, and its
 * settings. Read an attribute with {@link
 * io.github.paperdigest.model.Paper#attribute(AttributeKey)}:
 *
 * <pre>{@code
 * paper.attribute(HfDaily.AI_SUMMARY).ifPresent(System.out::println);
 * }</pre>
 *
 * <h2>Settings</h2>
 *
 * Builder options {@code option("hf-daily", name, value)} or system properties {@code
 * paperdigest.hf-daily.<name>}:
 *
 * <ul>
 *   <li>{@code base-url}: default {@code https://huggingface.co}; API and page paths resolve
 *       against it;
 *   <li>{@code token}: an access token, else the {@code HF_TOKEN} environment variable; sent as
 *       {@code Authorization: Bearer} and never logged;
 *   <li>{@code page-size}: items per API page, default 100;
 *   <li>{@code fresh-recent}, {@code fresh-settling}, {@code fresh-old}: how long a digest may be
 *       cached when its period touches the last two days (default {@code PT5M}), ended 2 to 14 days
 *       ago ({@code PT1H}), or longer ago ({@code PT6H});
 *   <li>{@code mode}: {@code api} (default) or {@code html} to read the HTML pages instead.
 * </ul>
 *
 * <h2>Query options</h2>
 *
 * {@code submitter} (a user name), {@code sort} ({@code trending} or {@code publishedAt}) and
 * {@code html} ({@code true}: read the HTML page for this query).
 */
public final class HfDaily {
  private HfDaily() {}

  /** The source id. */
  public static final String ID = "hf-daily";

  /** The AI-written one-paragraph summary. */
  public static final AttributeKey<String> AI_SUMMARY =
      AttributeKey.of("hf.aiSummary", String.class);

  /** The AI-extracted keywords. */
  public static final AttributeKey<List<String>> AI_KEYWORDS =
      AttributeKey.ofList("hf.aiKeywords", String.class);

  /** The organisation the paper is listed under (its display name). */
  public static final AttributeKey<String> ORGANIZATION =
      AttributeKey.of("hf.organization", String.class);

  /** The user name of who submitted the paper to Daily Papers. */
  public static final AttributeKey<String> SUBMITTER =
      AttributeKey.of("hf.submitter", String.class);

  /** The day of the Daily Papers list the paper is on. */
  public static final AttributeKey<LocalDate> DAILY_DATE =
      AttributeKey.of("hf.dailyDate", LocalDate.class);

  /** The thumbnail image URL. */
  public static final AttributeKey<String> THUMBNAIL =
      AttributeKey.of("hf.thumbnail", String.class);

  /** Media (video, image) URLs attached to the paper. */
  public static final AttributeKey<List<String>> MEDIA_URLS =
      AttributeKey.ofList("hf.mediaUrls", String.class);

  /** The authors as Hugging Face lists them: hidden or not, and the claiming HF user. */
  public static final AttributeKey<List<HfAuthor>> AUTHORS =
      AttributeKey.ofList("hf.authors", HfAuthor.class);

  /** Ids of the models on the Hub that cite the paper (from lookups). */
  public static final AttributeKey<List<String>> MODELS =
      AttributeKey.ofList("hf.models", String.class);

  /** Ids of the datasets on the Hub that cite the paper (from lookups). */
  public static final AttributeKey<List<String>> DATASETS =
      AttributeKey.ofList("hf.datasets", String.class);

  /** Ids of the Spaces on the Hub that cite the paper (from lookups). */
  public static final AttributeKey<List<String>> SPACES =
      AttributeKey.ofList("hf.spaces", String.class);
}
