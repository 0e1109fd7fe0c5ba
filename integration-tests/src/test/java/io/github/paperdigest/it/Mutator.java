package io.github.paperdigest.it;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * Seeded mutations of a recorded response: truncation at a random offset, dropped and duplicated
 * fields or elements, changed types, null (empty) values, huge strings, odd Unicode, deep nesting
 * and raw garbage. JSON is mutated as a tree (one node changed, the rest shared); XML and HTML as
 * text, element by element.
 */
final class Mutator {
  enum Kind {
    TRUNCATE,
    DROP,
    DUPLICATE,
    CHANGE_TYPE,
    NULL,
    HUGE_STRING,
    ODD_UNICODE,
    DEEP_NESTING,
    GARBAGE
  }

  private static final String[] ODD = {
    "\u0000", "\uD800", "\uDFFF", "\u202E", "\uFEFF", "\u0301\u0301\u0301", "\uD83D\uDE00",
        "\u00A0", "\r\n\t",
    "\u2028", "\uFFFF", "&amp;", "&#0;", "&bogus;", "]]>", "<", "\"", "\\"
  };

  private final String text;
  private final boolean json;
  private final Object tree;
  private final int nodes;

  Mutator(String text, boolean json) {
    this.text = text;
    this.json = json;
    if (json) {
      try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
        this.tree = reader.readJsonValue();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.nodes = count(tree);
    } else {
      this.tree = null;
      this.nodes = 0;
    }
  }

