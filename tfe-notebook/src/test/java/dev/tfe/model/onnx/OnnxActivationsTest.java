package dev.tfe.model.onnx;

import static dev.tfe.model.onnx.TestModels.floats;
import static dev.tfe.model.onnx.TestModels.model;
import static dev.tfe.model.onnx.TestModels.node;
import static dev.tfe.model.onnx.TestModels.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.model.Sequential;
import dev.tfe.model.layers.Tanh;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise activations import as the library's layers and compute what ONNX defines. */
class OnnxActivationsTest {
  @Test
  void tanhImportsAsTheTanhLayer() {
    Sequential m = Onnx.fromModel(model(value("x", "N", 3), List.of(floats("w", new long[] {3, 2}, 1, -2, 0.5f, 3, -1, 1)),
        List.of(node("MatMul", "mm", List.of("x", "w"), "h"), node("Tanh", "t", List.of("h"), "y")), "y"));
    assertEquals(2, m.size());
    assertTrue(m.layer(1) instanceof Tanh, m.toString());
    INDArray x = Nd4j.create(new double[][] {{0.1, -2, 3}, {4, 0, -0.5}});
    INDArray w = Nd4j.create(new double[][] {{1, -2}, {0.5, 3}, {-1, 1}});
    INDArray expected = Transforms.tanh(x.mmul(w));
    assertTrue(m.predict(x).castTo(expected.dataType()).equalsWithEps(expected, 1e-6), m.predict(x) + " vs " + expected);
  }
}
