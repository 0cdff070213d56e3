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
 * a {@link Graph}, {@link GraphView} or {@link PrivateModel} as SVG; a {@link Profile} as HTML
 * tables with an embedded chart, or as a PNG chart; what each party saw ({@link PartyViews}) as
 * one HTML table per party; a {@link Prediction} as an HTML summary; a
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

    @Override
    public void registerInto(Renderer renderer) {
        renderer.createRegistration(GraphView.class).preferring(MIMEType.IMAGE_SVG).supporting(MIMEType.TEXT_PLAIN)
                .register((v, ctx) -> graph(v, ctx));
        renderer.createRegistration(Graph.class).preferring(MIMEType.IMAGE_SVG).supporting(MIMEType.TEXT_PLAIN)
                .register((g, ctx) -> graph(GraphView.of(g), ctx));
        renderer.createRegistration(PrivateModel.class).preferring(MIMEType.IMAGE_SVG).supporting(MIMEType.TEXT_PLAIN)
                .register((m, ctx) -> {
                    if (ctx.wantsDataRenderedAs(MIMEType.IMAGE_SVG)) {
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
        String svg;
        try {
            svg = !ctx.wantsDataRenderedAs(MIMEType.IMAGE_SVG) ? null
                    : ctx.getParameterAsString("detail", "").isEmpty()
                            ? GraphSvg.render(view, ctx.getParameterAsInt("maxBoxes", GraphSvg.Options.DEFAULT.maxBoxes()))
                            : GraphSvg.render(view, options(ctx));
        } catch (IllegalArgumentException tooBig) {
            ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> view + " (not drawn: " + tooBig.getMessage() + ")");
            return;
        }
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, view::toString);
        if (svg != null) {
            ctx.renderIfRequested(MIMEType.IMAGE_SVG, () -> svg);
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
