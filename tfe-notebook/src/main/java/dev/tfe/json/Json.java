package dev.tfe.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;

/**
 * Untyped JSON through Gson, for files whose shape is checked field by field by their reader
 * (the hostmap's two forms, benchmark records): objects become ordered maps, arrays lists, whole
 * numbers {@code Long} and others {@code Double}. Reading is strict (no comments, single quotes or
 * trailing text); writing is indented and refuses NaN and infinities. Typed files (the model
 * manifest) bind records with Gson directly.
 */
public final class Json {
  private static final Gson GSON = new GsonBuilder()
      .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
      .setStrictness(Strictness.STRICT)
      .disableHtmlEscaping()
      .serializeNulls()
      .setPrettyPrinting()
      .create();

  private Json() {}

  /**
   * Parses one JSON value.
   *
   * @throws IllegalArgumentException saying "malformed JSON" with the line, column and path of the first error
   */
  public static Object parse(String text) {
    try {
      return GSON.fromJson(text, Object.class);
    } catch (JsonParseException e) {
      Throwable why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
      throw new IllegalArgumentException("malformed JSON: " + why.getMessage(), e);
    }
  }

  /**
   * Renders maps, lists, arrays, strings, numbers, booleans and null, indented, with a final newline.
   *
   * @throws IllegalArgumentException for NaN or an infinity, which JSON cannot hold
   */
  public static String write(Object value) {
    return GSON.toJson(value) + "\n";
  }

  /** One string as a JSON string literal, escaped. */
  public static String quote(String s) {
    return GSON.toJson(s);
  }
}
