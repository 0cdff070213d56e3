package dev.tfe.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.api.Tfe;
import dev.tfe.model.Layers;
import dev.tfe.model.Sequential;
import dev.tfe.protocol.TestData;
import dev.tfe.render.ProgressHtml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Progress of long work: a task shows its first state, at most one per interval in between, every
 * loss point and its last; short work shows nothing; a private prediction over batches and
 * training over epochs report through the installed reporter.
 */
@Timeout(120)
class ProgressTaskTest {
  private final ProgressReporter previous = Progress.reporter();

  /** Records every state shown. */
  private static final class Recorder implements ProgressReporter {
    final List<ProgressState> shown = new CopyOnWriteArrayList<>();
    private final Duration delay;
    private final Duration interval;

    Recorder(Duration delay, Duration interval) {
      this.delay = delay;
      this.interval = interval;
    }

    @Override
    public void show(ProgressState state) {
      shown.add(state);
    }

    @Override
    public Duration delay() {
      return delay;
    }

    @Override
    public Duration interval() {
      return interval;
    }
  }

  @AfterEach
  void restore() {
    Progress.install(previous);
  }

  @Test
  void throttlesIntermediateStatesButShowsLossesAndTheEnd() {
    Recorder r = new Recorder(Duration.ZERO, Duration.ofHours(1));
    Progress.install(r);
    try (ProgressTask t = Progress.start("work", 10, "steps")) {
      for (int i = 0; i < 10; i++) {
        t.advance();
      }
      t.loss("epoch", 1, 0.5);
      t.loss("epoch", 2, Double.NaN);
    }
    assertEquals(3, r.shown.size(), "first state, the loss point and the end: " + r.shown);
    assertEquals(0, r.shown.get(0).done());
    assertEquals(-1, r.shown.get(0).remainingNanos(), "no estimate before the first unit");
    assertEquals(0.5, r.shown.get(1).lastLoss());
    ProgressState last = r.shown.get(2);
    assertTrue(last.finished());
    assertEquals(10, last.done());
    assertEquals(1, last.losses().size(), "NaN losses are not points");
    assertTrue(last.line().startsWith("work: 10/10 steps [####################] 100%"), last.line());
    assertTrue(ProgressHtml.of(last).contains("<svg"), "a loss curve");
  }

  @Test
  void estimatesTheTimeLeftFromTheTimePerUnit() {
    ProgressState s = new ProgressState(1, "t", "batches", 1, 4, 2_000_000_000L, List.of(), "epoch", false);
    assertEquals(6_000_000_000L, s.remainingNanos());
    assertTrue(s.line().contains("about 6.0 s left"), s.line());
    assertFalse(ProgressHtml.of(s).contains("<svg"), "no loss, no curve");
  }

  @Test
  void shortWorkShowsNothingAndLinesGoToTheirStream() {
    Recorder r = new Recorder(Duration.ofHours(1), Duration.ZERO);
    Progress.install(r);
    try (ProgressTask t = Progress.start("quick", 2, "batches")) {
      t.advance(2);
      t.loss("epoch", 1, 0.1);
    }
    assertEquals(List.of(), r.shown);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress.install(new LineReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO, Duration.ZERO));
    try (ProgressTask t = Progress.start("lines", 1, "batches")) {
      t.advance();
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("lines: 1/1 batches") && text.trim().endsWith("done"), text);
  }

  @Test
  void privatePredictionAdvancesOverItsBatchesAndTrainingShowsItsLossCurve() {
    Recorder r = new Recorder(Duration.ZERO, Duration.ZERO);
    Progress.install(r);
    Sequential model = Sequential.of(Layers.dense(6, 3)).initialize(1);
    try (Tfe tfe = Tfe.local()) {
      tfe.privateModel(model, tfe.party("owner"), tfe.pond()).predict(tfe.party("client"), TestData.uniform(new Random(1), 1, 10, 6), 4);
    }
    List<Long> done = r.shown.stream().filter(s -> s.title().startsWith("private prediction")).map(ProgressState::done).toList();
    assertEquals(List.of(0L, 1L, 2L, 3L, 3L), done, "three batches of 4, 4 and 2 rows, then the end");
    r.shown.clear();
    var data = dev.tfe.data.Dataset.regression(TestData.uniform(new Random(2), 1, 16, 6), TestData.uniform(new Random(3), 1, 16, 3));
    model.fit(data, dev.tfe.model.Fit.epochs(3).batchSize(8).sgd(0.01));
    ProgressState end = r.shown.get(r.shown.size() - 1);
    assertTrue(end.finished() && end.title().equals("training"), end.toString());
    assertEquals(3, end.losses().size(), "one loss point per epoch");
  }
}
