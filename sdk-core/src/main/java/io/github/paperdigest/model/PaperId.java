package io.github.paperdigest.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a paper: a namespace and a value, rendered {@code namespace:value}, e.g. {@code
 * arxiv:2505.09568} or {@code doi:10.1145/3368089}.
 *
 * <p>arXiv identifiers are the common case. {@link #parse(String)} accepts them new-style ({@code
 * 2505.09568}, {@code 2505.09568v2}), old-style ({@code hep-th/9901001v1}), with an {@code arxiv:}
 * prefix, or as abstract and PDF URLs ({@code https://arxiv.org/abs/2505.09568}). The version is
 * kept apart from the value: {@code 2505.09568v2} has value {@code 2505.09568} and version 2, so
 * {@link #unversioned()} identifies every version of the paper.
 *
 * <p>Other namespaces ({@code doi}, or one a plugin defines) are taken as they are. Instances are
 * immutable and value-based.
 *
 * @param namespace lower-case namespace, such as {@code arxiv} or {@code doi}
 * @param value the identifier within the namespace, without any version
 * @param version the arXiv version number (1 and up), or null for "any version"
 */
public record PaperId(String namespace, String value, @Nullable Integer version) {

  /** The namespace of arXiv identifiers. */
  public static final String ARXIV = "arxiv";

  private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9._-]*");
  private static final Pattern ARXIV_NEW =
      Pattern.compile("(\\d{2})(\\d{2})\\.(\\d{4,5})(?:v(\\d+))?");
  private static final Pattern ARXIV_OLD =
      Pattern.compile("([a-z]+(?:-[a-z]+)*(?:\\.[A-Z]{2})?)/(\\d{7})(?:v(\\d+))?");
  private static final Pattern ARXIV_URL =
      Pattern.compile(
          "(?i)https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/(.+?)(?:\\.pdf)?/?");

  /**
   * Checks and normalises the components: control characters (see {@link Paper}) are removed from
   * the value.
   *
   * @throws NullPointerException if namespace or value is null
   * @throws IllegalArgumentException if the namespace is not lower-case letters, digits, {@code .},
   *     {@code _} or {@code -}, the value is blank, or the version is below 1
   */
  public PaperId {
    Objects.requireNonNull(namespace, "namespace == null");
    value = Text.clean(Objects.requireNonNull(value, "value == null"));
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("Invalid paper id namespace: '" + namespace + "'");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException("Blank paper id value in namespace " + namespace);
    }
    if (version != null && version < 1) {
      throw new IllegalArgumentException("Paper id version must be 1 or more: " + version);
    }
  }

  /**
   * Returns an unversioned id in {@code namespace}.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static PaperId of(String namespace, String value) {
    return new PaperId(namespace, value, null);
  }

  /**
   * Parses an arXiv identifier in any of the accepted forms (with or without the {@code arxiv:}
   * prefix, new- or old-style, bare or as an arxiv.org URL).
   *
   * @throws IllegalArgumentException naming the input if it is not an arXiv identifier
   */
  public static PaperId arxiv(String id) {
    Objects.requireNonNull(id, "id == null");
    PaperId parsed = parseArxiv(id.strip());
    if (parsed == null) {
      throw new IllegalArgumentException(
          "Not an arXiv id: '"
              + id
              + "' (expected e.g. 2505.09568, 2505.09568v2, hep-th/9901001 or https://arxiv.org/abs/2505.09568)");
    }
    return parsed;
  }

  /**
   * Parses {@code namespace:value}, a bare arXiv identifier, or an arxiv.org URL.
   *
   * @throws IllegalArgumentException naming the input if it is none of these
   */
  public static PaperId parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String s = text.strip();
    PaperId arxiv = parseArxiv(s);
    if (arxiv != null) {
      return arxiv;
    }
    int colon = s.indexOf(':');
    if (colon > 0 && !s.regionMatches(true, colon, "://", 0, 3)) {
      String namespace = s.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = s.substring(colon + 1).strip();
      if (!namespace.equals(ARXIV) && NAMESPACE.matcher(namespace).matches() && !value.isEmpty()) {
        return of(namespace, value);
      }
    }
    throw new IllegalArgumentException(
        "Not a paper id: '"
            + text
            + "' (expected namespace:value, e.g. arxiv:2505.09568 or doi:10.1145/3368089, or an arXiv id)");
  }

  /**
   * A new-style id ({@code YYMM.NNNN} to 2014, {@code YYMM.NNNNN} since, an optional {@code vN})
   * read by hand; null for anything else, which the patterns then read.
   */
  private static @Nullable PaperId newStyle(String s) {
    int dot = 4;
    if (s.length() < 9 || s.charAt(dot) != '.' || !digits(s, 0, dot)) {
      return null;
    }
    int end = s.indexOf('v', dot);
    int stop = end < 0 ? s.length() : end;
    int sequence = stop - dot - 1;
    if ((sequence != 4 && sequence != 5) || !digits(s, dot + 1, stop)) {
      return null;
    }
    int month = (s.charAt(2) - '0') * 10 + (s.charAt(3) - '0');
    int yymm = ((s.charAt(0) - '0') * 10 + (s.charAt(1) - '0')) * 100 + month;
    if (month < 1 || month > 12 || (sequence == 5) != (yymm >= 1501)) {
      return null;
    }
    Integer version = null;
    if (end >= 0) {
      if (end + 1 == s.length() || !digits(s, end + 1, s.length())) {
        return null;
      }
      version = version(s.substring(end + 1));
      if (version == null) {
        return null;
      }
    }
    return new PaperId(ARXIV, s.substring(0, stop), version);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static @Nullable PaperId parseArxiv(String s) {
    if (s.regionMatches(true, 0, "arxiv:", 0, 6)) {
      s = s.substring(6).strip();
    }
    // the common forms without a regex: 2505.09568v2 and http(s)://arxiv.org/abs/2505.09568v2
    String bare =
        s.startsWith("http://arxiv.org/abs/")
            ? s.substring(21)
            : s.startsWith("https://arxiv.org/abs/") ? s.substring(22) : s;
    PaperId fast = newStyle(bare);
    if (fast != null) {
      return fast;
    }
    Matcher url = ARXIV_URL.matcher(s);
    if (url.matches()) {
      s = url.group(1);
    }
    Matcher m = ARXIV_NEW.matcher(s);
    if (m.matches()) {
      int month = Integer.parseInt(m.group(2));
      int yymm = Integer.parseInt(m.group(1) + m.group(2));
      // Four-digit sequence numbers until 2014-12, five since 2015-01.
      if (month < 1 || month > 12 || (m.group(3).length() == 5) != (yymm >= 1501)) {
        return null;
      }
      if (m.group(4) != null && version(m.group(4)) == null) {
        return null;
      }
      return new PaperId(ARXIV, m.group(1) + m.group(2) + "." + m.group(3), version(m.group(4)));
    }
    m = ARXIV_OLD.matcher(s);
    if (m.matches() && (m.group(3) == null || version(m.group(3)) != null)) {
      return new PaperId(ARXIV, m.group(1) + "/" + m.group(2), version(m.group(3)));
    }
    return null;
  }

  private static @Nullable Integer version(@Nullable String digits) {
    if (digits == null) {
      return null;
    }
    if (digits.length() > 6) {
      return null;
    }
    int v = Integer.parseInt(digits);
    return v < 1 ? null : v;
  }

  /** Whether this is an arXiv identifier. */
  public boolean isArxiv() {
    return namespace.equals(ARXIV);
  }

  /** This id without its version; this instance if it has none. */
  public PaperId unversioned() {
    return version == null ? this : new PaperId(namespace, value, null);
  }

  /**
   * This id at {@code version}.
   *
   * @throws IllegalArgumentException if version is below 1
   */
  public PaperId withVersion(int version) {
    return new PaperId(namespace, value, version);
  }

  /**
   * The value with its version, as publishers write it: {@code 2505.09568v2}, or {@code
   * 2505.09568}.
   */
  public String versionedValue() {
    return version == null ? value : value + "v" + version;
  }

  /** Renders {@code namespace:value}, with {@code vN} appended when versioned. */
  @Override
  public String toString() {
    return namespace + ":" + versionedValue();
  }
}