  /** The mutated text for {@code random}'s next case, and what was done. */
  Mutation mutate(SplittableRandom random) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    String mutated =
        switch (kind) {
          case TRUNCATE -> text.substring(0, random.nextInt(text.length()));
          case GARBAGE -> garbage(random);
          default -> json ? jsonMutation(kind, random) : textMutation(kind, random);
        };
    return new Mutation(kind, mutated);
  }

  record Mutation(Kind kind, String text) {}

  // ---- JSON, as a tree
  // ---------------------------------------------------------------------------

  private String jsonMutation(Kind kind, SplittableRandom random) {
    if (kind == Kind.DUPLICATE) {
      // a key given twice in one object: insert a copy of a member before itself
      Matcher m = Pattern.compile("\"([A-Za-z_]+)\"\\s*:").matcher(text);
      List<Integer> starts = new ArrayList<>();
      while (m.find()) {
        starts.add(m.start());
      }
      if (!starts.isEmpty()) {
        int at = starts.get(random.nextInt(starts.size()));
        Matcher key = Pattern.compile("\"([A-Za-z_]+)\"").matcher(text);
        key.find(at);
        return text.substring(0, at)
            + "\""
            + key.group(1)
            + "\": "
            + randomValue(random)
            + ", "
            + text.substring(at);
      }
    }
    int target = random.nextInt(Math.max(1, nodes));
    Object mutated = replace(tree, new int[] {target}, kind, random);
    return mutated == DROPPED ? "" : write(mutated);
  }

  @SuppressWarnings("unchecked")
  private Object replace(Object node, int[] remaining, Kind kind, SplittableRandom random) {
    if (remaining[0]-- == 0) {
      return replacement(node, kind, random);
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = null;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (remaining[0] < 0) {
          break;
        }
        Object child = e.getValue();
        Object changed = replace(child, remaining, kind, random);
        if (changed != child) {
          copy = new LinkedHashMap<>((Map<String, Object>) map);
          if (changed == DROPPED) {
            copy.remove(e.getKey());
          } else {
            copy.put((String) e.getKey(), changed);
          }
          return copy;
        }
      }
      return node;
    }
    if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (remaining[0] < 0) {
          break;
        }
        Object child = list.get(i);
        Object changed = replace(child, remaining, kind, random);
        if (changed != child) {
          List<Object> copy = new ArrayList<>(list);
          if (changed == DROPPED) {
            copy.remove(i);
          } else {
            copy.set(i, changed);
          }
          return copy;
        }
      }
    }
    return node;
  }

  private static final Object DROPPED = new Object();

  private Object replacement(Object node, Kind kind, SplittableRandom random) {
    return switch (kind) {
      case DROP -> DROPPED;
      case NULL -> null;
      case CHANGE_TYPE -> randomValue(random);
      case HUGE_STRING -> "x".repeat(50_000 + random.nextInt(200_000));
      case ODD_UNICODE -> (node instanceof String s ? s : "") + odd(random);
      case DEEP_NESTING -> {
        Object nested = node;
        int depth = 1 + random.nextInt(3000);
        for (int i = 0; i < depth; i++) {
          nested =
              random.nextBoolean()
                  ? List.of(nested == null ? List.of() : nested)
                  : Map.of("a", nested == null ? "" : nested);
        }
        yield nested;
      }
      default -> node;
    };
  }

  private static Object randomValue(SplittableRandom random) {
    return switch (random.nextInt(7)) {
      case 0 -> random.nextInt() * 1.0;
      case 1 -> "s" + random.nextInt();
      case 2 -> random.nextBoolean();
      case 3 -> List.of();
      case 4 -> Map.of();
      case 5 -> -1e308;
      default -> "";
    };
  }

  private static int count(Object node) {
    int n = 1;
    if (node instanceof Map<?, ?> map) {
      for (Object child : map.values()) {
        n += count(child);
      }
    } else if (node instanceof List<?> list) {
      for (Object child : list) {
        n += count(child);
      }
    }
    return n;
  }

  /**
   * JSON text of {@code value}, written by hand: Moshi's writer refuses the deep nesting we want.
   */
  private static String write(Object value) {
    StringBuilder out = new StringBuilder();
    writeValue(out, value);
    return out.toString();
  }

  private static void writeValue(StringBuilder out, Object value) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, String.valueOf(e.getKey()));
        out.append(':');
        writeValue(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeValue(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Double d
        && d == Math.rint(d)
        && !Double.isInfinite(d)
        && Math.abs(d) < 1e15) {
      out.append(d.longValue());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else {
      string(out, value.toString());
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  // ---- XML and HTML, as text
  // ---------------------------------------------------------------------

  private static final Pattern START_TAG = Pattern.compile("<([A-Za-z][\\w:.-]*)(\\s[^<>]*)?>");

  private String textMutation(Kind kind, SplittableRandom random) {
    List<int[]> elements = new ArrayList<>();
    Matcher m = START_TAG.matcher(text);
    while (m.find()) {
      elements.add(new int[] {m.start(), m.end()});
    }
    if (elements.isEmpty()) {
      return garbage(random);
    }
    int[] tag = elements.get(random.nextInt(elements.size()));
    String name = text.substring(tag[0] + 1, tag[1]).split("[\\s>/]")[0];
    int close = text.indexOf("</" + name + ">", tag[1]);
    int end =
        text.charAt(tag[1] - 2) == '/' ? tag[1] : close < 0 ? tag[1] : close + name.length() + 3;
    int textEnd = text.indexOf('<', tag[1]);
    textEnd = textEnd < 0 ? text.length() : textEnd;
    return switch (kind) {
      case DROP -> text.substring(0, tag[0]) + text.substring(end);
      case DUPLICATE -> text.substring(0, end) + text.substring(tag[0], end) + text.substring(end);
      case CHANGE_TYPE -> text.substring(0, tag[1]) + randomValue(random) + text.substring(textEnd);
      case NULL -> text.substring(0, tag[1]) + text.substring(textEnd);
      case HUGE_STRING ->
          text.substring(0, tag[1])
              + "x".repeat(50_000 + random.nextInt(200_000))
              + text.substring(tag[1]);
      case ODD_UNICODE -> text.substring(0, tag[1]) + odd(random) + text.substring(tag[1]);
      case DEEP_NESTING -> {
        int depth = 1 + random.nextInt(5000);
        yield text.substring(0, tag[1])
            + "<n>".repeat(depth)
            + "</n>".repeat(depth)
            + text.substring(tag[1]);
      }
      default -> text;
    };
  }

  private static String odd(SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
      b.append(ODD[random.nextInt(ODD.length)]);
    }
    return b.toString();
  }

  private String garbage(SplittableRandom random) {
    StringBuilder b = new StringBuilder(text);
    for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
      int at = random.nextInt(b.length() + 1);
      if (random.nextBoolean() && at < b.length()) {
        b.deleteCharAt(at);
      } else {
        b.insert(at, (char) random.nextInt(0x80));
      }
    }
    return b.toString();
  }
}
