package io.github.paperdigest.model;

import java.net.URI;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Where to read a paper and what comes with it. Every link is optional. Only absolute {@code http}
 * and {@code https} links with a host are kept: any other ({@code javascript:}, {@code file:},
 * {@code data:}, a relative reference) is dropped, because links come from publishers and end up in
 * readers' browsers. Immutable and value-based.
 *
 * @param abstractPage the publisher's abstract page (e.g. {@code https://arxiv.org/abs/2505.09568})
 * @param pdf the full text as PDF
 * @param doi the DOI resolver link ({@code https://doi.org/…})
 * @param code the code repository (e.g. on GitHub)
 * @param project the project page
 * @param discussion a page where readers discuss the paper (e.g. its Hugging Face page)
 */
public record Links(
    @Nullable URI abstractPage,
    @Nullable URI pdf,
    @Nullable URI doi,
    @Nullable URI code,
    @Nullable URI project,
    @Nullable URI discussion) {

  /** Drops every link that is not an absolute http or https URL with a host. */
  public Links {
    abstractPage = web(abstractPage);
    pdf = web(pdf);
    doi = web(doi);
    code = web(code);
    project = web(project);
    discussion = web(discussion);
  }

  /** {@code uri} if it is an absolute http or https URL with a host, else null. */
  static @Nullable URI web(@Nullable URI uri) {
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      return null;
    }
    String scheme = uri.getScheme();
    return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https") ? uri : null;
  }

  /**
   * A link as a publisher wrote it, made a {@link URI}: an http or https URL, percent-encoded where
   * the publisher left characters a URI cannot hold (spaces, brackets); null for anything else (a
   * relative or {@code javascript:} link, text that is no URL).
   */
  public static @Nullable URI parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (isPlain(s)) {
      return URI.create(s); // the common case: nothing OkHttp's parser would change
    }
    HttpUrl url = HttpUrl.parse(s);
    return url == null ? null : url.uri();
  }

  /**
   * Whether {@code s} is an http(s) URL that OkHttp's canonical form leaves as it is: a lower-case
   * host of two labels or more without port, one or more path segments of unreserved characters
   * that are not dot segments (an optional final slash), and no query, fragment or escape.
   */
  static boolean isPlain(String s) {
    int i = s.startsWith("https://") ? 8 : s.startsWith("http://") ? 7 : -1;
    if (i < 0) {
      return false;
    }
    int labels = 0;
    int labelStart = i;
    for (; i < s.length() && s.charAt(i) != '/'; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (i == labelStart) {
          return false;
        }
        labels++;
        labelStart = i + 1;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    if (i == labelStart || labels < 1 || i == s.length()) {
      return false; // an empty last label, one label only, or no path
    }
    int segments = 0;
    while (i < s.length()) {
      i++; // past the slash
      int start = i;
      for (; i < s.length() && s.charAt(i) != '/'; i++) {
        char c = s.charAt(i);
        boolean unreserved =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '~'
                || (c == '.' && i > start);
        if (!unreserved) {
          return false;
        }
      }
      if (i == start) {
        return i == s.length() && segments > 0; // only a final slash may follow a segment
      }
      segments++;
    }
    return segments > 0;
  }

  /** No links at all. */
  public static final Links NONE = new Links(null, null, null, null, null, null);

  /** A copy with the abstract page set. */
  public Links withAbstractPage(@Nullable URI uri) {
    return new Links(uri, pdf, doi, code, project, discussion);
  }

  /** A copy with the PDF link set. */
  public Links withPdf(@Nullable URI uri) {
    return new Links(abstractPage, uri, doi, code, project, discussion);
  }

  /** A copy with the DOI link set. */
  public Links withDoi(@Nullable URI uri) {
    return new Links(abstractPage, pdf, uri, code, project, discussion);
  }

  /** A copy with the code repository set. */
  public Links withCode(@Nullable URI uri) {
    return new Links(abstractPage, pdf, doi, uri, project, discussion);
  }

  /** A copy with the project page set. */
  public Links withProject(@Nullable URI uri) {
    return new Links(abstractPage, pdf, doi, code, uri, discussion);
  }

  /** A copy with the discussion page set. */
  public Links withDiscussion(@Nullable URI uri) {
    return new Links(abstractPage, pdf, doi, code, project, uri);
  }
}
