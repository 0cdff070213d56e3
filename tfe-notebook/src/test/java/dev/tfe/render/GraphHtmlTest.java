package dev.tfe.render;

import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.relu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.json.Json;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.protocol.TestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;

/**
 * The MNIST MLP's graph as interactive HTML (a drawing per opened layer, a script that swaps them,
 * a static image without scripts) and as a PNG painted with Java2D.
 */
@Timeout(300)
class GraphHtmlTest {
  static Tfe tfe;
  static PrivateModel model;

  @BeforeAll
  static void predict() {
    Sequential m = Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));
    m.initialize(1);
    tfe = Tfe.local();
    Party client = tfe.party("client");
    model = tfe.privateModel(m, tfe.party("owner"));
    model.predict(client, TestData.uniform(new Random(1), 1, 12, 784), 4);
  }

  @AfterAll
  static void close() {
    tfe.close();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> views(String html) {
    Matcher m = Pattern.compile("<script type=\"application/json\" class=\"tfe-graph-views\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(m.find(), "the views' JSON");
    return (Map<String, Object>) Json.parse(m.group(1));
  }

  @Test
  void htmlHoldsTheClosedDrawingAndOneOpenedDrawingPerLayer() throws Exception {
    GraphView view = model.graph();
    String html = view.toHtml();
    Map<String, Object> views = views(html);
    assertEquals(view.toSvg().replaceAll("tfe-graph-[0-9a-f-]+", ""), ((String) views.get("")).replaceAll("tfe-graph-[0-9a-f-]+", ""));
    for (String layer : model.layerNames()) {
      String opened = (String) views.get(layer);
      assertTrue(opened != null, "an opened drawing for " + layer + " in " + views.keySet());
      Document doc = GraphSvgTest.parse(opened);
      List<String> titles = GraphLevelsTest.boxTitles(doc);
      assertTrue(titles.stream().anyMatch(t -> t.matches("model\\d+/" + layer + "/.*")), layer + ": " + titles);
      // the boxes inside the opened layer close it; the other layers' boxes open them
      assertTrue(opened.contains("data-collapse=\"1\""), layer);
    }
    String closed = (String) views.get("");
    for (String layer : model.layerNames()) {
      assertTrue(closed.contains("data-expand=\"" + layer + "\""), "a click on " + layer + " opens it");
    }
    assertFalse(closed.contains("data-collapse=\""), "nothing to close in the closed drawing");
    // the script swaps the drawings; nothing in the JSON ends the script element early
    assertTrue(html.contains("addEventListener('click'") && html.contains("addEventListener('mouseover'"), html);
    assertEquals(2, html.split("</script>", -1).length - 1, "two script elements");
  }

  @Test
  void withoutScriptsTheHtmlShowsTheDrawingAsAnImage() throws Exception {
    GraphView view = model.graph();
    Matcher m = Pattern.compile("<img style=\"max-width:100%\" alt=\"[^\"]*\" src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"/>").matcher(view.toHtml());
    assertTrue(m.find(), "a static image");
    String svg = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
    assertEquals(GraphLevelsTest.boxTitles(GraphSvgTest.parse(view.toSvg())), GraphLevelsTest.boxTitles(GraphSvgTest.parse(svg)));
  }

  @Test
  void pngIsTheDrawingAtTwicePixelsWithPartyColours() throws Exception {
    GraphView view = model.graph();
    double width = GraphLevelsTest.attr(GraphSvgTest.parse(view.toSvg()), "width");
    double height = GraphLevelsTest.attr(GraphSvgTest.parse(view.toSvg()), "height");
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(view.toPng()));
    assertEquals(Math.ceil(2 * width), png.getWidth(), 1);
    assertEquals(Math.ceil(2 * height), png.getHeight(), 1);
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/render"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/render/mnist-mlp-layers.png"), view.toPng());
    // every party's colour is painted (the legend and the boxes), and most of the image is background
    for (String party : List.of("server0", "server1", "server2", "client", "owner")) {
      int rgb = java.awt.Color.decode(GraphSvg.partyColour(party)).getRGB() & 0xffffff;
      assertTrue(count(png, rgb) > 100, party + "'s colour " + Integer.toHexString(rgb));
    }
    assertTrue(count(png, 0xffffff) > png.getWidth() * png.getHeight() / 4, "white background");
  }

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
    }
    return n;
  }
}
