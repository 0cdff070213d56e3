package dev.tfe.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes of an op: a small immutable map from names to plain data (Long, Double,
 * String, {@code int[]}, {@code long[]}). Only data, never code, so that a graph can be
 * serialised and shipped to party processes.
 */
public final class Attrs {
  private static final Attrs EMPTY = new Attrs(Map.of());
  private final Map<String, Object> values;

  private Attrs(Map<String, Object> values) {
    this.values = values;
  }

  public static Attrs empty() {
    return EMPTY;
  }

  /** Attributes from alternating names and values, e.g. {@code of("bits", 16L)}. */
  public static Attrs of(Object... kv) {
    if (kv.length % 2 != 0) {
      throw new IllegalArgumentException("attrs need name/value pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], normalise((String) kv[i], kv[i + 1]));
    }
    return new Attrs(Collections.unmodifiableMap(m));
  }

  private static Object normalise(String name, Object v) {
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Long || v instanceof Double || v instanceof String) {
      return v;
    }
    if (v instanceof int[] a) {
      return a.clone();
    }
    if (v instanceof long[] a) {
      return a.clone();
    }
    throw new IllegalArgumentException(
        "attribute " + name + " has unsupported type " + (v == null ? "null" : v.getClass().getName())
            + "; use Long, Double, String, int[] or long[]");
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public long getLong(String name) {
    return (Long) require(name);
  }

  public int getInt(String name) {
    return Math.toIntExact((Long) require(name));
  }

  public double getDouble(String name) {
    return (Double) require(name);
  }

  public String getString(String name) {
    return (String) require(name);
  }

  public int[] getInts(String name) {
    return ((int[]) require(name)).clone();
  }

  public long[] getLongs(String name) {
    return (long[]) require(name);
  }

  public long getLong(String name, long fallback) {
    return values.containsKey(name) ? getLong(name) : fallback;
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("op attribute '" + name + "' is missing");
    }
    return v;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      Object v = e.getValue();
      String s = v instanceof int[] a ? Arrays.toString(a) : v instanceof long[] l ? "long[" + l.length + "]" : String.valueOf(v);
      sb.append(e.getKey()).append('=').append(s);
    }
    return sb.append('}').toString();
  }
}
