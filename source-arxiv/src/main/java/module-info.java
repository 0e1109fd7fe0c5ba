/**
 * The {@code arxiv} source. A skeleton for now: the source itself is the subject of its own issue
 * (search, id lookup, daily announcements); until then this module provides no source.
 */
module io.github.paperdigest.source.arxiv {
  requires io.github.paperdigest;
  requires org.jsoup;
  requires static org.jspecify;
}
