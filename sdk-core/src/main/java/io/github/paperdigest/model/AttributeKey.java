package io.github.paperdigest.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed key for a source-specific attribute of a {@link Paper}, such as Hugging Face's AI
 * summary. Sources publish their keys as constants; users read them with {@link
 * Paper#attribute(AttributeKey)}. Two keys are equal when their names are equal; a name belongs to
 * one type.
 *
 * <pre>{@code
 * public static final AttributeKey<String> AI_SUMMARY = AttributeKey.of("hf.aiSummary", String.class);
 * Optional<String> summary = paper.attribute(AI_SUMMARY);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the type of the attribute's values
 */
// T is only in signatures: it types what Paper.attribute(key) returns and Builder.attribute takes.
@SuppressWarnings("UnusedTypeParameter")
public final class AttributeKey<T> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

  private final String name;
  private final Class<?> type;
  private final boolean list;

  private AttributeKey(String name, Class<?> type, boolean list) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(type, "type == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid attribute name: '" + name + "'");
    }
    this.name = name;
    this.type = type;
    this.list = list;
  }

  /**
   * A key for values of {@code type}. Prefix the name with the source id ({@code hf.aiSummary}).
   *
   * @throws IllegalArgumentException if the name is not letters, digits, {@code . _ -}
   */
  public static <T> AttributeKey<T> of(String name, Class<T> type) {
    return new AttributeKey<>(name, type, false);
  }

  /**
   * A key for immutable lists of {@code elementType}.
   *
   * @throws IllegalArgumentException if the name is not letters, digits, {@code . _ -}
   */
  public static <E> AttributeKey<List<E>> ofList(String name, Class<E> elementType) {
    return new AttributeKey<>(name, elementType, true);
  }

  /** The attribute's name, e.g. {@code hf.aiSummary}. */
  public String name() {
    return name;
  }

  /** The type of the values, or of the list elements for a list key. */
  public Class<?> type() {
    return type;
  }

  /** Whether the values are lists of {@link #type()}. */
  public boolean isList() {
    return list;
  }

  /** Whether {@code value} is of this key's type (a list of it, for a list key). */
  boolean fits(Object value) {
    if (list) {
      return value instanceof List<?> values && values.stream().allMatch(type::isInstance);
    }
    return type.isInstance(value);
  }

  /** Checks that {@code value} fits this key and returns it, lists copied. */
  Object check(Object value) {
    Objects.requireNonNull(value, () -> "value of " + name + " == null");
    if (list) {
      if (!(value instanceof List<?> values)) {
        throw new IllegalArgumentException(
            name + " takes a List, not " + value.getClass().getName());
      }
      for (Object element : values) {
        if (!type.isInstance(element)) {
          throw new IllegalArgumentException(
              name
                  + " takes a List of "
                  + type.getName()
                  + ", found "
                  + (element == null ? "null" : element.getClass().getName()));
        }
      }
      return List.copyOf(values);
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          name + " takes " + type.getName() + ", not " + value.getClass().getName());
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeKey<?> other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name + (list ? ": List<" + type.getSimpleName() + ">" : ": " + type.getSimpleName());
  }
}
