package dev.tfe.model.io;

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
    List<Manifest.LayerEntry> layerEntries = new ArrayList<>();
    Map<String, double[]> blobs = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      List<Manifest.ParameterEntry> params = new ArrayList<>();
      for (Parameter p : layer.parameters()) {
        String entry = String.format("params/%03d-%s/%s.f64", i, layer.type(), p.name());
        params.add(new Manifest.ParameterEntry(p.name(), p.shape(), p.trainable(), entry));
        blobs.put(entry, NdArrays.toDoubles(p.value()));
      }
      layerEntries.add(new Manifest.LayerEntry(layer.type(), new LinkedHashMap<>(layer.config().asMap()), params));
    }
    Manifest manifest = new Manifest(FORMAT, VERSION, "float64", "little-endian", layerEntries);

    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(MANIFEST));
      zip.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
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
      Manifest manifest;
      try (InputStream in = zip.getInputStream(manifestEntry)) {
        manifest = Manifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString());
      }
      if (!FORMAT.equals(manifest.format())) {
        throw new IOException(file + ": format is " + manifest.format() + ", expected " + FORMAT);
      }
      if (manifest.version() == null || manifest.version() != VERSION) {
        throw new IOException(file + ": version " + manifest.version() + " is not supported (this reads version "
            + VERSION + ")");
      }
      if (!"float64".equals(manifest.dtype()) || !"little-endian".equals(manifest.byteOrder())) {
        throw new IOException(file + ": only float64 little-endian parameters are supported, got "
            + manifest.dtype() + " " + manifest.byteOrder());
      }
      List<Layer> layers = new ArrayList<>();
      int index = 0;
      for (Manifest.LayerEntry entry : required(manifest.layers(), file + ": layers")) {
        String where = file + ": layer " + (++index);
        layers.add(readLayer(zip, required(entry, where), where));
      }
      return layers;
    } catch (java.util.zip.ZipException e) {
      throw new IOException(file + ": not a tfe-java model file (not a zip archive: " + e.getMessage() + ")", e);
    }
  }

  private static Layer readLayer(ZipFile zip, Manifest.LayerEntry lm, String where) throws IOException {
    Layer layer;
    try {
      layer = LayerRegistry.create(String.valueOf(lm.type()), LayerConfig.of(required(lm.config(), where + " config")));
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": " + e.getMessage(), e);
    }
    List<Parameter> expected = layer.parameters();
    List<Manifest.ParameterEntry> stored = required(lm.parameters(), where + " parameters");
    if (stored.size() != expected.size()) {
      throw new IOException(where + " (" + layer + "): " + stored.size() + " parameters stored, " + expected.size()
          + " expected");
    }
    for (int i = 0; i < expected.size(); i++) {
      Parameter p = expected.get(i);
      Manifest.ParameterEntry pm = required(stored.get(i), where + " parameter " + i);
      if (!p.name().equals(pm.name())) {
        throw new IOException(where + " (" + layer + "): parameter " + i + " is '" + pm.name() + "', expected '"
            + p.name() + "'");
      }
      long[] shape = required(pm.shape(), where + " parameter '" + p.name() + "' shape");
      if (!Arrays.equals(shape, p.shape())) {
        throw new IOException(where + " (" + layer + "): parameter '" + p.name() + "' has shape " + Arrays.toString(shape)
            + " in the file, the layer needs " + Arrays.toString(p.shape()));
      }
      ZipEntry entry = zip.getEntry(String.valueOf(pm.entry()));
      if (entry == null) {
        throw new IOException(where + ": entry " + pm.entry() + " of parameter '" + p.name() + "' is missing");
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

  /** A field the manifest must have; its absence is an error naming where and what. */
  private static <T> T required(T value, String where) throws IOException {
    if (value == null) {
      throw new IOException(where + " is missing from " + MANIFEST);
    }
    return value;
  }
}
