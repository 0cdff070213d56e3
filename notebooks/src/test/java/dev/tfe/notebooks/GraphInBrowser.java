package dev.tfe.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Asserts that an executed notebook's HTML export really draws its graphs in a browser
 * ({@link HeadlessChromium}): each graph's script ran and put the drawing inline (an {@code <svg>}
 * whose texts name the layers' boxes), and the screenshot shows the parties' colours.
 */
final class GraphInBrowser {
    /** server0's box colour in the drawings (dev.tfe.render.GraphSvg's palette). */
    private static final int SERVER0 = 0x8fb3d9;

    private GraphInBrowser() {
    }

    /**
     * Exports {@code notebook}, opens it headless and checks that at least {@code graphs} graphs
     * are drawn, one of them with a box per layer in {@code layers}.
     */
    static void assertDrawn(Path notebook, int graphs, List<String> layers) throws Exception {
        Path html = HeadlessChromium.exportHtml(notebook);
        String dom = HeadlessChromium.dumpDom(html);
        Matcher view = Pattern.compile("<div class=\"tfe-graph-view\" data-open=\"\">(<svg.*?</svg>)", Pattern.DOTALL).matcher(dom);
        List<String> drawn = new java.util.ArrayList<>();
        while (view.find()) {
            drawn.add(view.group(1));
        }
        assertTrue(drawn.size() >= graphs, "expected " + graphs + " graphs drawn inline by their script, found "
                + drawn.size() + " in the DOM of " + html + ":\n" + excerpt(dom));
        // one of them (a model's graph after its prediction) has a box per layer
        assertTrue(drawn.stream().anyMatch(svg -> layers.stream().allMatch(layer -> Pattern.compile(
                "<text[^>]*class=\"label\"[^>]*>" + Pattern.quote(layer) + "( \u00d7\\d+)?</text>").matcher(svg).find())),
                "no drawn graph has a box for each of " + layers + ":\n" + String.join("\n", drawn));
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(HeadlessChromium.screenshot(html, 1280, 16000)));
        int shaded = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                shaded += near(shot.getRGB(x, y), SERVER0) ? 1 : 0;
            }
        }
        assertTrue(shaded > 2000, "the screenshot of " + html + " shows " + shaded + " pixels of server0's colour");
    }

    private static boolean near(int rgb, int want) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((want >> shift) & 0xff)) > 4) {
                return false;
            }
        }
        return true;
    }

    private static String excerpt(String dom) {
        int at = dom.indexOf("tfe-graph");
        return at < 0 ? "(no tfe-graph element)" : dom.substring(Math.max(0, at - 200), Math.min(dom.length(), at + 1500));
    }
}
