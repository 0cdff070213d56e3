package dev.tfe.kernel.display;

import java.util.concurrent.atomic.AtomicReference;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * Where {@link Display} sends what cells display: the running kernel, or, outside a kernel,
 * standard output. The kernel {@link #install installs} itself at start.
 */
public interface DisplaySink {

    /**
     * The renderer that turns values into display data.
     *
     * @return the renderer
     */
    Renderer renderer();

    /**
     * Shows display data below the running cell.
     *
     * @param data the data, with a display id if it may be updated
     */
    void publish(DisplayData data);

    /**
     * Replaces data shown earlier under the same display id.
     *
     * @param data the new data, with the display id to update
     */
    void update(DisplayData data);

    /**
     * Makes a sink the one cells display to.
     *
     * @param sink the sink, or null to print to standard output again
     */
    static void install(DisplaySink sink) {
        Holder.CURRENT.set(sink);
    }

    /**
     * The sink cells display to: the installed one, or one that prints text to standard output.
     *
     * @return the sink
     */
    static DisplaySink current() {
        DisplaySink sink = Holder.CURRENT.get();
        return sink != null ? sink : Holder.STDOUT;
    }

    /** Holds the installed sink. */
    final class Holder {
        private static final AtomicReference<DisplaySink> CURRENT = new AtomicReference<>();
        private static final DisplaySink STDOUT = new StdoutSink();

        private Holder() {
        }
    }

    /** Prints the plain-text form of what is displayed; the sink used outside a kernel. */
    final class StdoutSink implements DisplaySink {
        private final Renderer renderer = new Renderer();

        /** Creates the sink, with the library's renderers. */
        public StdoutSink() {
            TfeRenderers.register(renderer);
        }

        @Override
        public Renderer renderer() {
            return renderer;
        }

        @Override
        public void publish(DisplayData data) {
            System.out.println(data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        }

        @Override
        public void update(DisplayData data) {
            publish(data);
        }
    }
}
