package dev.tfe.kernel.display;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.tfe.progress.ProgressReporter;
import dev.tfe.progress.ProgressState;
import dev.tfe.render.ProgressHtml;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * Shows the progress of long work in the running cell, updated in place: the first state of a
 * task is published as {@code display_data} with a display id (HTML: a bar with elapsed and
 * remaining time and, for training, the live loss curve; {@code text/plain}: the same as one
 * line), later states replace it with {@code update_display_data} under that id. The kernel
 * installs it with {@code Progress.install}; the core's default prints lines instead.
 */
public final class NotebookProgress implements ProgressReporter {
    private final Map<Long, String> displayIds = new ConcurrentHashMap<>();

    @Override
    public void show(ProgressState state) {
        DisplaySink sink = DisplaySink.current();
        DisplayData data = new DisplayData(state.line());
        data.putHTML(ProgressHtml.of(state));
        String id = displayIds.get(state.id());
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
            sink.publish(data);
            if (!state.finished()) {
                displayIds.put(state.id(), id);
            }
        } else {
            data.setDisplayId(id);
            sink.update(data);
            if (state.finished()) {
                displayIds.remove(state.id());
            }
        }
    }

    @Override
    public Duration delay() {
        return Duration.ofMillis(500);
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(250);
    }
}
