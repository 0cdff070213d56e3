package dev.tfe.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tfe.progress.ProgressState;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** A task's states become one display with an id, then updates of that display; a new task gets a new display. */
class NotebookProgressTest {

    @AfterEach
    void uninstall() {
        DisplaySink.install(null);
    }

    private static ProgressState state(long id, long done, boolean finished, List<double[]> losses) {
        return new ProgressState(id, "private training (securenn)", "steps", done, 4, 1_000_000_000L * done, losses, "epoch",
                finished);
    }

    @Test
    void publishesOnceThenUpdatesInPlace() {
        List<DisplayData> shown = new ArrayList<>();
        List<DisplayData> updated = new ArrayList<>();
        DisplaySink.install(new DisplaySink() {
            @Override
            public Renderer renderer() {
                return new Renderer();
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
        NotebookProgress p = new NotebookProgress();
        p.show(state(1, 0, false, List.of()));
        p.show(state(1, 2, false, List.of(new double[] {1, 0.25})));
        p.show(state(1, 4, true, List.of(new double[] {1, 0.25}, new double[] {2, 0.125})));
        p.show(state(2, 0, false, List.of()));
        assertEquals(2, shown.size(), "one display per task");
        assertEquals(2, updated.size());
        String id = shown.get(0).getDisplayId();
        assertNotNull(id);
        assertEquals(id, updated.get(0).getDisplayId());
        assertEquals(id, updated.get(1).getDisplayId());
        assertTrue(!id.equals(shown.get(1).getDisplayId()), "a new task, a new display");
        String html = (String) updated.get(1).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<svg") && html.contains("done"), html);
        assertTrue(((String) updated.get(0).getData(MIMEType.TEXT_PLAIN)).contains("2/4 steps"));
    }
}
