package io.github.paperdigest.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A research paper in the common model, whichever source produced it. Immutable and value-based;
 * build one with {@link #builder(PaperId, String)} and derive with {@link #toBuilder()}.
 *
 * <p>The id is always unversioned; the version the source described, where it knows one, is {@link
 * #version()}. Title and abstract have their whitespace normalised (arXiv hard-wraps them).
 * Optional components are null when the publisher does not say; lists are never null.
 *
 * <p>Publishers' text is untrusted: every text component (the id's value, title, abstract, author
 * names, categories, comment, string attributes) is built without control characters (C0 other than
 * tab and line feed, DEL, C1, and the bidirectional overrides, embeddings and isolates), so that
 * printing a paper can neither rewrite a terminal nor reorder what a reader sees; links are http or
 * https only ({@link Links}). Source-specific extras live in {@link #attributes()} and are read
 * with {@link #attribute(AttributeKey)}.
 *
 * <p>A final class rather than a record, so that components can be added without breaking code that
 * builds or reads papers.
 */
public final class Paper {
  private final PaperId id;
  private final @Nullable Integer version;
  private final String title;
  private final String abstractText;
  private final List<Author> authors;
  private final @Nullable Instant published;
  private final @Nullable Instant updated;
  private final @Nullable String primaryCategory;
  private final List<String> categories;
  private final Links links;
  private final @Nullable String comment;
  private final @Nullable String journalRef;
  private final @Nullable String doi;
  private final String source;
  private final Metrics metrics;
  private final Map<AttributeKey<?>, Object> attributes;

  /**
   * Normalises text, moves a version in the id to {@link #version()}, and copies collections.
   *
   * @throws NullPointerException if a non-null component is null
   * @throws IllegalArgumentException if the title or source is blank, or an attribute value does
   *     not fit its key
   */
  private Paper(Builder b) {
    PaperId id = Objects.requireNonNull(b.id, "id == null");
    Integer version = b.version;
    if (id.version() != null) {
      if (version == null) {
        version = id.version();
      }
      id = id.unversioned();
    }
    this.id = id;
    this.version = version;
    this.title = Text.normalize(Objects.requireNonNull(b.title, "title == null"));
    if (title.isEmpty()) {
      throw new IllegalArgumentException("Blank title for " + id);
    }
    this.abstractText =
        Text.normalize(Objects.requireNonNull(b.abstractText, "abstractText == null"));
    this.authors = List.copyOf(b.authors);
    this.published = b.published;
    this.updated = b.updated;
    List<String> categories = new ArrayList<>(b.categories.size());
    for (String c : b.categories) {
      String normal = Text.normalize(Objects.requireNonNull(c, "category == null"));
      if (!normal.isEmpty() && !categories.contains(normal)) {
        categories.add(normal);
      }
    }
    this.categories = List.copyOf(categories);
    this.links = b.links;
    this.source = b.source;
    if (source.isBlank()) {
      throw new IllegalArgumentException("Blank source for " + id);
    }
    this.metrics = b.metrics;
    Map<AttributeKey<?>, Object> copy = new LinkedHashMap<>();
    // the builder checked each value against its key (and copied lists) when it was set
    b.attributes.forEach((key, value) -> copy.put(key, cleanAttribute(value)));
    this.attributes = Collections.unmodifiableMap(copy);
    this.comment = blankToNull(b.comment);
    this.journalRef = blankToNull(b.journalRef);
    this.doi = blankToNull(b.doi);
    this.primaryCategory = blankToNull(b.primaryCategory);
  }

  /** The paper's identity, unversioned. */
  public PaperId id() {
    return id;
  }

  /** The version described here (arXiv {@code v2} is 2), or null if unknown. */
  public @Nullable Integer version() {
    return version;
  }

  /** The title, whitespace normalised; may be as short as {@code "0"} but never blank. */
  public String title() {
    return title;
  }

  /** The abstract, whitespace normalised; empty if the publisher has none. */
  public String abstractText() {
    return abstractText;
  }

  /** The authors in publication order. */
  public List<Author> authors() {
    return authors;
  }

  /** When the paper (its first version) was published, or null if unknown. */
  public @Nullable Instant published() {
    return published;
  }

  /** When the version described was published, or null if unknown. */
  public @Nullable Instant updated() {
    return updated;
  }

  /** The primary subject category (arXiv taxonomy, e.g. {@code cs.CL}), or null. */
  public @Nullable String primaryCategory() {
    return primaryCategory;
  }

  /** All categories, primary first where known. */
  public List<String> categories() {
    return categories;
  }

  /** Abstract page, PDF, DOI, code and project links. */
  public Links links() {
    return links;
  }

  /** The authors' comment (pages, figures, venue), or null. */
  public @Nullable String comment() {
    return comment;
  }

  /** The journal reference, or null. */
  public @Nullable String journalRef() {
    return journalRef;
  }

  /** The DOI, without resolver prefix, or null. */
  public @Nullable String doi() {
    return doi;
  }

  /** The id of the source that produced this paper, e.g. {@code arxiv}. */
  public String source() {
    return source;
  }

  /** Upvotes, comments and GitHub stars where the source has them. */
  public Metrics metrics() {
    return metrics;
  }

  /** Source-specific extras by key; read one with {@link #attribute(AttributeKey)}. */
  public Map<AttributeKey<?>, Object> attributes() {
    return attributes;
  }

  /** Whether {@code o} is a paper with equal components. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Paper p)) {
      return false;
    }
    return id.equals(p.id)
        && Objects.equals(version, p.version)
        && title.equals(p.title)
        && abstractText.equals(p.abstractText)
        && authors.equals(p.authors)
        && Objects.equals(published, p.published)
        && Objects.equals(updated, p.updated)
        && Objects.equals(primaryCategory, p.primaryCategory)
        && categories.equals(p.categories)
        && links.equals(p.links)
        && Objects.equals(comment, p.comment)
        && Objects.equals(journalRef, p.journalRef)
        && Objects.equals(doi, p.doi)
        && source.equals(p.source)
        && metrics.equals(p.metrics)
        && attributes.equals(p.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        version,
        title,
        abstractText,
        authors,
        published,
        updated,
        primaryCategory,
        categories,
        links,
        comment,
        journalRef,
        doi,
        source,
        metrics,
        attributes);
  }

  /** The components, for debugging; the format may change. */
  @Override
  public String toString() {
    return "Paper[id="
        + id
        + ", version="
        + version
        + ", title="
        + title
        + ", abstractText="
        + abstractText
        + ", authors="
        + authors
        + ", published="
        + published
        + ", updated="
        + updated
        + ", primaryCategory="
        + primaryCategory
        + ", categories="
        + categories
        + ", links="
        + links
        + ", comment="
        + comment
        + ", journalRef="
        + journalRef
        + ", doi="
        + doi
        + ", source="
        + source
        + ", metrics="
        + metrics
        + ", attributes="
        + attributes
        + "]";
  }

  /** A string attribute, or a list of strings, without control characters. */
  private static Object cleanAttribute(Object value) {
    if (value instanceof String s) {
      return Text.clean(s);
    }
    if (value instanceof List<?> list) {
      List<Object> cleaned = null;
      for (int i = 0; i < list.size(); i++) {
        Object e = list.get(i);
        if (e instanceof String s) {
          String clean = Text.clean(s);
          if (cleaned == null && clean.length() != s.length()) { // clean only ever removes
            cleaned = new ArrayList<>(list);
          }
          if (cleaned != null) {
            cleaned.set(i, clean);
          }
        }
      }
      return cleaned == null ? list : Collections.unmodifiableList(cleaned);
    }
    return value;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String n = Text.normalize(s);
    return n.isEmpty() ? null : n;
  }

  /** A builder for a paper with {@code id} and {@code title}; everything else starts empty. */
  public static Builder builder(PaperId id, String title) {
    return new Builder(id, title);
  }

  /**
   * A builder with nothing set yet, for streaming parsers that meet the id and the title anywhere
   * in a record: {@link Builder#build()} fails unless both were set.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this paper's components. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The value of a source-specific attribute, if this paper has it with the type of {@code key}.
   * Keys are equal by name, so a paper may hold a value of that name with another type (a paper
   * read back from JSON holds its attributes as JSON values): that is empty here, never a {@code
   * ClassCastException} where the value is used.
   */
  @SuppressWarnings("unchecked") // checked by key.fits(value)
  public <T> Optional<T> attribute(AttributeKey<T> key) {
    Objects.requireNonNull(key, "key == null");
    Object value = attributes.get(key);
    return value != null && key.fits(value) ? Optional.of((T) value) : Optional.empty();
  }

  /** The id with {@link #version()} applied, e.g. {@code arxiv:2505.09568v2}. */
  public PaperId versionedId() {
    return version == null ? id : id.withVersion(version);
  }

  /**
   * Builds {@link Paper} values. Not thread-safe. Each setter replaces the previous value; {@link
   * #build()} normalises and checks them.
   */
  public static final class Builder {
    private @Nullable PaperId id;
    private @Nullable Integer version;
    private @Nullable String title;
    private String abstractText = "";
    private List<Author> authors = new ArrayList<>();
    private @Nullable Instant published;
    private @Nullable Instant updated;
    private @Nullable String primaryCategory;
    private List<String> categories = new ArrayList<>();
    private Links links = Links.NONE;
    private @Nullable String comment;
    private @Nullable String journalRef;
    private @Nullable String doi;
    private String source = "";
    private Metrics metrics = Metrics.NONE;
    private final Map<AttributeKey<?>, Object> attributes = new LinkedHashMap<>();

    Builder(PaperId id, String title) {
      this.id = Objects.requireNonNull(id, "id == null");
      this.title = Objects.requireNonNull(title, "title == null");
    }

    Builder() {}

    Builder(Paper p) {
      this.id = p.id;
      this.version = p.version;
      this.title = p.title;
      this.abstractText = p.abstractText;
      this.authors = new ArrayList<>(p.authors);
      this.published = p.published;
      this.updated = p.updated;
      this.primaryCategory = p.primaryCategory;
      this.categories = new ArrayList<>(p.categories);
      this.links = p.links;
      this.comment = p.comment;
      this.journalRef = p.journalRef;
      this.doi = p.doi;
      this.source = p.source;
      this.metrics = p.metrics;
      this.attributes.putAll(p.attributes);
    }

    /** Sets the id (a version in it moves to {@link Paper#version()}). */
    public Builder id(PaperId id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /** Sets the version. */
    public Builder version(@Nullable Integer version) {
      this.version = version;
      return this;
    }

    /** Sets the title. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title == null");
      return this;
    }

    /** Sets the abstract. */
    public Builder abstractText(String abstractText) {
      this.abstractText = Objects.requireNonNull(abstractText, "abstractText == null");
      return this;
    }

    /** Replaces the authors. */
    public Builder authors(List<Author> authors) {
      this.authors = new ArrayList<>(Objects.requireNonNull(authors, "authors == null"));
      return this;
    }

    /** Appends an author. */
    public Builder addAuthor(Author author) {
      this.authors.add(Objects.requireNonNull(author, "author == null"));
      return this;
    }

    /** Sets when the paper was first published. */
    public Builder published(@Nullable Instant published) {
      this.published = published;
      return this;
    }

    /** Sets when the described version was published. */
    public Builder updated(@Nullable Instant updated) {
      this.updated = updated;
      return this;
    }

    /** Sets the primary category. */
    public Builder primaryCategory(@Nullable String primaryCategory) {
      this.primaryCategory = primaryCategory;
      return this;
    }

    /** Replaces the categories. */
    public Builder categories(List<String> categories) {
      this.categories = new ArrayList<>(Objects.requireNonNull(categories, "categories == null"));
      return this;
    }

    /** Sets the links. */
    public Builder links(Links links) {
      this.links = Objects.requireNonNull(links, "links == null");
      return this;
    }

    /** Sets the authors' comment. */
    public Builder comment(@Nullable String comment) {
      this.comment = comment;
      return this;
    }

    /** Sets the journal reference. */
    public Builder journalRef(@Nullable String journalRef) {
      this.journalRef = journalRef;
      return this;
    }

    /** Sets the DOI. */
    public Builder doi(@Nullable String doi) {
      this.doi = doi;
      return this;
    }

    /** Sets the id of the producing source. */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source == null");
      return this;
    }

    /** Sets the metrics. */
    public Builder metrics(Metrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics == null");
      return this;
    }

    /**
     * Sets an attribute; a null value removes it.
     *
     * @throws IllegalArgumentException if the value does not fit the key
     */
    public <T> Builder attribute(AttributeKey<T> key, @Nullable T value) {
      Objects.requireNonNull(key, "key == null");
      if (value == null) {
        attributes.remove(key);
      } else {
        attributes.put(key, key.check(value));
      }
      return this;
    }

    /**
     * Builds the paper.
     *
     * @throws NullPointerException if the id or the title was never set
     * @throws IllegalArgumentException if the title or source is blank
     */
    public Paper build() {
      return new Paper(this);
    }
  }
}
