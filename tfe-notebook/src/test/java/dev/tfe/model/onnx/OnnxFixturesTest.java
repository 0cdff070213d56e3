package dev.tfe.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.json.Json;
import dev.tfe.model.Sequential;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Models exported by PyTorch's own exporter (made by {@code make_fixtures.py} beside them): the
 * imported model's plaintext outputs on real digits equal PyTorch's within 1e-5.
 */
class OnnxFixturesTest {
  static final String DIR = "/dev/tfe/model/onnx/";
  static final double TOLERANCE = 1e-5;

  /** One fixture: the imported model, its input digits (NHWC for image models) and PyTorch's outputs. */
  record Fixture(String name, Sequential model, INDArray inputs, INDArray expected, Map<String, Object> json) {}

  static Fixture fixture(String name) throws IOException {
    Map<String, Object> json;
    try (InputStream in = OnnxFixturesTest.class.getResourceAsStream(DIR + name + ".json")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> parsed = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      json = parsed;
    }
    Sequential model;
    try (InputStream in = OnnxFixturesTest.class.getResourceAsStream(DIR + (String) json.get("model"))) {
      model = Onnx.load(in);
    }
    int[] digits = ((List<?>) json.get("digits")).stream().mapToInt(e -> ((Number) e).intValue() - 8000).toArray();
    Dataset test = Mnist.load().test().subset(digits);
    INDArray x = test.features();
    assertEquals(((Number) json.get("pixel_sum")).doubleValue(), x.sumNumber().doubleValue(), 1e-2,
        "the digits differ from those PyTorch saw");
    if ((Boolean) json.get("images")) {
      x = x.reshape('c', x.size(0), 28, 28, 1);
    }
    List<?> rows = (List<?>) json.get("outputs");
    double[][] expected = new double[rows.size()][];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = ((List<?>) rows.get(i)).stream().mapToDouble(e -> ((Number) e).doubleValue()).toArray();
    }
    return new Fixture(name, model, x, Nd4j.create(expected).castTo(DataType.DOUBLE), json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"network_a", "network_b", "network_c", "network_d", "bn_pool", "mlp_trained"})
  void importedModelComputesWhatPyTorchComputed(String name) throws IOException {
    Fixture f = fixture(name);
    INDArray actual = f.model().predict(f.inputs());
    assertEquals(java.util.Arrays.toString(f.expected().shape()), java.util.Arrays.toString(actual.shape()));
    double diff = actual.sub(f.expected()).amaxNumber().doubleValue();
    System.out.printf("%s (%s): %s; largest difference to PyTorch %.2e%n", name, f.json().get("ops"),
        f.model(), diff);
    assertTrue(diff <= TOLERANCE, name + ": largest difference " + diff + " > " + TOLERANCE);
  }
}
