package dev.tfe.render;

import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.relu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.graph.OpIdentity;
import dev.tfe.graph.OpKind;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.model.secure.Prediction;
import dev.tfe.protocol.TestData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The drawing of a private MLP: well-formed SVG with its layers, a legend per party, red messages. */
@Timeout(120)
class GraphSvgTest {
  static PrivateModel model;
  static Prediction prediction;
  static Tfe tfe;

  @BeforeAll
  static void predict() {
    Sequential m = Sequential.of(dense(12, 8), relu(), dense(8, 3));
    m.initialize(3);
    tfe = Tfe.local();
    Party owner = tfe.party("owner");
    Party client = tfe.party("client");
    model = tfe.privateModel(m, owner);
    prediction = model.predict(client, TestData.uniform(new Random(1), 1, 4, 12));
  }

  static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void opsDrawingIsWellFormedWithLegendAndLayers() throws Exception {
    String svg = model.graph().level(GraphView.Level.PARTY_OPS).toSvg();
    // kept for a look: target/render/mlp-ops.svg
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/render"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/render/mlp-ops.svg"), svg);
    Document doc = parse(svg);
    assertEquals("svg", doc.getDocumentElement().getTagName());
    Set<String> legend = new HashSet<>();
    NodeList gs = doc.getElementsByTagName("g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if (g.getAttribute("class").equals("legend-entry")) {
        legend.add(g.getAttribute("data-party"));
      }
    }
    Set<String> parties = new HashSet<>(tfe.graph().parties());
    parties.retainAll(Set.copyOf(model.graph().nodes().stream().map(n -> n.party()).toList()));
    assertEquals(parties, legend);
    assertTrue(legend.containsAll(Set.of("server0", "server1", "client", "owner")), legend.toString());
    for (String layer : model.layerNames()) {
      assertTrue(svg.contains(">model1/" + layer + "<") || svg.matches("(?s).*>model\\d+/" + layer + "<.*"), "frame for " + layer);
    }
    assertTrue(svg.contains("class=\"edge cross\""), "messages between parties are marked");
  }

  @Test
  void nodesDrawingHasMoreBoxes() throws Exception {
    GraphSvg.Options nodes = GraphSvg.Options.DEFAULT.withDetail(GraphSvg.Detail.NODES);
    String detailed = GraphSvg.render(model.graph(), nodes);
    String ops = GraphSvg.render(model.graph());
    parse(detailed);
    assertTrue(count(detailed, "class=\"box\"") > count(ops, "class=\"box\""));
    assertFalse(model.graph().toString().isEmpty());
  }

  @Test
  void opsAreCutAfterTheOutermostOpFrameAndLayersAreTheLayerFramesAbove() {
    OpIdentity.Layer model = new OpIdentity.Layer("model1");
    OpIdentity.Layer dense = new OpIdentity.Layer("dense_1");
    OpIdentity.Op matmul = new OpIdentity.Op(new OpKind("securenn", "matmul"), 3);
    OpIdentity.Op truncate = new OpIdentity.Op(new OpKind("securenn", "truncate"), 2);
    OpIdentity id = new OpIdentity(List.of(model, dense, matmul, truncate));
    assertEquals(new OpIdentity(List.of(model, dense, matmul)), GraphSvg.opOf(id, 0));
    assertEquals(new OpIdentity(List.of(model, dense)), GraphSvg.layerOf(id, GraphSvg.Options.DEFAULT));
    OpIdentity relu = new OpIdentity(List.of(new OpIdentity.Op(new OpKind("securenn", "relu"), 1), truncate));
    assertEquals(relu.prefix(1), GraphSvg.opOf(relu, 0));
    assertNull(GraphSvg.layerOf(relu, GraphSvg.Options.DEFAULT));
    assertEquals(id, GraphSvg.opOf(id, 4));
    assertEquals(new OpIdentity(List.of(model)), GraphSvg.layerOf(id, GraphSvg.Options.DEFAULT.withDepths(0, 1)));
    assertNull(GraphSvg.layerOf(id, GraphSvg.Options.DEFAULT.withDepths(0, -1)));
    assertEquals(OpIdentity.NONE, GraphSvg.opOf(OpIdentity.NONE, 0));
    assertEquals("model1/dense_1/securenn.matmul#3", GraphSvg.opOf(id, 0).toString());
  }

  @Test
  void wholeGraphIsWellFormed() throws Exception {
    parse(GraphSvg.render(tfe.graph()));
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }
}
