package dev.tfe.model.privatetrain;

import dev.tfe.protocol.ChiSquare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tfe.api.Tfe;
import dev.tfe.data.Dataset;
import dev.tfe.model.Fit;
import dev.tfe.model.Layers;
import dev.tfe.model.Sequential;
import dev.tfe.protocol.ProtocolCase;
import dev.tfe.protocol.Protocols;
import dev.tfe.protocol.ReceivedValues;
import dev.tfe.protocol.TestData;
import dev.tfe.runtime.InProcessRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What each server receives while training is independent of the owners' rows: the same training
 * (a small ReLU network, cross-entropy through the private softmax, SGD with momentum) runs on two
 * very different data sets (all zeros; large values with other labels), and for every server the
 * byte histograms of everything it received in all steps are indistinguishable by a chi-square
 * test, and equally long. (Ring words are uniform under either input; packed small-field elements,
 * not uniform as bytes, are distributed alike under both.)
 */
@Timeout(600)
class TrainingPrivacyTest {
  static final int STEPS = 40;

  static Stream<ProtocolCase> protocols() {
    return Protocols.secure();
  }

  static Map<String, long[]> views(ProtocolCase pc, double value, int label) {
    try (Tfe tfe = Tfe.local(PrivateTraining.PRECISION)) {
      ReceivedValues rec = new ReceivedValues();
      ((InProcessRuntime) tfe.session().runtime()).setTransportDecorator(rec::wrap);
      var p = pc.factory().apply(tfe);
      assumeTrue(p.supportsComparisons());
      double[] x = new double[8 * 6];
      Arrays.fill(x, value);
      INDArray features = TestData.of(x, 8, 6);
      int[] y = new int[8];
      Arrays.fill(y, label);
      Dataset rows = Dataset.classification(features, y, 3);
      Sequential m = Sequential.of(Layers.dense(6, 4), Layers.relu(), Layers.dense(4, 3)).initialize(1);
      PrivateTraining pt = new PrivateTraining(tfe, m, tfe.party("modelOwner"), p,
          List.of(DataOwner.of(tfe.party("a"), rows.slice(0, 3)), DataOwner.of(tfe.party("b"), rows.slice(3, 8))));
      pt.fit(Fit.epochs(STEPS).batchSize(8).sgd(0.01, 0.5));
      Map<String, long[]> out = new java.util.HashMap<>();
      for (String s : List.of("server0", "server1", "server2")) {
        out.put(s, rec.take(s).stream().mapToLong(ReceivedValues.Element::value).toArray());
      }
      return out;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocols")
  void serversSeeTheSameDistributionForAnyTrainingData(ProtocolCase pc) {
    Map<String, long[]> a = views(pc, 0, 0);
    Map<String, long[]> b = views(pc, 40, 2);
    for (String s : a.keySet()) {
      assertEquals(a.get(s).length, b.get(s).length, s + " receives as much for either data set");
      if (a.get(s).length == 0) {
        continue;
      }
      long[] ha = bytes(a.get(s));
      long[] hb = bytes(b.get(s));
      double c = ChiSquare.twoSample(ha, hb);
      assertTrue(c < 400, s + ": the two data sets give distinguishable views (chi-square " + c + ")");
    }
  }

  static long[] bytes(long[] v) {
    long[] h = new long[256];
    for (long x : v) {
      for (int k = 0; k < 8; k++) {
        h[(int) ((x >>> (8 * k)) & 0xFF)]++;
      }
    }
    return h;
  }

  /** Pearson's two-sample statistic over 256 cells (255 degrees of freedom: about 255 +- 23). */
}
