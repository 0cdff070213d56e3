/**
 * Display-neutral drawings and reports of the library's objects: a graph as SVG laid out by
 * Eclipse ELK ({@link dev.tfe.render.GraphSvg}) at the levels of a
 * {@link dev.tfe.render.GraphView} (layers, op calls, ops per party), as interactive HTML
 * ({@link dev.tfe.render.GraphHtml}: a click opens a layer) and as PNG (painted with Java2D by the
 * same {@code GraphPainter}), a profile as a pivot of op
 * kinds by party with compute and waiting apart ({@link dev.tfe.render.ProfilePivot}), a
 * Tablesaw table and a JFreeChart chart ({@link dev.tfe.render.ProfileReport}), a per-party timeline of
 * compute, send and wait ({@link dev.tfe.render.TimelineChart}), and a profile as Chrome
 * trace-event JSON for Perfetto, with an arrow per message ({@link dev.tfe.render.ChromeTrace}).
 *
 * <p>Nothing here depends on Jupyter: the notebook kernel's renderers (module kernel-ext) call
 * these classes and wrap their strings and bytes as display data.
 */
package dev.tfe.render;
