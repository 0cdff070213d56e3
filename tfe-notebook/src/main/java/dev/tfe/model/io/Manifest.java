package dev.tfe.model.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a model file ({@link WeightsFile}), as typed records read and
 * written by Gson. Layer configurations stay maps (each layer type has its own keys), with whole
 * numbers read as {@code Long} and others as {@code Double}.
 *
 * @param format    {@link WeightsFile#FORMAT}
 * @param version   {@link WeightsFile#VERSION}
 * @param dtype     {@code float64}
 * @param byteOrder {@code little-endian}
 * @param layers    the layers in order
 */
record Manifest(String format, Integer version, String dtype, String byteOrder, List<LayerEntry> layers) {
  /** One layer: its type, its configuration and its parameters in the layer's order. */
  record LayerEntry(String type, Map<String, Object> config, List<ParameterEntry> parameters) {}

  /** One parameter: its name, shape, whether it trains, and the zip entry with its doubles. */
  record ParameterEntry(String name, long[] shape, Boolean trainable, String entry) {}

  private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
      .disableHtmlEscaping().create();

  String toJson() {
    return GSON.toJson(this);
  }

  /** Parses a manifest; a syntax error or a field of the wrong type is an IOException naming the file. */
  static Manifest parse(String json, String where) throws IOException {
    try {
      Manifest m = GSON.fromJson(json, Manifest.class);
      if (m == null) {
        throw new IOException(where + ": " + WeightsFile.MANIFEST + " is empty");
      }
      return m;
    } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
      throw new IOException(where + ": " + WeightsFile.MANIFEST + " is not a valid manifest: " + e.getMessage(), e);
    }
  }
}
