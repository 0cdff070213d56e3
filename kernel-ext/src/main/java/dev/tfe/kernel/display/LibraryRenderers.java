package dev.tfe.kernel.display;

import java.util.Base64;
import java.util.Locale;

import dev.tfe.graph.Graph;
import dev.tfe.model.secure.Prediction;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.profile.PartyViews;
import dev.tfe.profile.Profile;
import dev.tfe.protocol.Tensor;
import dev.tfe.render.GraphSvg;
import dev.tfe.render.GraphView;
import dev.tfe.render.PartyViewsHtml;
import dev.tfe.render.ProfileReport;
import dev.tfe.render.TableHtml;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;

/**
 * The library's types in a notebook, drawn by the core's display-neutral {@code dev.tfe.render}:
 * a {@link Graph}, {@link GraphView} or {@link PrivateModel} as HTML (interactive in a trusted
 * notebook), SVG and PNG; a {@link Profile} as HTML tables with embedded charts (op kinds, and the
 * parties' timeline), or as a PNG chart; what each party saw ({@link PartyViews}) as one HTML
 * table per party; a {@link Prediction} as an HTML summary; a
 * Tablesaw {@link Table} as HTML; a {@link Tensor} as text (shape, kind, holders, never a value).
 * Every type also has a {@code text/plain} summary.
 *
 * <p>A graph is drawn at its view's levels by default: one box per layer (or per secure op outside
 * layers), fitted to the notebook's width, opened with {@code graph().expand("dense_1")}. Render
 * parameters for graphs: {@code detail} ({@code "ops"} for one box per op and party everywhere, or
 * {@code "nodes"} to draw every node) and {@code maxBoxes} (2000 by default; a graph with more
 * boxes shows as text that says so).
 */
public final class LibraryRenderers implements RendererRegistrar {

    /**
     * A graph's bundle: HTML (interactive where the notebook runs scripts: a click opens or closes
     * a layer, hovering shows a box's figures; else the drawing as an image), the static SVG, and
     * a PNG for notebooks that show neither (an untrusted notebook shows only PNG and sanitized HTML).
     */
    private static final MIMEType[] GRAPH_MIMES = {MIMEType.TEXT_HTML, MIMEType.IMAGE_SVG, MIMEType.IMAGE_PNG};

    @Override
    public void registerInto(Renderer renderer) {
        renderer.createRegistration(GraphView.class).preferring(GRAPH_MIMES).supporting(MIMEType.TEXT_PLAIN)
                .register((v, ctx) -> graph(v, ctx));
        renderer.createRegistration(Graph.class).preferring(GRAPH_MIMES).supporting(MIMEType.TEXT_PLAIN)
                .register((g, ctx) -> graph(GraphView.of(g), ctx));
        renderer.createRegistration(PrivateModel.class).preferring(GRAPH_MIMES).supporting(MIMEType.TEXT_PLAIN)
                .register((m, ctx) -> {
                    if (ctx.wantsDataRenderedAs(MIMEType.IMAGE_SVG) || ctx.wantsDataRenderedAs(MIMEType.TEXT_HTML)
                            || ctx.wantsDataRenderedAs(MIMEType.IMAGE_PNG)) {
                        graph(m.graph(), ctx);
                    }
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, m::toString);
                });
        renderer.createRegistration(Profile.class).preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((p, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, p::toString);
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> ProfileReport.htmlWithChart(p));
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG,
                            () -> Base64.getEncoder().encodeToString(ProfileReport.png(p)));
                });
        renderer.createRegistration(PartyViews.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((v, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, v::toString);
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> PartyViewsHtml.of(v));
                });
        renderer.createRegistration(Prediction.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((p, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, p::toString);
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> predictionHtml(p));
                });
        renderer.createRegistration(Tensor.class).preferring(MIMEType.TEXT_PLAIN)
                .register((t, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, t::toString));
        renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((t, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, t::toString);
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.of(t));
                });
    }

    /** A view as SVG, or, when it is too big to draw, as text that says so. */
    private static void graph(GraphView view, RenderContext ctx) {
        boolean levels = ctx.getParameterAsString("detail", "").isEmpty();
        String svg;
        try {
            svg = !ctx.wantsDataRenderedAs(MIMEType.IMAGE_SVG) && !(ctx.wantsDataRenderedAs(MIMEType.TEXT_HTML) && !levels) ? null
                    : levels ? GraphSvg.render(view, ctx.getParameterAsInt("maxBoxes", GraphSvg.Options.DEFAULT.maxBoxes()))
                            : GraphSvg.render(view, options(ctx));
        } catch (IllegalArgumentException tooBig) {
            ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> view + " (not drawn: " + tooBig.getMessage() + ")");
            return;
        }
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, view::toString);
        if (svg != null) {
            ctx.renderIfRequested(MIMEType.IMAGE_SVG, () -> svg);
        }
        if (levels) {
            // the drawing at its levels: interactive HTML and a PNG
            ctx.renderIfRequested(MIMEType.TEXT_HTML, view::toHtml);
            ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(view.toPng()));
        } else if (svg != null) {
            // a detailed drawing (every op and party, or every node) is shown as its SVG, static
            ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> svg);
        }
    }

    private static GraphSvg.Options options(RenderContext ctx) {
        String detail = ctx.getParameterAsString("detail", "ops");
        GraphSvg.Options d = GraphSvg.Options.DEFAULT;
        int maxBoxes = ctx.getParameterAsInt("maxBoxes", d.maxBoxes());
        return new GraphSvg.Options("nodes".equalsIgnoreCase(detail) ? GraphSvg.Detail.NODES : GraphSvg.Detail.OPS,
                d.opDepth(), d.layerDepth(), maxBoxes);
    }

    /**
     * A prediction's summary: examples, protocol, time, bytes and rounds, and the agreement with
     * the plaintext model if {@code compareWithPlaintext()} has computed it (it is not computed
     * here: it runs the model again).
     */
    static String predictionHtml(Prediction p) {
        Profile profile = p.profile();
        return String.format(Locale.ROOT, "<table><caption>private prediction</caption><tbody>"
                + "<tr><th>examples</th><td>%d</td></tr><tr><th>protocol</th><td>%s</td></tr>"
                + "<tr><th>time</th><td>%.1f ms</td></tr><tr><th>bytes sent</th><td>%s</td></tr>"
                + "<tr><th>rounds per batch</th><td>%d</td></tr><tr><th>agreement with plaintext</th><td>%s</td></tr>"
                + "</tbody></table>",
                p.classes().length, p.protocol(), p.millis(), Profile.bytes(profile.totalBytesSent()), profile.rounds(),
                p.agreementIfComputed().map(Object::toString).orElse("not computed (call compareWithPlaintext())"));
    }
}
