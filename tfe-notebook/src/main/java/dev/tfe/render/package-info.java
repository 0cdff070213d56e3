/**
 * Display-neutral drawings and reports of the library's objects: a graph as SVG laid out by
 * Eclipse ELK ({@link dev.tfe.render.GraphSvg}), a profile as an HTML table, a Tablesaw table
 * and a JFreeChart chart ({@link dev.tfe.render.ProfileReport}), and a profile as Chrome
 * trace-event JSON for Perfetto ({@link dev.tfe.render.ChromeTrace}).
 *
 * <p>Nothing here depends on Jupyter: the notebook kernel's renderers (module kernel-ext) call
 * these classes and wrap their strings and bytes as display data.
 */
package dev.tfe.render;
