package dev.tfe.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


/**
 * The user's path to the tutorials: installs the kernel with {@code ./tfe kernel install --prefix}
 * from the built tree, executes each tutorial notebook of this module headless through that
 * kernelspec (nbclient, as {@code jupyter nbconvert --execute}), and asserts on the outputs: no
 * error and nothing on stderr (nothing red), the accuracy lines, the images. Skipped when
 * Debian's Python cannot import nbclient; no kernel or party process outlives a test. Prints each
 * notebook's wall time; {@code -Dtfe.notebooks.out=DIR} keeps the executed notebooks in DIR.
 */
@Tag("jupyter")
class NotebooksTest {
    private static final int CELL_TIMEOUT_SECONDS = 600;
    private static final long RUN_TIMEOUT_MINUTES = 15;

    @TempDir
    static Path tmp;
    private static InstalledKernel kernel;

    @BeforeAll
    static void installKernel() throws Exception {
        kernel = InstalledKernel.installOrSkip(tmp.resolve("prefix"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInstalledKernelspecRunsOnThisJavaWithOneOpenMpThread() throws Exception {
        Map<String, Object> json = kernel.kernelJson();
        assertEquals(Map.of("OMP_NUM_THREADS", "1"), json.get("env"));
        List<String> argv = (List<String>) json.get("argv");
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0));
        String classpath = argv.get(argv.indexOf("-cp") + 1);
        assertFalse(classpath.contains("-tests.jar"), classpath);
        assertTrue(classpath.contains("/kernel-ext/target/kernel-ext-"), classpath);
    }

    @Test
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void privatePredictionMnist() throws Exception {
        NotebookOutputs out = execute("private-prediction-mnist");
        String text = out.text();
        assertTrue(text.contains("plaintext accuracy: "), text);
        List<Double> accuracy = out.percentagesAfter("private accuracy:");
        List<Double> processes = out.percentagesAfter("private accuracy (processes):");
        List<Double> agreement = out.percentagesAfter("agreement:");
        assertEquals(1, accuracy.size(), text);
        assertEquals(1, processes.size(), text);
        assertEquals(2, agreement.size(), "in-process and over processes:\n" + text);
        List<Double> imported = out.percentagesAfter("imported plaintext accuracy:");
        assertEquals(1, imported.size(), "the model imported from PyTorch:\n" + text);
        assertTrue(imported.get(0) > 85, "imported accuracy " + imported);
        assertTrue(text.contains("imported agreement: 200 of 200 agree"), "the imported model, privately:\n" + text);
        assertTrue(accuracy.get(0) > 85, "private accuracy " + accuracy);
        agreement.forEach(a -> assertTrue(a >= 99.5, "agreement " + agreement + "\n" + text));
        assertTrue(text.contains("runtime: party processes"), "%parties after %launch local:\n" + text);
        assertTrue(text.contains("back to in-process threads"), text);
        assertFalse(text.contains("java.io.PrintStream@"), "a cell shows printf's result:\n" + text);
        expectRichOutputs(out, "image/svg+xml", "image/png");
        // its exported HTML draws the model's graph in a browser (CI installs Chromium)
        String missing = HeadlessChromium.missing();
        if (missing == null) {
            GraphInBrowser.assertDrawn(tmp.resolve("private-prediction-mnist.out.ipynb"), 2,
                    List.of("weights", "input", "dense_1", "relu_2", "dense_3", "relu_4", "dense_5", "logits"));
        } else {
            System.out.println("the MNIST tutorial's export is not checked in a browser: " + missing);
        }
    }

    @Test
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void protocols() throws Exception {
        NotebookOutputs out = execute("protocols");
        String text = out.text();
        assertTrue(text.contains("bob learns x * y"), text);
        assertTrue(text.contains("pond       matmul") && text.contains("securenn   matmul"), text);
        assertTrue(text.contains("what each party saw") && text.contains("masked opening") && text.contains("server2: nothing"),
                "the parties' views of the Pond product:\n" + text);
        assertTrue(text.contains("relu(x) revealed to bob"), text);
        assertTrue(text.contains("private dot product: 6.5000 (plaintext: 6.5000)"), text);
        // one's own op with its own kernel: in-process, on party processes (sent by the launcher), redefined
        assertTrue(text.contains("my square agrees with plaintext on 5 of 5 values (in-process)"), text);
        assertTrue(text.contains("\nmy square agrees with plaintext on 5 of 5 values (processes)"), text);
        assertTrue(text.contains("redefined: my square agrees with plaintext on 5 of 5 values (processes)"), text);
        assertFalse(text.contains("java.io.PrintStream@"), "a cell shows printf's result:\n" + text);
        expectRichOutputs(out, "text/html", "image/svg+xml");
    }

    @Test
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void privateTraining() throws Exception {
        NotebookOutputs out = execute("private-training");
        String text = out.text();
        List<Double> lrPlain = out.percentagesAfter("logistic regression, plaintext accuracy:");
        List<Double> lrPrivate = out.percentagesAfter("logistic regression, private accuracy:");
        List<Double> aPlain = out.percentagesAfter("network A, plaintext accuracy:");
        List<Double> aPrivate = out.percentagesAfter("network A, private accuracy:");
        assertEquals(1, lrPrivate.size(), text);
        assertEquals(1, aPrivate.size(), text);
        assertTrue(Math.abs(lrPlain.get(0) - lrPrivate.get(0)) <= 1, "logistic regression within 1 point:\n" + text);
        assertTrue(Math.abs(aPlain.get(0) - aPrivate.get(0)) <= 1.5, "network A within 1.5 points:\n" + text);
        assertTrue(text.contains("prediction with private weights:"), text);
        assertTrue(text.contains("private training (") && text.contains(" steps [####################] 100%"),
                "the progress of private training, updated in place to its end:\n" + text);
        expectRichOutputs(out, "image/svg+xml", "image/png", "text/html");
    }

    @Test
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void profiling() throws Exception {
        NotebookOutputs out = execute("profiling");
        String text = out.text();
        assertTrue(text.contains("private prediction of 100 digits"), text);
        assertTrue(text.contains("op kind") && text.contains("server0"), text);
        assertTrue(text.contains("trace written") && text.contains("messages with arrows"), text);
        assertTrue(text.contains("timeline chart written"), text);
        assertTrue(java.util.regex.Pattern.compile("prediction-client +compute +[\\d.]+ ms  send +[\\d.]+ ms  wait +[\\d.]+ ms")
                .matcher(text).find(), "the client's lane of the timeline:\n" + text);
        expectRichOutputs(out, "image/svg+xml", "image/png", "text/html");
        String missing = HeadlessChromium.missing();
        if (missing == null) {
            GraphInBrowser.assertDrawn(tmp.resolve("profiling.out.ipynb"), 2,
                    List.of("dense_1", "relu_2", "dense_3", "relu_4", "dense_5"));
        } else {
            System.out.println("the profiling notebook's export is not checked in a browser: " + missing);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void magicsFollowTheLatestSessionAndPrintfShowsOnlyItsText() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("traps"));
        Path source = work.resolve("traps.ipynb");
        Files.writeString(source, InstalledKernel.notebookJson(kernel.name(), List.of(
                "var tfe = Tfe.local();\ntfe.party(\"alice\");",
                "%parties",
                "var tfe = Tfe.local();\ntfe.party(\"bob\");",
                "%parties",
                "System.out.printf(\"%d parties%n\", tfe.parties().size())",
                "tfe.close();")));
        NotebookOutputs out = kernel.execute(source, work.resolve("traps.out.ipynb"), work, 120, 4);
        assertEquals(List.of(), out.redOutputs(), out.text());
        String text = out.text();
        String second = text.substring(text.lastIndexOf("runtime:"));
        assertTrue(second.contains("bob") && !second.contains("alice"), "%parties after the second Tfe.local():\n" + text);
        assertTrue(text.contains("4 parties"), text);
        assertFalse(text.contains("java.io.PrintStream@"), "printf's PrintStream shown:\n" + text);
    }

    /** Asserts that the notebook shows these MIME types (the library's renderers at work). */
    private static void expectRichOutputs(NotebookOutputs out, String... mimes) {
        for (String mime : mimes) {
            assertTrue(out.hasMime(mime), "no " + mime + " output");
        }
    }

    /** Runs a notebook and returns its outputs, after checking that nothing in it is red. */
    private static NotebookOutputs execute(String name) throws Exception {
        Path source = module().resolve(name + ".ipynb");
        Path target = tmp.resolve(name + ".out.ipynb");
        long start = System.nanoTime();
        NotebookOutputs out = kernel.execute(source, target, module(), CELL_TIMEOUT_SECONDS, RUN_TIMEOUT_MINUTES);
        System.out.printf("notebook %s: %.1f s on Java %s%n", name, (System.nanoTime() - start) / 1e9,
                Runtime.version());
        String keep = System.getProperty("tfe.notebooks.out");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(target, Path.of(keep, name + ".ipynb"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(List.of(), out.redOutputs(), name + " shows red output:\n" + out.text());
        assertFalse(out.text().isEmpty(), name + " printed nothing");
        return out;
    }

    private static Path module() {
        return TfeScript.root().resolve("notebooks");
    }
}
