package dev.tfe.progress;

import java.util.List;
import java.util.Locale;

/**
 * A snapshot of one task's progress: how much of it is done, how long it has run, an estimate of
 * the time left (elapsed time per unit done, times the units left), and the loss points reported
 * so far (for a loss curve).
 *
 * @param id the task's number, unique in this JVM (a reporter updates one display per task)
 * @param title what runs, e.g. {@code private prediction (securenn)}
 * @param unit what is counted, e.g. {@code batches}
 * @param done units done
 * @param total units in all
 * @param elapsedNanos time since the task started
 * @param losses the loss points, each {@code {x, loss}} (x: an epoch or a step)
 * @param lossAxis the name of the loss points' x axis, e.g. {@code epoch}
 * @param finished whether the task has ended
 */
public record ProgressState(long id, String title, String unit, long done, long total, long elapsedNanos,
    List<double[]> losses, String lossAxis, boolean finished) {

  public ProgressState {
    losses = List.copyOf(losses);
  }

  /** The fraction done, in [0, 1]. */
  public double fraction() {
    return total <= 0 ? 1 : Math.min(1, (double) done / total);
  }

  /** The estimated time left, or -1 before the first unit is done. */
  public long remainingNanos() {
    if (finished || done >= total) {
      return 0;
    }
    return done <= 0 ? -1 : (long) ((double) elapsedNanos / done * (total - done));
  }

  /** The last loss point's loss, or NaN. */
  public double lastLoss() {
    return losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1)[1];
  }

  /** One line, e.g. {@code private prediction: 3/10 batches [######--------------] 30%, 1.2 s elapsed, about 2.8 s left}. */
  public String line() {
    int width = 20;
    int filled = (int) Math.round(fraction() * width);
    StringBuilder sb = new StringBuilder(title).append(": ").append(done).append('/').append(total).append(' ').append(unit)
        .append(" [").append("#".repeat(filled)).append("-".repeat(width - filled)).append("] ")
        .append(Math.round(100 * fraction())).append("%, ").append(seconds(elapsedNanos)).append(" elapsed");
    long left = remainingNanos();
    if (finished) {
      sb.append(", done");
    } else if (left >= 0) {
      sb.append(", about ").append(seconds(left)).append(" left");
    }
    if (!losses.isEmpty()) {
      double[] last = losses.get(losses.size() - 1);
      sb.append(String.format(Locale.ROOT, ", loss %.5f (%s %s)", last[1], lossAxis, axisText(last[0])));
    }
    return sb.toString();
  }

  /** A duration for people: {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}. */
  public static String seconds(long nanos) {
    if (nanos < 1_000_000_000L) {
      return nanos / 1_000_000 + " ms";
    }
    double s = nanos / 1e9;
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", s);
    }
    long whole = Math.round(s);
    return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
  }

  private static String axisText(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.2f", x);
  }
}
