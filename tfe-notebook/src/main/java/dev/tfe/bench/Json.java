package dev.tfe.bench;

import java.util.Iterator;
import java.util.Map;

/**
 * A minimal JSON writer for benchmark output: maps (keys as strings, in iteration order),
 * iterables and arrays of objects, strings, numbers, booleans and null; pretty-printed with two
 * spaces. Non-finite numbers become {@code null}, as JSON has no NaN. Anything else is written as
 * its {@code toString()} in quotes.
 */
public final class Json {
  private Json() {}

  /** The value as indented JSON text. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object v, int depth) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      out.append(Double.isFinite(d) ? (d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d)) : "null");
    } else if (v instanceof Number) {
      out.append(v);
    } else if (v instanceof Map<?, ?> map) {
      writeEntries(out, map.entrySet().iterator(), depth, '{', '}');
    } else if (v instanceof Iterable<?> it) {
      writeEntries(out, it.iterator(), depth, '[', ']');
    } else if (v instanceof Object[] arr) {
      writeEntries(out, java.util.Arrays.asList(arr).iterator(), depth, '[', ']');
    } else {
      quote(out, v.toString());
    }
  }

  private static void writeEntries(StringBuilder out, Iterator<?> it, int depth, char open, char close) {
    out.append(open);
    if (!it.hasNext()) {
      out.append(close);
      return;
    }
    boolean first = true;
    while (it.hasNext()) {
      Object e = it.next();
      out.append(first ? "\n" : ",\n");
      first = false;
      indent(out, depth + 1);
      if (e instanceof Map.Entry<?, ?> entry) {
        quote(out, String.valueOf(entry.getKey()));
        out.append(": ");
        write(out, entry.getValue(), depth + 1);
      } else {
        write(out, e, depth + 1);
      }
    }
    out.append('\n');
    indent(out, depth);
    out.append(close);
  }

  private static void indent(StringBuilder out, int depth) {
    out.append("  ".repeat(depth));
  }

  /** Appends {@code s} as a JSON string literal, escaping quotes, backslashes and controls. */
  static void quote(StringBuilder out, String s) {
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
}
