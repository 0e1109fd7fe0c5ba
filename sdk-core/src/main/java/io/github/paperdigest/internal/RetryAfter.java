package io.github.paperdigest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Reads how long a publisher asks a client to wait: {@code Retry-After} as seconds or as an HTTP
 * date, else the IETF {@code RateLimit} field ({@code "api";r=0;t=42}: no request remaining, the
 * window resets in 42 s), which Hugging Face sends with its 429s.
 */
final class RetryAfter {
  private static final Pattern RATE_LIMIT_R = Pattern.compile(";\\s*r\\s*=\\s*(\\d+)");
  private static final Pattern RATE_LIMIT_T = Pattern.compile(";\\s*t\\s*=\\s*(\\d+)");
  private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

  private RetryAfter() {}

  /**
   * The wait asked for, or null if the headers do not say; never negative, at most a day. Absurd
   * values (any number of digits) count as a day: too long to wait, never "not said".
   */
  static @Nullable Duration parse(Headers headers, Instant now) {
    String retryAfter = headers.get("Retry-After");
    if (retryAfter != null) {
      String s = retryAfter.strip();
      if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return seconds(s);
      }
      Date date = headers.getDate("Retry-After");
      if (date != null) {
        Duration d = Duration.between(now, date.toInstant());
        if (d.isNegative()) {
          return Duration.ZERO;
        }
        return d.toSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : d;
      }
    }
    String rateLimit = headers.get("RateLimit");
    if (rateLimit != null) {
      Matcher r = RATE_LIMIT_R.matcher(rateLimit);
      Matcher t = RATE_LIMIT_T.matcher(rateLimit);
      if (t.find() && (!r.find() || r.group(1).chars().allMatch(c -> c == '0'))) {
        return seconds(t.group(1));
      }
    }
    return null;
  }

  /** A count of seconds of any length, capped at a day. */
  private static Duration seconds(String digits) {
    String d = digits.replaceFirst("^0+(?=.)", "");
    return d.length() > 12
        ? Duration.ofSeconds(MAX_SECONDS)
        : Duration.ofSeconds(Math.min(Long.parseLong(d), MAX_SECONDS));
  }
}
