package dev.tfe.render;

import dev.tfe.progress.ProgressState;

/**
 * A {@link ProgressState} as HTML for a notebook cell: a bar with the count, the elapsed and the
 * estimated remaining time, and, when the task reported losses, its {@link LossCurveSvg loss curve}.
 * A kernel shows it once and replaces it as the task advances.
 */
public final class ProgressHtml {
  private ProgressHtml() {}

  /** The state as an HTML fragment. */
  public static String of(ProgressState s) {
    long percent = Math.round(100 * s.fraction());
    StringBuilder sb = new StringBuilder("<div class=\"tfe-progress\" style=\"font-family:sans-serif;font-size:12px\">");
    sb.append("<div><b>").append(Svg.escape(s.title())).append("</b>: ").append(s.done()).append('/').append(s.total())
        .append(' ').append(Svg.escape(s.unit())).append(", ").append(ProgressState.seconds(s.elapsedNanos())).append(" elapsed");
    long left = s.remainingNanos();
    if (s.finished()) {
      sb.append(", done");
    } else if (left >= 0) {
      sb.append(", about ").append(ProgressState.seconds(left)).append(" left");
    }
    sb.append("</div>");
    sb.append("<div style=\"width:400px;height:12px;border:1px solid #999;background:#eee\"><div style=\"width:")
        .append(percent).append("%;height:100%;background:").append(s.finished() ? "#2ca02c" : "#1f77b4").append("\"></div></div>");
    if (!s.losses().isEmpty()) {
      sb.append(LossCurveSvg.of(s.losses(), s.lossAxis()));
    }
    return sb.append("</div>").toString();
  }
}
