package dev.tfe.kernel.display;

import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.relu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.model.Sequential;
import dev.tfe.model.secure.Prediction;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.protocol.Tensor;
import dev.tfe.render.ProfileReport;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** The built-in registrar renders each library type to its MIME types. */
@Timeout(120)
class LibraryRenderersTest {
    static Tfe tfe;
    static PrivateModel model;
    static Prediction prediction;
    static Renderer renderer;

    @BeforeAll
    static void predict() {
        Sequential m = Sequential.of(dense(6, 5), relu(), dense(5, 2));
        m.initialize(5);
        tfe = Tfe.local();
        Party owner = tfe.party("owner");
        Party client = tfe.party("client");
        model = tfe.privateModel(m, owner);
        Nd4j.getRandom().setSeed(1);
        prediction = model.predict(client, Nd4j.rand(DataType.DOUBLE, 3, 6));
        renderer = new Renderer();
        TfeRenderers.register(renderer);
    }

    @AfterAll
    static void close() {
        tfe.close();
    }

    @Test
    void graphsAreSvg() {
        String layers = (String) TfeRenderers.render(renderer, model.graph()).getData(MIMEType.IMAGE_SVG);
        assertTrue(layers.contains("class=\"node\"") && !layers.contains(" @client"), "one box per layer by default");
        for (Object g : new Object[] {tfe.graph(), model.graph(), model}) {
            DisplayData d = TfeRenderers.render(renderer, g);
            assertTrue(((String) d.getData(MIMEType.IMAGE_SVG)).startsWith("<svg"), g.getClass().getName());
            assertTrue(d.hasDataForType(MIMEType.TEXT_PLAIN));
            // interactive HTML where scripts run, a static image without, and a PNG for untrusted notebooks
            String html = (String) d.getData(MIMEType.TEXT_HTML);
            assertTrue(html.contains("class=\"tfe-graph\"") && html.contains("data:image/svg+xml;base64,"), html);
            byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.IMAGE_PNG));
            assertEquals((byte) 0x89, png[0]);
        }
        assertTrue(((String) TfeRenderers.render(renderer, model.graph()).getData(MIMEType.TEXT_HTML))
                .contains("\"" + model.layerNames().get(0) + "\":\"<svg"), "an opened drawing per layer, shown on a click");
        DisplayData nodes = renderer.render(model.graph(), Map.of("detail", "nodes"));
        assertTrue(((String) nodes.getData(MIMEType.IMAGE_SVG)).contains("<svg"));
        DisplayData tooBig = renderer.render(tfe.graph(), Map.of("maxBoxes", 1));
        assertFalse(tooBig.hasDataForType(MIMEType.IMAGE_SVG));
        assertTrue(((String) tooBig.getData(MIMEType.TEXT_PLAIN)).contains("not drawn"));
        assertEquals(model.toString(), TfeRenderers.render(renderer, model).getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void profileIsHtmlWithChartAndPng() {
        DisplayData d = TfeRenderers.render(renderer, prediction.profile());
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("data:image/png;base64,"));
        assertTrue(html.contains("class=\"tfe-pivot\"") && html.contains("critical path: "), "the pivot is the default view");
        DisplayData png = TfeRenderers.render(renderer, prediction.profile(), "image/png");
        byte[] bytes = Base64.getDecoder().decode((String) png.getData(MIMEType.IMAGE_PNG));
        assertEquals((byte) 0x89, bytes[0]);
    }

    @Test
    void whatEachPartySawIsOneHtmlTablePerParty() {
        DisplayData d = TfeRenderers.render(renderer, prediction.profile().seen());
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<b>client</b> saw") && html.contains("masked opening"), html);
        assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).startsWith("what each party saw"));
    }

    @Test
    void predictionIsAnHtmlSummary() {
        DisplayData d = TfeRenderers.render(renderer, prediction);
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<td>3</td>"), html);
        assertTrue(html.contains("rounds"), html);
        assertTrue(html.contains("not computed"), html);
        String ms = String.format(java.util.Locale.ROOT, "%.1f ms", prediction.millis());
        assertTrue(html.contains(ms), html);
        assertTrue(((String) TfeRenderers.render(renderer, prediction.profile()).getData(MIMEType.TEXT_HTML)).contains(ms + " wall"),
                "the prediction's summary and its profile quote one time");
        prediction.compareWithPlaintext();
        String after = (String) TfeRenderers.render(renderer, prediction).getData(MIMEType.TEXT_HTML);
        assertTrue(after.contains("3 of 3 agree"), after);
    }

    @Test
    void tensorIsTextOnly() {
        Tensor t = tfe.definePrivateInput(tfe.secureNn(), tfe.party("client"), "probe", new int[] {2, 3});
        DisplayData d = TfeRenderers.render(renderer, t);
        assertEquals(t.toString(), d.getData(MIMEType.TEXT_PLAIN));
        assertFalse(d.hasDataForType(MIMEType.TEXT_HTML));
        assertFalse(d.hasDataForType(MIMEType.IMAGE_SVG));
    }

    @Test
    void tablesawTablesAreHtml() {
        DisplayData d = TfeRenderers.render(renderer, ProfileReport.table(prediction.profile()));
        assertTrue(((String) d.getData(MIMEType.TEXT_HTML)).contains("<th>bytes_sent</th>"));
    }
}
