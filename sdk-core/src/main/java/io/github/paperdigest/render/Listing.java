package io.github.paperdigest.render;

import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link PaperWriter} writes: a titled list of papers as of a moment. Immutable.
 *
 * @param title the heading (a feed's or e-mail's title), e.g. {@code hf-daily 2025-10-03}
 * @param papers the papers, in the order to show them
 * @param updated when the list was fetched (an Atom feed's {@code updated})
 * @param id a stable identity for feeds; null derives one from the title
 */
public record Listing(String title, List<Paper> papers, Instant updated, @Nullable URI id) {

  /** Copies the papers. */
  public Listing {
    Objects.requireNonNull(title, "title == null");
    papers = List.copyOf(papers);
    Objects.requireNonNull(updated, "updated == null");
  }

  /** A listing of {@code papers} under {@code title}, as of {@code updated}. */
  public static Listing of(String title, List<Paper> papers, Instant updated) {
    return new Listing(title, papers, updated, null);
  }

  /** A digest as a listing titled by its source and period, e.g. {@code hf-daily 2025-10-03}. */
  public static Listing of(Digest digest) {
    return of(digest.source() + " " + digest.period(), digest.papers(), digest.fetchedAt());
  }

  /** {@link #id()}, or a name-based UUID URN of the title: the same title, the same feed. */
  public URI feedId() {
    return id != null
        ? id
        : URI.create("urn:uuid:" + UUID.nameUUIDFromBytes(title.getBytes(StandardCharsets.UTF_8)));
  }
}
