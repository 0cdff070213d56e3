package dev.tfe.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.tfe.kernel.display.DisplaySink;
import dev.tfe.kernel.jshell.CellEvaluator;
import dev.tfe.kernel.jshell.CompilationException;
import dev.tfe.kernel.jshell.DefaultImports;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** The kernel's answers to Jupyter requests, without a Jupyter connection. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TfeKernelTest {
    private static TfeKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new TfeKernel(new CellRunner(new CellEvaluator(CellEvaluator.jvmClasspath(), DefaultImports.ALL)));
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
        DisplaySink.install(null);
    }

    @Test
    void valuesRenderAsDisplayDataWithoutJShellNames() throws Exception {
        assertEquals("2", kernel.eval("1 + 1").getData(MIMEType.TEXT_PLAIN));
        assertEquals("int[2] {4, 5}", kernel.eval("new int[] {4, 5}").getData(MIMEType.TEXT_PLAIN));
        String point = (String) kernel.eval("class Spot { }\nnew Spot()").getData(MIMEType.TEXT_PLAIN);
        assertTrue(point.startsWith("Spot@"), point);
        assertNull(kernel.eval("int quiet = 1;"));
    }

    @Test
    void answersIsCompleteInBasekernelsVocabulary() {
        assertEquals("complete", kernel.isComplete("1 + 1"));
        assertEquals("complete", kernel.isComplete("%lsmagic"));
        assertEquals("complete", kernel.isComplete("%%anything\nnot java {"));
        assertEquals("invalid", kernel.isComplete("int 3x = ;"));
        assertEquals("    ", kernel.isComplete("while (true) {"));
    }

    @Test
    void completesAndInspectsAroundMagicLines() {
        ReplacementOptions options = kernel.complete("%lsmagic\nMath.ma", 16);
        assertEquals(List.of("max("), options.getReplacements());
        assertEquals(14, options.getSourceStart());
        DisplayData doc = kernel.inspect("%lsmagic\nMath.max(", 18, false);
        assertTrue(((String) doc.getData(MIMEType.TEXT_PLAIN)).contains("Math.max(int a, int b)"));
        assertNull(kernel.inspect("   ", 1, false));
    }

    @Test
    void formatsErrorsForTracebacks() {
        CompilationException e = assertThrows(CompilationException.class, () -> kernel.eval("int x = ;"));
        List<String> lines = kernel.formatError(e);
        assertTrue(lines.get(0).contains("CompilationException"));
        assertFalse(lines.isEmpty());
    }

    @Test
    void describesItselfAsJava() {
        assertEquals("java", kernel.getLanguageInfo().getName());
        assertEquals(".jshell", kernel.getLanguageInfo().getFileExtension());
        assertTrue(kernel.getBanner().contains("tfe-java"));
    }
}
