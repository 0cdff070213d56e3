package dev.tfe.render;

import dev.tfe.graph.ValueKind;
import dev.tfe.profile.PartyViews;
import dev.tfe.profile.Profile;
import java.util.List;

/**
 * {@link PartyViews} as HTML: one small table per party, side by side where the notebook is wide
 * enough, with a row per kind of value (what it is, from whom, how many values and messages,
 * bytes). Values meant for the party (its own input, its output) are set in bold; kinds no
 * protocol declared are flagged in red.
 */
public final class PartyViewsHtml {
  private PartyViewsHtml() {}

  /** The views as an HTML fragment. */
  public static String of(PartyViews views) {
    StringBuilder sb = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start\">");
    for (String party : views.parties()) {
      List<PartyViews.Row> rows = views.of(party);
      sb.append("<table><caption style=\"text-align:left\"><b>").append(Svg.escape(party)).append("</b> saw")
          .append(rows.isEmpty() ? " nothing" : "").append("</caption>");
      if (!rows.isEmpty()) {
        sb.append("<thead><tr><th>kind</th><th>from</th><th>values</th><th>messages</th><th>bytes</th></tr></thead><tbody>");
        for (PartyViews.Row r : rows) {
          String style = r.kind() == ValueKind.INPUT || r.kind() == ValueKind.OUTPUT ? " style=\"font-weight:bold\""
              : r.kind() == ValueKind.UNDECLARED ? " style=\"color:#d62728\"" : "";
          sb.append("<tr").append(style).append("><td>").append(Svg.escape(r.kind().label())).append("</td><td>")
              .append(Svg.escape(String.join(", ", r.from()))).append("</td><td>").append(r.values()).append("</td><td>")
              .append(r.messages()).append("</td><td>").append(Profile.bytes(r.bytes())).append("</td></tr>");
        }
        sb.append("</tbody>");
      }
      sb.append("</table>");
    }
    return sb.append("</div>").toString();
  }
}
