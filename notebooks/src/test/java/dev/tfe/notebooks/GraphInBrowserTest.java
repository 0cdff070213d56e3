package dev.tfe.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MNIST model's graph in an exported notebook, as a browser shows it: a notebook predicts
 * with the tutorial's 784-128-128-10 network and shows {@code secure.graph()}; its
 * {@code nbconvert --to html} export, opened in headless Chromium, draws the graph (box per layer,
 * parties' colours). Skipped, saying why, without Chromium or Debian's Jupyter; CI installs both.
 */
@Tag("jupyter")
class GraphInBrowserTest {
    @TempDir
    static Path tmp;
    private static InstalledKernel kernel;

    @BeforeAll
    static void installKernel() throws Exception {
        String missing = HeadlessChromium.missing();
        Assumptions.assumeTrue(missing == null, "the graph's rendering in a browser is not checked: " + missing);
        kernel = InstalledKernel.installOrSkip(tmp.resolve("prefix"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void exportedMnistGraphIsDrawnInChromium() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("browser"));
        Path source = work.resolve("mnist-graph.ipynb");
        Files.writeString(source, InstalledKernel.notebookJson(kernel.name(), List.of(
                "var tfe = Tfe.local();\n"
                        + "var model = Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));\n"
                        + "model.initialize(1);\n"
                        + "var secure = tfe.privateModel(model, tfe.party(\"model-owner\"));\n"
                        + "secure.predict(tfe.party(\"prediction-client\"), Mnist.load().test().features(0, 16));\n"
                        + "System.out.println(secure.layerNames());",
                "secure.graph()",
                "secure.graph().expand(\"dense_1\")",
                "tfe.close();")));
        Path executed = work.resolve("mnist-graph.out.ipynb");
        NotebookOutputs out = kernel.execute(source, executed, work, 300, 8);
        assertEquals(List.of(), out.redOutputs(), out.text());
        GraphInBrowser.assertDrawn(executed, 2, List.of("weights", "input", "dense_1", "relu_2", "dense_3", "relu_4",
                "dense_5", "logits"));
    }
}
