package dev.tfe.render;

import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.relu;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Party;
import dev.tfe.api.Tfe;
import dev.tfe.data.Mnist;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.profile.Profile;
import java.util.List;
import java.util.Locale;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The profile of the MNIST tutorial's private prediction (784-128-128-10, SecureNN, on the
 * bundled digits): its chart names the real costs, the servers' comparisons and products, not
 * the client's wait for its output.
 */
@Timeout(300)
class ProfileChartTest {
  static Tfe tfe;
  static Profile profile;

  @BeforeAll
  static void predict() {
    Sequential m = Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));
    m.initialize(1);
    tfe = Tfe.local();
    Party client = tfe.party("prediction-client");
    PrivateModel secure = tfe.privateModel(m, tfe.party("model-owner"));
    Prediction p = secure.predict(client, Mnist.load().test().features(0, 64));
    profile = p.profile();
  }

  @AfterAll
  static void close() {
    tfe.close();
  }

  /** The chart's bars, the costliest first, with their compute time summed over the parties. */
  static List<String> bars(CategoryDataset data) {
    List<String> r = new java.util.ArrayList<>();
    for (int c = 0; c < data.getColumnCount(); c++) {
      double sum = 0;
      for (int p = 0; p < data.getRowCount(); p++) {
        sum += data.getValue(p, c).doubleValue();
      }
      r.add(String.format(Locale.ROOT, "%s %.1f", data.getColumnKey(c), sum));
    }
    return r;
  }

  @Test
  void chartNamesComparisonsAndProductsNotTheClientsWait() {
    CategoryDataset data = ProfileReport.chart(profile, ProfileReport.Metric.MILLIS).getCategoryPlot().getDataset();
    List<String> bars = bars(data);
    System.out.println("chart bars: " + bars);
    List<String> top = bars.subList(0, Math.min(4, bars.size()));
    assertTrue(top.stream().anyMatch(b -> b.matches("(?i).*(compare|relu|msb|shareconvert).*")),
        "a comparison among the costliest bars: " + bars);
    assertTrue(top.stream().anyMatch(b -> b.matches("(?i).*(matmul|mul).*")), "a product among the costliest bars: " + bars);
    assertTrue(top.stream().noneMatch(b -> b.matches("(?i).*(output|reveal|input).*")), "no input or output among " + top);
    // the client's compute is a sliver of the chart, though it waits most of the call
    int client = data.getRowIndex("prediction-client");
    double clientMs = 0;
    double all = 0;
    for (int c = 0; c < data.getColumnCount(); c++) {
      for (int p = 0; p < data.getRowCount(); p++) {
        all += data.getValue(p, c).doubleValue();
        clientMs += p == client ? data.getValue(p, c).doubleValue() : 0;
      }
    }
    assertTrue(clientMs < 0.05 * all, "the client's bars hold " + clientMs + " of " + all + " ms");
  }
}
