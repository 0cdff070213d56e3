package dev.tfe.model.layers;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyper-parameters of a layer, in a fixed order: integers, integer arrays, numbers, strings
 * and booleans under string keys. Together with {@link Layer#type()} they are enough to rebuild the
 * layer (without its weights), which is what the weights file stores and what the private
 * prediction wrapper reads. Typed getters accept the values as written by a layer and as read back
 * from JSON (longs, doubles, lists).
 */
public final class LayerConfig {
  private final Map<String, Object> values;

  private LayerConfig(Map<String, Object> values) {
    this.values = values;
  }

  /** An empty configuration to add entries to with {@link #with}. */
  public static LayerConfig empty() {
    return new LayerConfig(new LinkedHashMap<>());
  }

  /** A configuration holding these entries (for example as read from a file). */
  public static LayerConfig of(Map<String, ?> entries) {
    return new LayerConfig(new LinkedHashMap<>(entries));
  }

  /** A copy with one more entry (an {@code int[]} is copied). */
  public LayerConfig with(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(values);
    m.put(key, value instanceof int[] a ? a.clone() : value);
    return new LayerConfig(m);
  }

  /** The entries, unmodifiable, in insertion order. */
  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values);
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public int getInt(String key) {
    Object v = require(key);
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Math.toIntExact(n.longValue());
    }
    throw wrongType(key, v, "an integer");
  }

  public double getDouble(String key) {
    Object v = require(key);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType(key, v, "a number");
  }

  public String getString(String key) {
    Object v = require(key);
    if (v instanceof String s) {
      return s;
    }
    throw wrongType(key, v, "a string");
  }

  public boolean getBoolean(String key) {
    Object v = require(key);
    if (v instanceof Boolean b) {
      return b;
    }
    throw wrongType(key, v, "a boolean");
  }

  public int[] getIntArray(String key) {
    Object v = require(key);
    if (v instanceof int[] a) {
      return a.clone();
    }
    if (v instanceof List<?> list) {
      int[] a = new int[list.size()];
      for (int i = 0; i < a.length; i++) {
        if (!(list.get(i) instanceof Number n)) {
          throw wrongType(key, v, "a list of integers");
        }
        a[i] = Math.toIntExact(n.longValue());
      }
      return a;
    }
    throw wrongType(key, v, "a list of integers");
  }

  private Object require(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("layer configuration " + this + " lacks '" + key + "'");
    }
    return v;
  }

  private IllegalArgumentException wrongType(String key, Object v, String expected) {
    return new IllegalArgumentException(
        "layer configuration entry '" + key + "' should be " + expected + ", got " + render(v));
  }

  private static String render(Object v) {
    return v instanceof int[] a ? Arrays.toString(a) : String.valueOf(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayerConfig c && toString().equals(c.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    values.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append('=').append(render(v)));
    return b.append('}').toString();
  }
}
