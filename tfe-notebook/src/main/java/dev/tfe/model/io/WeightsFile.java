package dev.tfe.model.io;

import dev.tfe.json.Json;

import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.LayerConfig;
import dev.tfe.model.layers.NdArrays;
import dev.tfe.model.layers.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The model file of tfe-java (version 1): a zip archive holding
 *
 * <ul>
 *   <li>{@code manifest.json}: {@code {"format": "tfe-java-model", "version": 1, "dtype": "float64",
 *       "byteOrder": "little-endian", "layers": [...]}}, where each layer is
 *       {@code {"type": "dense", "config": {"in": 784, "out": 128, ...}, "parameters": [{"name": "weights",
 *       "shape": [784, 128], "trainable": true, "entry": "params/000-dense/weights.f64"}, ...]}};</li>
 *   <li>one entry per parameter: its values as raw IEEE 754 doubles, little-endian, in row-major
 *       order (8 bytes times the product of the shape, no header).</li>
 * </ul>
 *
 * <p>Layer types and configurations are those of {@link Layer#type()} and {@link Layer#config()}
 * ({@code docs/weights-format.md} lists them). Reading checks the format name and version, the
 * layer types, each parameter's name, shape and byte count, and fails with a message saying which.
 */
public final class WeightsFile {
  /** The value of the manifest's {@code "format"} field. */
  public static final String FORMAT = "tfe-java-model";
  /** The version this code writes and reads. */
  public static final int VERSION = 1;
  static final String MANIFEST = "manifest.json";

  private WeightsFile() {}

  /** Writes these layers (types, configurations, parameters) to {@code file}, replacing it. */
  public static void write(List<Layer> layers, Path file) throws IOException {
    List<Object> layerEntries = new ArrayList<>();
    Map<String, double[]> blobs = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      List<Object> params = new ArrayList<>();
      for (Parameter p : layer.parameters()) {
        String entry = String.format("params/%03d-%s/%s.f64", i, layer.type(), p.name());
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("name", p.name());
        pm.put("shape", p.shape());
        pm.put("trainable", p.trainable());
        pm.put("entry", entry);
        params.add(pm);
        blobs.put(entry, NdArrays.toDoubles(p.value()));
      }
      Map<String, Object> lm = new LinkedHashMap<>();
      lm.put("type", layer.type());
      lm.put("config", layer.config().asMap());
      lm.put("parameters", params);
      layerEntries.add(lm);
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("version", VERSION);
    manifest.put("dtype", "float64");
    manifest.put("byteOrder", "little-endian");
    manifest.put("layers", layerEntries);

    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(MANIFEST));
      zip.write(Json.write(manifest).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (Map.Entry<String, double[]> e : blobs.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        ByteBuffer buf = ByteBuffer.allocate(e.getValue().length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(e.getValue());
        zip.write(buf.array());
        zip.closeEntry();
      }
    }
  }

  /** Reads the layers of a model file, their parameters set to the stored values. */
  public static List<Layer> read(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry manifestEntry = zip.getEntry(MANIFEST);
      if (manifestEntry == null) {
        throw new IOException(file + ": not a tfe-java model file (no " + MANIFEST + " inside)");
      }
      Map<?, ?> manifest;
      try (InputStream in = zip.getInputStream(manifestEntry)) {
        Object parsed = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (!(parsed instanceof Map<?, ?> m)) {
          throw new IOException(file + ": " + MANIFEST + " is not a JSON object");
        }
        manifest = m;
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + MANIFEST + ": " + e.getMessage(), e);
      }
      if (!FORMAT.equals(manifest.get("format"))) {
        throw new IOException(file + ": format is " + manifest.get("format") + ", expected " + FORMAT);
      }
      if (!(manifest.get("version") instanceof Number v) || v.intValue() != VERSION) {
        throw new IOException(file + ": version " + manifest.get("version") + " is not supported (this reads version "
            + VERSION + ")");
      }
      if (!"float64".equals(manifest.get("dtype")) || !"little-endian".equals(manifest.get("byteOrder"))) {
        throw new IOException(file + ": only float64 little-endian parameters are supported, got "
            + manifest.get("dtype") + " " + manifest.get("byteOrder"));
      }
      List<Layer> layers = new ArrayList<>();
      int index = 0;
      for (Object o : list(manifest.get("layers"), file + ": layers")) {
        String where = file + ": layer " + (++index);
        layers.add(readLayer(zip, asMap(o, where), where));
      }
      return layers;
    } catch (java.util.zip.ZipException e) {
      throw new IOException(file + ": not a tfe-java model file (not a zip archive: " + e.getMessage() + ")", e);
    }
  }

  private static Layer readLayer(ZipFile zip, Map<?, ?> lm, String where) throws IOException {
    Layer layer;
    try {
      @SuppressWarnings("unchecked")
      Map<String, ?> config = (Map<String, ?>) asMap(lm.get("config"), where + " config");
      layer = LayerRegistry.create(String.valueOf(lm.get("type")), LayerConfig.of(config));
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": " + e.getMessage(), e);
    }
    List<Parameter> expected = layer.parameters();
    List<?> stored = list(lm.get("parameters"), where + " parameters");
    if (stored.size() != expected.size()) {
      throw new IOException(where + " (" + layer + "): " + stored.size() + " parameters stored, " + expected.size()
          + " expected");
    }
    for (int i = 0; i < expected.size(); i++) {
      Parameter p = expected.get(i);
      Map<?, ?> pm = asMap(stored.get(i), where + " parameter " + i);
      if (!p.name().equals(pm.get("name"))) {
        throw new IOException(where + " (" + layer + "): parameter " + i + " is '" + pm.get("name") + "', expected '"
            + p.name() + "'");
      }
      long[] shape = list(pm.get("shape"), where + " shape").stream().mapToLong(x -> ((Number) x).longValue()).toArray();
      if (!Arrays.equals(shape, p.shape())) {
        throw new IOException(where + " (" + layer + "): parameter '" + p.name() + "' has shape " + Arrays.toString(shape)
            + " in the file, the layer needs " + Arrays.toString(p.shape()));
      }
      ZipEntry entry = zip.getEntry(String.valueOf(pm.get("entry")));
      if (entry == null) {
        throw new IOException(where + ": entry " + pm.get("entry") + " of parameter '" + p.name() + "' is missing");
      }
      byte[] bytes;
      try (InputStream in = zip.getInputStream(entry)) {
        bytes = in.readAllBytes();
      }
      if (bytes.length != p.size() * 8) {
        throw new IOException(where + ": entry " + entry.getName() + " has " + bytes.length + " bytes, expected "
            + p.size() * 8 + " (" + p.size() + " doubles)");
      }
      double[] values = new double[(int) p.size()];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
      p.set(NdArrays.fromDoubles(values, shape));
    }
    return layer;
  }

  private static Map<?, ?> asMap(Object o, String where) throws IOException {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new IOException(where + ": expected a JSON object, got " + o);
  }

  private static List<?> list(Object o, String where) throws IOException {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IOException(where + ": expected a JSON array, got " + o);
  }
}
