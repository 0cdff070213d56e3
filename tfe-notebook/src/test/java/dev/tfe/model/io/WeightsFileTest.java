package dev.tfe.model.io;

import dev.tfe.json.Json;

import static dev.tfe.model.Layers.avgPool2d;
import static dev.tfe.model.Layers.batchNorm;
import static dev.tfe.model.Layers.conv2d;
import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.flatten;
import static dev.tfe.model.Layers.maxPool2d;
import static dev.tfe.model.Layers.relu;
import static dev.tfe.model.Layers.reshape;
import static dev.tfe.model.Layers.sigmoid;
import static dev.tfe.model.Layers.softmax;
import static dev.tfe.model.Layers.tanh;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.model.Sequential;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.Padding;
import dev.tfe.model.layers.Parameter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WeightsFileTest {
  @TempDir
  Path dir;

  private static Sequential everyLayer() {
    Sequential model = Sequential.of(reshape(6, 6, 2), conv2d(2, 4, 3, 1, Padding.SAME), batchNorm(4), relu(),
        maxPool2d(2), conv2d(4, 3, 2, 2, 1, 1, Padding.VALID), sigmoid(), avgPool2d(2, 1, Padding.SAME), flatten(),
        dense(12, 5), tanh(), dense(5, 3), softmax()).initialize(3);
    // make batch-normalisation state non-trivial
    model.fit(dev.tfe.data.Dataset.classification(random(1, 16, 72), new int[16], 3),
        dev.tfe.model.Fit.epochs(1).batchSize(8));
    return model;
  }

  private static INDArray random(long seed, long... shape) {
    SplittableRandom rng = new SplittableRandom(seed);
    INDArray a = Nd4j.create(DataType.DOUBLE, shape);
    for (long i = 0; i < a.length(); i++) {
      a.putScalar(i, rng.nextDouble());
    }
    return a;
  }

  @Test
  void roundTripKeepsArchitectureWeightsAndPredictions() throws IOException {
    Sequential model = everyLayer();
    Path file = dir.resolve("sub/model.tfe.zip");
    model.save(file);
    Sequential loaded = Sequential.load(file);
    assertEquals(model.size(), loaded.size());
    for (int i = 0; i < model.size(); i++) {
      Layer a = model.layer(i);
      Layer b = loaded.layer(i);
      assertEquals(a.getClass(), b.getClass());
      assertEquals(a.config(), b.config());
      for (int p = 0; p < a.parameters().size(); p++) {
        Parameter pa = a.parameters().get(p);
        Parameter pb = b.parameters().get(p);
        assertEquals(pa.name(), pb.name());
        assertEquals(pa.value(), pb.value(), "layer " + i + " " + pa.name());
      }
    }
    INDArray x = random(2, 5, 72);
    assertEquals(model.predict(x), loaded.predict(x));
  }

  @Test
  void globalAveragePoolingRoundTrips() throws IOException {
    Sequential model = Sequential.of(conv2d(2, 3, 3), dev.tfe.model.Layers.globalAvgPool2d(), dense(3, 2))
        .initialize(4);
    Path file = dir.resolve("gap.tfe.zip");
    model.save(file);
    Sequential loaded = Sequential.load(file);
    assertEquals(dev.tfe.model.layers.GlobalAveragePooling2D.class, loaded.layer(1).getClass());
    INDArray x = random(3, 2, 5, 6, 2);
    assertEquals(model.predict(x), loaded.predict(x));
  }

  @Test
  void parametersAreRawLittleEndianDoublesListedInTheManifest() throws IOException {
    Sequential model = Sequential.of(dense(3, 2));
    Path file = dir.resolve("dense.zip");
    model.save(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String manifest = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
      var m = com.google.gson.JsonParser.parseString(manifest).getAsJsonObject();
      assertEquals("tfe-java-model", m.get("format").getAsString(), manifest);
      var layer = m.getAsJsonArray("layers").get(0).getAsJsonObject();
      assertEquals("dense", layer.get("type").getAsString(), manifest);
      assertEquals("[3,2]", layer.getAsJsonArray("parameters").get(0).getAsJsonObject().get("shape").toString(), manifest);
      byte[] raw = zip.getInputStream(zip.getEntry("params/000-dense/weights.f64")).readAllBytes();
      assertEquals(6 * 8, raw.length);
      ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
      assertEquals(model.parameters().get(0).value().getDouble(1, 0), b.getDouble(2 * 8), 0);
    }
  }

  @Test
  void malformedFilesAreClearErrors() throws IOException {
    Path notZip = dir.resolve("not.zip");
    Files.writeString(notZip, "hello");
    assertMessage(notZip, "not a tfe-java model file");

    Path unknown = zipWith(Map.of("manifest.json", "{\"format\": \"tfe-java-model\", \"version\": 1, \"dtype\": \"float64\","
        + " \"byteOrder\": \"little-endian\", \"layers\": [{\"type\": \"lstm\", \"config\": {}, \"parameters\": []}]}"));
    assertMessage(unknown, "unknown layer type 'lstm'");

    Path future = zipWith(Map.of("manifest.json", "{\"format\": \"tfe-java-model\", \"version\": 9}"));
    assertMessage(future, "version 9 is not supported");

    Path wrongShape = zipWith(Map.of("manifest.json", "{\"format\": \"tfe-java-model\", \"version\": 1, \"dtype\": "
        + "\"float64\", \"byteOrder\": \"little-endian\", \"layers\": [{\"type\": \"dense\", \"config\": {\"in\": 3, "
        + "\"out\": 2, \"initializer\": \"HE_UNIFORM\"}, \"parameters\": [{\"name\": \"weights\", \"shape\": [2, 3], "
        + "\"entry\": \"w\"}, {\"name\": \"bias\", \"shape\": [2], \"entry\": \"b\"}]}]}"));
    assertMessage(wrongShape, "has shape [2, 3] in the file, the layer needs [3, 2]");

    Path shortData = zipWith(Map.of("manifest.json", "{\"format\": \"tfe-java-model\", \"version\": 1, \"dtype\": "
        + "\"float64\", \"byteOrder\": \"little-endian\", \"layers\": [{\"type\": \"dense\", \"config\": {\"in\": 3, "
        + "\"out\": 2, \"initializer\": \"HE_UNIFORM\"}, \"parameters\": [{\"name\": \"weights\", \"shape\": [3, 2], "
        + "\"entry\": \"w\"}, {\"name\": \"bias\", \"shape\": [2], \"entry\": \"b\"}]}]}", "w", "12345678"));
    assertMessage(shortData, "has 8 bytes, expected 48");

    Path syntax = zipWith(Map.of("manifest.json", "{\"format\": \"tfe-java-model\", \"version\": }"));
    assertMessage(syntax, "manifest.json is not a valid manifest");
    assertMessage(syntax, syntax.toString());

    Path wrongType = zipWith(Map.of("manifest.json", "{\"format\": \"tfe-java-model\", \"version\": 1, \"dtype\": "
        + "\"float64\", \"byteOrder\": \"little-endian\", \"layers\": {\"type\": \"dense\"}}"));
    assertMessage(wrongType, "not a valid manifest");

    Path noShape = zipWith(Map.of("manifest.json", "{\"format\": \"tfe-java-model\", \"version\": 1, \"dtype\": "
        + "\"float64\", \"byteOrder\": \"little-endian\", \"layers\": [{\"type\": \"dense\", \"config\": {\"in\": 3, "
        + "\"out\": 2, \"initializer\": \"HE_UNIFORM\"}, \"parameters\": [{\"name\": \"weights\", \"entry\": \"w\"}, "
        + "{\"name\": \"bias\", \"shape\": [2], \"entry\": \"b\"}]}]}"));
    assertMessage(noShape, "layer 1 parameter 'weights' shape is missing from manifest.json");

    Path noLayers = zipWith(Map.of("manifest.json", "{\"format\": \"tfe-java-model\", \"version\": 1, \"dtype\": "
        + "\"float64\", \"byteOrder\": \"little-endian\"}"));
    assertMessage(noLayers, "layers is missing from manifest.json");
  }

  private Path zipWith(Map<String, String> entries) throws IOException {
    Path file = Files.createTempFile(dir, "bad", ".zip");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  private static void assertMessage(Path file, String fragment) {
    IOException e = assertThrows(IOException.class, () -> Sequential.load(file));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void jsonRoundTrip() {
    Object parsed = Json.parse(Json.write(Map.of("a", java.util.List.of(1, 2.5, "x\"y\n", true), "b", new int[] {3})));
    assertEquals(Map.of("a", java.util.List.of(1L, 2.5, "x\"y\n", true), "b", java.util.List.of(3L)), parsed);
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"));
    assertArrayEquals(new int[] {1, 2}, dev.tfe.model.layers.LayerConfig.of(Map.of("k", java.util.List.of(1L, 2L)))
        .getIntArray("k"));
  }
}
