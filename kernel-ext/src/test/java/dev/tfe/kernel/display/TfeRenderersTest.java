package dev.tfe.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

class TfeRenderersTest {

    /** A stand-in for a library type that draws itself as SVG. */
    record Drawing(String svg) {
    }

    @AfterEach
    void uninstall() {
        DisplaySink.install(null);
    }

    @Test
    void arraysReadWell() {
        assertEquals("int[3] {1, 2, 3}", TfeRenderers.arrayText(new int[] {1, 2, 3}));
        assertEquals("String[2] {\"a\", null}", TfeRenderers.arrayText(new String[] {"a", null}));
        assertEquals("long[2][] {{1}, {}}", TfeRenderers.arrayText(new long[][] {{1}, {}}));
        assertTrue(TfeRenderers.arrayText(new byte[150]).endsWith(", ... 50 more}"));
        DisplayData data = TfeRenderers.render(new Renderer(), new double[] {0.5});
        assertEquals("double[1] {0.5}", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void addedRegistrarsReachRenderersRegisteredBefore() {
        Renderer renderer = new Renderer();
        TfeRenderers.register(renderer);
        TfeRenderers.add(r -> r.createRegistration(Drawing.class).preferring(MIMEType.IMAGE_SVG)
                .register((d, ctx) -> ctx.renderIfRequested(MIMEType.IMAGE_SVG, d::svg)));
        DisplayData data = TfeRenderers.render(renderer, new Drawing("<svg/>"));
        assertEquals("<svg/>", data.getData(MIMEType.IMAGE_SVG));
        assertTrue(data.hasDataForType(MIMEType.TEXT_PLAIN));
    }

    @Test
    void displaySendsRenderedDataToTheInstalledSink() {
        Renderer renderer = new Renderer();
        List<DisplayData> shown = new ArrayList<>();
        List<DisplayData> updated = new ArrayList<>();
        DisplaySink.install(new DisplaySink() {
            @Override
            public Renderer renderer() {
                return renderer;
            }

            @Override
            public void publish(DisplayData data) {
                shown.add(data);
            }

            @Override
            public void update(DisplayData data) {
                updated.add(data);
            }
        });
        io.github.spencerpark.jupyter.kernel.display.common.Text.registerAll(renderer);
        Display.display("<b>hi</b>", "text/html");
        String id = Display.displayUpdatable(1);
        Display.updateDisplay(id, 2);
        Display.display(null);
        assertEquals("<b>hi</b>", shown.get(0).getData(MIMEType.TEXT_HTML));
        assertEquals(id, shown.get(1).getDisplayId());
        assertEquals("2", updated.get(0).getData(MIMEType.TEXT_PLAIN));
        assertEquals("null", shown.get(2).getData(MIMEType.TEXT_PLAIN));
    }
}
