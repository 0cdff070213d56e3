package dev.tfe.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CodeAnalysisTest {
    private static CellEvaluator evaluator;
    private static CodeAnalysis analysis;

    @BeforeAll
    static void start() throws Exception {
        evaluator = new CellEvaluator(CellEvaluator.jvmClasspath(), DefaultImports.JAVA);
        evaluator.eval("String greeting = \"hi\";");
        analysis = evaluator.analysis();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void completesMembersOnceEachWithTheReplacedRange() {
        CodeAnalysis.Completions c = analysis.complete("Math.ma", 7);
        assertEquals(List.of("max("), c.matches());
        assertEquals(5, c.cursorStart());
        assertEquals(7, c.cursorEnd());
    }

    @Test
    void completesInTheSnippetUnderTheCursorUsingEarlierCells() {
        String code = "int x = 1;\ngreeting.toUpp";
        CodeAnalysis.Completions c = analysis.complete(code, code.length());
        assertEquals(List.of("toUpperCase("), c.matches());
        assertEquals(code.indexOf("toUpp"), c.cursorStart());
    }

    @Test
    void inspectsMethodsAtOrAfterTheirNameAndTypes() {
        String doc = analysis.inspect("Math.max(", 9).orElseThrow();
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
        assertTrue(analysis.inspect("Math.max", 8).orElseThrow().contains("long Math.max(long a, long b)"));
        assertTrue(analysis.inspect("int y = Math.abs(-2);", 14).orElseThrow().contains("Math.abs(int a)"));
        assertTrue(analysis.inspect("String", 6).orElseThrow().contains("java.lang.String"));
        assertTrue(analysis.inspect("   ", 1).isEmpty());
    }

    @Test
    void tellsCompleteIncompleteAndInvalidCells() {
        assertEquals(CodeAnalysis.Status.COMPLETE, analysis.isComplete("1 + 1").status());
        assertEquals(CodeAnalysis.Status.COMPLETE, analysis.isComplete("int x = 5").status());
        assertEquals(CodeAnalysis.Status.COMPLETE, analysis.isComplete("").status());
        assertEquals(CodeAnalysis.Status.COMPLETE, analysis.isComplete("int a = 1;\nint b = 2;").status());
        assertEquals(new CodeAnalysis.IsComplete(CodeAnalysis.Status.INCOMPLETE, "    "),
                analysis.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals(new CodeAnalysis.IsComplete(CodeAnalysis.Status.INCOMPLETE, "  "),
                analysis.isComplete("int f(int a) {\n  return a"));
        assertEquals(CodeAnalysis.Status.INVALID, analysis.isComplete("int 3x = ;").status());
    }
}
