package dev.tfe.kernel.display;

import java.util.UUID;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * Functions that cells call to show things, statically imported into every notebook:
 * {@code display(graph)} shows a value as its richest representation right away, without waiting
 * for the end of the cell.
 */
public final class Display {

    private Display() {
    }

    /**
     * Shows a value below the running cell, as rendered by the kernel's renderers.
     *
     * @param value the value (null shows {@code null})
     */
    public static void display(Object value) {
        DisplaySink sink = DisplaySink.current();
        sink.publish(render(sink, value));
    }

    /**
     * Shows a value as the given MIME types (and {@code text/plain}).
     *
     * @param value     the value
     * @param mimeTypes for example {@code "image/svg+xml"} or {@code "text/html"}
     */
    public static void display(Object value, String... mimeTypes) {
        DisplaySink sink = DisplaySink.current();
        sink.publish(render(sink, value, mimeTypes));
    }

    /**
     * Shows a value and returns an id with which {@link #updateDisplay} can replace it later,
     * for example to redraw a training curve.
     *
     * @param value the value
     * @return the display id
     */
    public static String displayUpdatable(Object value) {
        DisplaySink sink = DisplaySink.current();
        DisplayData data = render(sink, value);
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        sink.publish(data);
        return id;
    }

    /**
     * Replaces what {@link #displayUpdatable} showed.
     *
     * @param displayId the id it returned
     * @param value     the new value
     */
    public static void updateDisplay(String displayId, Object value) {
        DisplaySink sink = DisplaySink.current();
        DisplayData data = render(sink, value);
        data.setDisplayId(displayId);
        sink.update(data);
    }

    private static DisplayData render(DisplaySink sink, Object value, String... mimeTypes) {
        return value == null ? new DisplayData("null") : TfeRenderers.render(sink.renderer(), value, mimeTypes);
    }
}
