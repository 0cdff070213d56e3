package dev.tfe.render;

import dev.tfe.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A graph view as HTML for a notebook, interactive where the notebook runs its scripts: the
 * drawing at the view's levels and, for each closed layer, the drawing with that layer opened
 * ({@link GraphView#expand}), held as JSON; a small script shows one inline, opens a layer when
 * its box is clicked and closes it when a box inside is clicked, and writes the figures (time,
 * bytes, rounds) of the box under the pointer below the drawing. Without scripts (an untrusted
 * notebook, whose HTML is sanitized) the same HTML shows the default drawing as an image
 * ({@code data:image/svg+xml}), which also renders in an exported HTML page.
 */
public final class GraphHtml {
  /** The most layers given an opened drawing of their own (more are drawn closed only). */
  public static final int MAX_OPENED_VIEWS = 40;

  private GraphHtml() {}

  /** The HTML of {@code view}: a static image, replaced by the interactive drawing where scripts run. */
  public static String of(GraphView view) {
    String id = "tfe-graph-" + UUID.randomUUID();
    String closed = GraphSvg.render(view);
    Map<String, String> views = new LinkedHashMap<>();
    views.put("", closed);
    for (String layer : view.layerNames()) {
      if (views.size() > MAX_OPENED_VIEWS) {
        break;
      }
      if (view.levelOf(layer) == GraphView.Level.LAYERS) {
        views.put(layer, GraphSvg.render(view.expand(layer)));
      }
    }
    StringBuilder json = new StringBuilder("{");
    views.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(Json.quote(k)).append(':').append(Json.quote(v)));
    json.append('}');
    String image = Base64.getEncoder().encodeToString(closed.getBytes(StandardCharsets.UTF_8));
    return "<div class=\"tfe-graph\" id=\"" + id + "\">"
        + "<div class=\"tfe-graph-view\"><img style=\"max-width:100%\" alt=\"" + Svg.escape(view.toString())
        + "\" src=\"data:image/svg+xml;base64,"
        + image + "\"/></div><div class=\"tfe-graph-info\" style=\"font:12px sans-serif;min-height:1.4em\"></div>"
        // "</" would end the script element early: JSON allows "<\/" for it
        + "<script type=\"application/json\" class=\"tfe-graph-views\">" + json.toString().replace("</", "<\\/") + "</script>"
        + "<script type=\"text/javascript\">" + SCRIPT.replace("ROOT_ID", id) + "</script></div>";
  }

  private static final String SCRIPT = "(function(){"
      + "var root=document.getElementById('ROOT_ID');if(!root){return;}"
      + "var views=JSON.parse(root.querySelector('.tfe-graph-views').textContent);"
      + "var view=root.querySelector('.tfe-graph-view'),info=root.querySelector('.tfe-graph-info');"
      + "var hint='Click a layer to open it, a box inside an opened layer to close it; hover a box for its figures.';"
      + "function show(k){view.innerHTML=views[k];view.setAttribute('data-open',k);info.textContent=hint;"
      // narrower than the drawing, the output area scales it down (its viewBox keeps it whole)
      + "var s=view.querySelector('svg');if(s){s.style.maxWidth='100%';s.style.height='auto';}}"
      + "root.addEventListener('click',function(e){var t=e.target.closest('[data-expand],[data-collapse]');if(!t){return;}"
      + "var k=t.getAttribute('data-expand');show(k!==null&&views[k]!==undefined?k:'');});"
      + "root.addEventListener('mouseover',function(e){var t=e.target.closest('g.node');"
      + "info.textContent=t?t.querySelector('title').textContent:hint;});"
      + "show('');})();";
}
