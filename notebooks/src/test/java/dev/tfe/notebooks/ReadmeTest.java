package dev.tfe.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


/**
 * Every {@code ```java} block of the root README.md, pasted as it is into one notebook cell and
 * run through the kernel installed with {@code ./tfe kernel install --prefix}: each must compile
 * and run with no error and nothing on stderr, so that the README's code cannot rot. Each block
 * gets a fresh kernel (a reader pastes one into a new notebook) and a scratch working directory;
 * a block that loads {@code net.onnx} finds there the model that the README's Python export makes.
 */
@Tag("jupyter")
class ReadmeTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final int CELL_TIMEOUT_SECONDS = 600;
    private static final long RUN_TIMEOUT_MINUTES = 12;
    /** An MLP trained and exported by PyTorch (the ONNX fixture {@code mlp_trained}). */
    static final String EXPORTED_MODEL = "notebooks/models/mnist-mlp.onnx.gz";

    @TempDir
    static Path tmp;
    private static InstalledKernel kernel;

    @BeforeAll
    static void installKernel() throws Exception {
        kernel = InstalledKernel.installOrSkip(tmp.resolve("prefix"));
    }

    /** The code of each {@code ```java} block of a Markdown text, in order. */
    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void findsTheJavaBlocksOnly() {
        String md = "text\n```java\nint a = 1;\n```\n```xml\n<a/>\n```\n```\nplain\n```\n```java\nint b = 2;\nb\n```\n";
        assertEquals(List.of("int a = 1;\n", "int b = 2;\nb\n"), javaBlocks(md));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void everyJavaBlockOfTheReadmeRunsAsPasted() throws Exception {
        List<String> blocks = javaBlocks(Files.readString(TfeScript.root().resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(blocks.size() >= 2, "the README's java blocks: " + blocks.size());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Path work = Files.createDirectories(tmp.resolve("block" + (i + 1)));
            if (blocks.get(i).contains("\"net.onnx\"")) {
                // what the README's Python block before it writes: a model exported by PyTorch
                Files.copy(TfeScript.root().resolve(EXPORTED_MODEL), work.resolve("net.onnx"));
            }
            Path source = work.resolve("readme-block.ipynb");
            Files.writeString(source, InstalledKernel.notebookJson(kernel.name(), List.of(blocks.get(i))), StandardCharsets.UTF_8);
            long start = System.nanoTime();
            NotebookOutputs out = kernel.execute(source, work.resolve("executed.ipynb"), work, CELL_TIMEOUT_SECONDS,
                    RUN_TIMEOUT_MINUTES);
            System.out.printf("README java block %d: %.1f s%n", i + 1, (System.nanoTime() - start) / 1e9);
            if (!out.redOutputs().isEmpty()) {
                failures.add("block " + (i + 1) + ":\n" + blocks.get(i) + "--> " + out.redOutputs());
            }
        }
        assertEquals(List.of(), failures, "README code that does not run as pasted");
    }
}
