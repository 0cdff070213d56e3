package dev.tfe.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.data.Dataset;
import dev.tfe.data.Mnist;
import dev.tfe.model.Evaluation;
import dev.tfe.model.Fit;
import dev.tfe.model.Sequential;
import dev.tfe.model.TrainingHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An imported model is an ordinary Sequential: loaded from a path, evaluated, saved, reloaded and trained further. */
class OnnxModelUseTest {
  @TempDir
  Path dir;

  private Path plainFile(String name) throws IOException {
    Path file = dir.resolve(name + ".onnx");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(OnnxFixturesTest.DIR + name + ".onnx.gz"))) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void loadsFromAPathAndEvaluatesAsPyTorchDid() throws IOException {
    Sequential model = Onnx.load(plainFile("mlp_trained"));
    OnnxFixturesTest.Fixture f = OnnxFixturesTest.fixture("mlp_trained");
    assertTrue(model.predict(f.inputs()).equalsWithEps(f.expected(), OnnxFixturesTest.TOLERANCE));
    Evaluation e = model.evaluate(Mnist.load().test());
    double pyTorch = ((Number) f.json().get("held_back_accuracy")).doubleValue();
    System.out.println("mlp_trained on the 2000 held-back digits: " + e + "; PyTorch's accuracy " + pyTorch);
    assertEquals(pyTorch, e.accuracy(), 1.0 / 2000, "accuracy against PyTorch's on the same digits");
  }

  @Test
  void savesAndReloadsWithTheSameOutputs() throws IOException {
    OnnxFixturesTest.Fixture f = OnnxFixturesTest.fixture("bn_pool");
    Path saved = dir.resolve("bn_pool.weights");
    f.model().save(saved);
    Sequential reloaded = Sequential.load(saved);
    INDArray again = reloaded.predict(f.inputs());
    assertTrue(again.equalsWithEps(f.model().predict(f.inputs()), 1e-12), "reloaded outputs differ");
    assertTrue(again.equalsWithEps(f.expected(), OnnxFixturesTest.TOLERANCE));
  }

  @Test
  void trainsFurtherAndImproves() throws IOException {
    Sequential model = OnnxFixturesTest.fixture("network_b").model();
    Mnist mnist = Mnist.load();
    Dataset train = mnist.train().head(1000).reshaped(28, 28, 1);
    Dataset test = mnist.test().head(300).reshaped(28, 28, 1);
    double before = model.evaluate(test).accuracy();
    TrainingHistory h = model.fit(train, Fit.epochs(2).batchSize(32).adam(2e-3).seed(1));
    double after = model.evaluate(test).accuracy();
    System.out.println("network_b (random PyTorch weights) trained further: accuracy " + before + " -> " + after
        + "; " + h);
    assertTrue(after > before + 0.3, "accuracy " + before + " -> " + after);
  }

  @Test
  void aMissingFileOrAFileThatIsNotOnnxIsNamed() throws IOException {
    Path missing = dir.resolve("missing.onnx");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Onnx.load(missing));
    assertTrue(e.getMessage().contains("torch.onnx.export"), e.getMessage());
    Path text = Files.writeString(dir.resolve("notes.onnx"), "this is not a protobuf message at all\n");
    IOException bad = assertThrows(IOException.class, () -> Onnx.load(text));
    assertTrue(bad.getMessage().contains("is not an ONNX model"), bad.getMessage());
  }
}
