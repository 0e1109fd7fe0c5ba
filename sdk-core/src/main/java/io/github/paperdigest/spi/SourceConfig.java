package io.github.paperdigest.spi;

import io.github.paperdigest.model.SourceConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * The settings of one source. A setting {@code name} of source {@code id} is looked up first among
 * the options given on the client builder, then in the system property {@code
 * paperdigest.<id>.<name>} (e.g. {@code paperdigest.arxiv.api-url}), then the caller's default.
 * Secrets may also come from an environment variable and are never shown by {@link #toString()}. A
 * value that cannot be read fails with a {@link SourceConfigurationException} that names the
 * property. Immutable and thread-safe.
 */
public final class SourceConfig {
  private final String sourceId;
  private final Map<String, String> options;
  private final Properties systemProperties;
  private final Map<String, String> environment;

  private SourceConfig(
      String sourceId,
      Map<String, String> options,
      Properties systemProperties,
      Map<String, String> environment) {
    this.sourceId = Objects.requireNonNull(sourceId, "sourceId == null");
    this.options = Map.copyOf(Objects.requireNonNull(options, "options == null"));
    this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties == null");
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
  }

  /** The settings of {@code sourceId}: {@code options}, then system properties, then defaults. */
  public static SourceConfig of(String sourceId, Map<String, String> options) {
    return new SourceConfig(sourceId, options, System.getProperties(), System.getenv());
  }

  /** Settings with explicit system properties and environment (package-private: for tests). */
  static SourceConfig of(
      String sourceId,
      Map<String, String> options,
      Properties systemProperties,
      Map<String, String> environment) {
    return new SourceConfig(sourceId, options, systemProperties, environment);
  }

  /** The id of the source these settings are for. */
  public String sourceId() {
    return sourceId;
  }

  /** The system property that holds setting {@code name}: {@code paperdigest.<id>.<name>}. */
  public String propertyName(String name) {
    return "paperdigest." + sourceId + "." + name;
  }

  /** The value of setting {@code name}, stripped, if it is set (blank counts as unset). */
  public Optional<String> get(String name) {
    Objects.requireNonNull(name, "name == null");
    String value = options.get(name);
    if (value == null) {
      value = systemProperties.getProperty(propertyName(name));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** Whether setting {@code name} is set explicitly (on the builder or as a system property). */
  public boolean isSet(String name) {
    return get(name).isPresent();
  }

  /** Setting {@code name} as text, or {@code defaultValue}. */
  public String string(String name, String defaultValue) {
    return get(name).orElse(defaultValue);
  }

  /**
   * Setting {@code name} as an HTTP(S) URL, or {@code defaultValue}.
   *
   * @throws SourceConfigurationException if the value is not an http or https URL
   */
  public HttpUrl url(String name, String defaultValue) {
    String value = string(name, defaultValue);
    HttpUrl url = HttpUrl.parse(value);
    if (url == null) {
      throw invalid(name, value, "an http or https URL");
    }
    return url;
  }

  /**
   * Setting {@code name} as a duration, written ISO-8601 ({@code PT3S}) or as seconds ({@code 3},
   * {@code 0.5}), or {@code defaultValue}.
   *
   * @throws SourceConfigurationException if the value is neither, or negative
   */
  public Duration duration(String name, Duration defaultValue) {
    Optional<String> value = get(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    String s = value.get();
    Duration d;
    try {
      d =
          s.toUpperCase(Locale.ROOT).startsWith("P")
              ? Duration.parse(s)
              : Duration.ofNanos(Math.round(Double.parseDouble(s) * 1e9));
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw invalid(name, s, "an ISO-8601 duration such as PT3S, or a number of seconds");
    }
    if (d.isNegative()) {
      throw invalid(name, s, "a duration of zero or more");
    }
    return d;
  }

  /**
   * Setting {@code name} as an integer, or {@code defaultValue}.
   *
   * @throws SourceConfigurationException if the value is not an integer
   */
  public int integer(String name, int defaultValue) {
    Optional<String> value = get(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw invalid(name, value.get(), "an integer");
    }
  }

  /**
   * Setting {@code name} as an integer from {@code min} to {@code max} inclusive, or {@code
   * defaultValue} (not checked: it is the source's own) when it is not set.
   *
   * @throws SourceConfigurationException if the value set is not an integer or out of the range
   */
  public int integer(String name, int defaultValue, int min, int max) {
    int value = integer(name, defaultValue);
    if (isSet(name) && (value < min || value > max)) {
      throw new SourceConfigurationException(
          sourceId,
          "setting "
              + name
              + " must be from "
              + min
              + " to "
              + max
              + ", not "
              + value
              + " (system property "
              + propertyName(name)
              + ")",
          null);
    }
    return value;
  }

  /**
   * Setting {@code name} as a boolean ({@code true} or {@code false}), or {@code defaultValue}.
   *
   * @throws SourceConfigurationException if the value is neither
   */
  public boolean bool(String name, boolean defaultValue) {
    Optional<String> value = get(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(name, value.get(), "true or false");
    };
  }

  /**
   * A secret (e.g. an API token): setting {@code name}, else environment variable {@code
   * environmentVariable}. Never logged or shown in {@link #toString()} or in an error.
   *
   * @throws SourceConfigurationException if the value has a character that an HTTP header cannot
   *     carry (a control character such as a line break, or any non-ASCII character), since it
   *     would be sent in one
   */
  public Optional<String> secret(String name, String environmentVariable) {
    Optional<String> value = get(name);
    String from = "setting " + name + " (system property " + propertyName(name) + ")";
    if (value.isEmpty()) {
      String env = environment.get(environmentVariable);
      value = env == null || env.isBlank() ? Optional.empty() : Optional.of(env.strip());
      from = "environment variable " + environmentVariable;
    }
    if (value.isPresent()) {
      String v = value.get();
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c != '\t' && (c < 0x20 || c > 0x7e)) {
          throw new SourceConfigurationException(
              sourceId,
              "the secret in "
                  + from
                  + " has a character that an"
                  + " HTTP header cannot carry ("
                  + (c < 0x20 || c == 0x7f ? "a control character" : "a non-ASCII character")
                  + " at position "
                  + (i + 1)
                  + " of "
                  + v.length()
                  + "); the value is not shown",
              null);
        }
      }
    }
    return value;
  }

  private SourceConfigurationException invalid(String name, String value, String expected) {
    String shown = isSecretName(name) ? "<hidden>" : "'" + value + "'";
    return new SourceConfigurationException(
        sourceId,
        "setting "
            + name
            + " (system property "
            + propertyName(name)
            + ") is "
            + shown
            + ", expected "
            + expected,
        null);
  }

  private static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("token")
        || n.contains("secret")
        || n.contains("password")
        || n.contains("key");
  }

  /** The source id and explicitly set options, with secret values hidden. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    options.forEach((k, v) -> shown.put(k, isSecretName(k) ? "<hidden>" : v));
    return "SourceConfig{" + sourceId + ", options=" + shown + "}";
  }
}
