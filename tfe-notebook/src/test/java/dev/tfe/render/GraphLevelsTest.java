package dev.tfe.render;

import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.relu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.protocol.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The MNIST MLP (784-128-128-10) drawn at its levels: by default one box per layer, at most
 * 1,000 px wide with its legend at the top, the batches of one call drawn once with their count,
 * costs on the boxes; expanded, a layer shows its protocol ops, then its ops per party.
 */
@Timeout(300)
class GraphLevelsTest {
  static Tfe tfe;
  static PrivateModel model;

  @BeforeAll
  static void predict() {
    Sequential m = Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));
    m.initialize(1);
    tfe = Tfe.local();
    Party client = tfe.party("client");
    model = tfe.privateModel(m, tfe.party("owner"));
    // 20 rows in batches of 8: two runs of one shape, one of another
    model.predict(client, TestData.uniform(new Random(1), 1, 20, 784), 8);
  }

  @AfterAll
  static void close() {
    tfe.close();
  }

  /** The boxes' hover titles, one per box. */
  static List<String> boxTitles(Document doc) {
    List<String> r = new ArrayList<>();
    NodeList gs = doc.getElementsByTagName("g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if (g.getAttribute("class").equals("node")) {
        r.add(g.getElementsByTagName("title").item(0).getTextContent());
      }
    }
    return r;
  }

  static double attr(Document doc, String name) {
    return Double.parseDouble(doc.getDocumentElement().getAttribute(name));
  }

  /** The smallest y of the legend's entries, in the drawing's own coordinates. */
  static double legendTop(String svg) {
    Matcher m = Pattern.compile("<g class=\"legend-entry\"[^>]*><rect x=\"[\\d.]+\" y=\"([\\d.]+)\"").matcher(svg);
    double top = Double.MAX_VALUE;
    while (m.find()) {
      top = Math.min(top, Double.parseDouble(m.group(1)));
    }
    return top;
  }

  @Test
  void defaultIsOneBoxPerLayerFittingANotebook() throws Exception {
    String svg = model.graph().toSvg();
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/render"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/render/mnist-mlp-layers.svg"), svg);
    Document doc = GraphSvgTest.parse(svg);
    assertTrue(attr(doc, "width") <= 1000, "width " + attr(doc, "width"));
    double top = legendTop(svg);
    assertTrue(top < 100, "legend at " + top);
    List<String> titles = boxTitles(doc);
    List<String> expected = new ArrayList<>(List.of("weights", "input"));
    expected.addAll(model.layerNames());
    expected.add("logits");
    assertEquals(expected.size(), titles.size(), titles.toString());
    for (String layer : expected) {
      assertEquals(1, titles.stream().filter(t -> t.startsWith("model1/" + layer + " ") || t.startsWith(layer + " ")
          || t.matches("model\\d+/" + Pattern.quote(layer) + " .*")).count(), layer + " in " + titles);
    }
    // the three batch runs of the call are drawn once, with their count, and costs are shown
    String dense = titles.stream().filter(t -> t.contains("/" + model.layerNames().get(0) + " ")).findFirst().orElseThrow();
    assertTrue(dense.contains("drawn once for 3 batch runs"), dense);
    assertTrue(dense.matches(".*: [\\d.]+ ms \u00b7 [\\d.]+ [KM]?B \u00b7 \\d+ rounds"), dense);
    assertTrue(dense.contains("server0") && dense.contains("server1"), dense);
    assertTrue(svg.contains(model.layerNames().get(0) + " \u00d73<"), "count on the box");
  }

  @Test
  void expandOpensALayerIntoOpsThenPartyOps() throws Exception {
    String layer = model.layerNames().get(0);
    int collapsed = boxTitles(GraphSvgTest.parse(model.graph().toSvg())).size();
    List<String> ops = boxTitles(GraphSvgTest.parse(model.graph().expand(layer).toSvg()));
    List<String> inLayer = ops.stream().filter(t -> t.matches("model\\d+/" + layer + "/.*")).toList();
    assertTrue(inLayer.size() >= 2, "ops of " + layer + ": " + ops);
    assertEquals(collapsed - 1 + inLayer.size(), ops.size(), ops.toString());
    assertTrue(inLayer.stream().anyMatch(t -> t.contains(".matmul")), inLayer.toString());
    assertTrue(inLayer.stream().allMatch(t -> t.contains(" on ")), "op boxes hold all their parties");
    String partySvg = model.graph().expand(layer, GraphView.Level.PARTY_OPS).toSvg();
    List<String> perParty = boxTitles(GraphSvgTest.parse(partySvg)).stream()
        .filter(t -> t.matches("model\\d+/" + layer + "/.*")).toList();
    assertTrue(perParty.size() > inLayer.size(), perParty.toString());
    assertTrue(perParty.stream().allMatch(t -> t.matches("[^ ]+ @[^ ,:]+.*")), perParty.toString());
    assertTrue(partySvg.contains(">model1/" + layer + "<") || partySvg.matches("(?s).*>model\\d+/" + layer + "<.*"),
        "the opened layer is a frame");
    assertTrue(attr(GraphSvgTest.parse(model.graph().level(GraphView.Level.PARTY_OPS).toSvg()), "width") <= 1000,
        "the most detailed view is scaled to the notebook's width");
  }

  @Test
  void shapesOfEarlierCallsAreNotDrawnAgain() throws Exception {
    try (Tfe t = Tfe.local()) {
      Sequential m = Sequential.of(dense(6, 4), relu(), dense(4, 2));
      m.initialize(2);
      Party client = t.party("client");
      PrivateModel pm = t.privateModel(m, t.party("owner"));
      pm.predict(client, TestData.uniform(new Random(2), 1, 5, 6), 5);
      pm.predict(client, TestData.uniform(new Random(3), 1, 6, 6), 3);
      List<String> titles = boxTitles(GraphSvgTest.parse(pm.graph().toSvg()));
      assertEquals(2 + pm.layerNames().size() + 1, titles.size(), titles.toString());
      String first = titles.stream().filter(s -> s.contains("/" + pm.layerNames().get(0) + " ")).findFirst().orElseThrow();
      assertTrue(first.contains("drawn once for 2 batch runs"), first);
    }
  }

  @Test
  void expandingAnUnknownLayerSaysWhichExist() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.graph().expand("dense_9"));
    assertTrue(e.getMessage().contains(model.layerNames().get(0)), e.getMessage());
  }

  @Test
  void lowLevelCodeHasOneBoxPerSecureOp() throws Exception {
    try (Tfe t = Tfe.local()) {
      Party a = t.party("alice");
      var x = t.definePrivateInput(t.pond(), a, "x", 2, 2);
      var y = t.pond().mul(x, x);
      t.pond().add(y, x);
      List<String> titles = boxTitles(GraphSvgTest.parse(GraphSvg.render(GraphView.of(t.graph()))));
      assertTrue(titles.stream().anyMatch(s -> s.startsWith("pond.mul#1 on ") || s.matches("[a-z0-9]+\\.mul#1 on .*")), titles.toString());
      assertTrue(titles.stream().noneMatch(s -> s.contains("@")), "parties are merged into each op's box: " + titles);
    }
  }
}
