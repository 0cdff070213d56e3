package dev.tfe.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.tfe.kernel.display.DisplaySink;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CellEvaluatorTest {
    private static CellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = CellEvaluator.create();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void lastExpressionIsTheCellsValueAsAnObject() throws Exception {
        assertEquals(Optional.of(3), evaluator.eval("1 + 2"));
        assertEquals(Optional.of(6), evaluator.eval("int a = 2;\nint b = 3;\na * b"));
        assertEquals(Optional.of(List.of(1, 2)), evaluator.eval("List.of(1, 2)"));
    }

    @Test
    void declarationsStatementsAndNullShowNothing() throws Exception {
        assertEquals(Optional.empty(), evaluator.eval("int seven = 7;"));
        assertEquals(Optional.of(7), evaluator.eval("seven"));
        assertEquals(Optional.empty(), evaluator.eval("seven = 8"));
        assertEquals(Optional.empty(), evaluator.eval("String nothing = null; nothing"));
        assertEquals(Optional.empty(), evaluator.eval("void hello() { }"));
    }

    @Test
    void cellsPrintToSystemOutAndErr() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            evaluator.eval("System.out.println(\"to out\"); System.err.print(\"to err\");");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("to out\n", outBytes.toString(StandardCharsets.UTF_8));
        assertEquals("to err", errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cellsSeeTheKernelsClassesAndTheDefaultImports() throws Exception {
        assertSame(DisplaySink.class, evaluator.eval("dev.tfe.kernel.display.DisplaySink.class").orElseThrow());
        assertTrue(evaluator.imports().containsAll(List.of("java.util.*", "dev.tfe.ring.*")), evaluator.imports().toString());
        assertEquals(Optional.of("dev.tfe.ring.RingTensor"), evaluator.eval("RingTensor.class.getName()"));
        assertEquals(Optional.of("dev.tfe.render.ChromeTrace"), evaluator.eval("ChromeTrace.class.getName()"));
        assertEquals(Optional.of(0), evaluator.eval("new ArrayList<String>().size()"));
    }

    @Test
    void theLibrarysUserFacingNamesNeedNoImports() throws Exception {
        try (CellEvaluator kernel = CellEvaluator.create()) {
            assertEquals(List.of(), kernel.skippedImports(), "every default import exists");
            assertEquals(Optional.of(List.of("Tfe", "Mnist", "Sequential", "Dense", "PrivateModel", "Profile", "Tensor",
                            "Pond", "SecureNn", "FixedPointConfig", "ChromeTrace", "INDArray", "Nd4j")),
                    kernel.eval("List.of(Tfe.class, Mnist.class, Sequential.class, dense(2, 1).getClass(), PrivateModel.class,"
                            + " Profile.class, Tensor.class, Pond.class, SecureNn.class, FixedPointConfig.class,"
                            + " ChromeTrace.class, INDArray.class, Nd4j.class).stream().map(Class::getSimpleName).toList()"));
            assertEquals(Optional.of("java.lang.Runtime"), kernel.eval("Runtime.class.getName()"));
        }
    }

    @Test
    void missingPackagesInTheImportListAreSkipped() {
        try (CellEvaluator e = new CellEvaluator(CellEvaluator.jvmClasspath(), List.of("java.util.*", "no.such.pkg.*"))) {
            assertEquals(List.of("java.util.*"), e.imports());
            assertEquals(List.of("no.such.pkg.*"), e.skippedImports());
        }
    }

    @Test
    void compileErrorsNameTheCellLineAndColumn() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> evaluator.eval("int fine = 1;\nint bad = missingName + 1;", "In [4]", 1));
        CompilationException.Problem p = e.problems().get(0);
        assertEquals(2, p.line());
        assertEquals(11, p.column());
        assertEquals("missingName".length(), p.length());
        assertTrue(p.message().contains("cannot find symbol"), p.message());
        String text = String.join("\n", evaluator.formatError(e));
        assertTrue(text.contains("In [4]"), text);
        assertTrue(text.contains("line 2, column 11"), text);
        assertTrue(text.contains("    int bad = missingName + 1;"), text);
        assertTrue(text.contains("          " + ErrorFormatter.RED + "^^^^^^^^^^^"), text);
    }

    @Test
    void firstLineOffsetsLinesOfCodeThatFollowsAMagic() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> evaluator.eval("int x = undefinedThing;", "In [5]", 3));
        assertEquals(3, e.problems().get(0).line());
    }

    @Test
    void runtimeExceptionsAreTheUsersOwnWithTrimmedTraces() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> evaluator.eval("int zero = 0;\nint q = 1 / zero;", "In [7]", 1));
        List<String> lines = evaluator.formatError(e);
        assertTrue(lines.get(0).contains("java.lang.ArithmeticException") && lines.get(0).contains("/ by zero"), lines.get(0));
        assertTrue(lines.contains("    at In [7], line 2"), lines.toString());
        for (String line : lines) {
            assertFalse(line.contains("jdk.jshell") || line.contains("reflect") || line.contains("KernelExecutionControl")
                    || line.contains("$JShell$"), line);
        }
    }

    @Test
    void tracesNameMethodsAndClassesDeclaredInCellsAndShowCauses() throws Exception {
        evaluator.eval("class Widget {\n  int spin() {\n    throw new IllegalStateException(\"stuck\", new RuntimeException(\"rust\"));\n  }\n}",
                "In [8]", 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> evaluator.eval("new Widget().spin()", "In [9]", 1));
        String text = String.join("\n", evaluator.formatError(e));
        assertTrue(text.contains("at Widget.spin(In [8], line 3)"), text);
        assertTrue(text.contains("at In [9], line 1"), text);
        assertTrue(text.contains("Caused by: " + ErrorFormatter.BOLD_RED + "java.lang.RuntimeException"), text);
    }

    @Test
    void errorsAreWrappedAndDeepRecursionIsFolded() throws Exception {
        evaluator.eval("int down(int n) { return down(n + 1) + 1; }");
        EvaluationException e = assertThrows(EvaluationException.class, () -> evaluator.eval("down(0)"));
        assertInstanceOf(StackOverflowError.class, e.getCause());
        List<String> lines = evaluator.formatError(e);
        assertTrue(lines.get(0).contains("java.lang.StackOverflowError"), lines.get(0));
        assertTrue(lines.size() < 10, lines.toString());
        assertTrue(lines.get(2).contains("repeats"), lines.toString());
    }

    @Test
    void usingAMethodWithUndeclaredDependenciesSaysWhatIsMissing() throws Exception {
        evaluator.eval("int needsHelper() { return helper(); }");
        EvaluationException e = assertThrows(EvaluationException.class, () -> evaluator.eval("needsHelper()"));
        assertTrue(e.getMessage().contains("method needsHelper()") && e.getMessage().contains("helper()"), e.getMessage());
        assertEquals(1, evaluator.formatError(e).size());
    }

    @Test
    void incompleteCellsAreCompileErrors() {
        assertThrows(CompilationException.class, () -> evaluator.eval("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void stopInterruptsASleepingCellAndABusyOne() throws Exception {
        for (String cell : List.of("Thread.sleep(60_000);", "long spins = 0; while (true) { spins++; }")) {
            CompletableFuture<Throwable> result = CompletableFuture.supplyAsync(() -> {
                try {
                    evaluator.eval(cell + "\nint after = 1;");
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(500);
            evaluator.stop();
            assertInstanceOf(CellInterruptedException.class, result.get(20, TimeUnit.SECONDS), cell);
        }
        assertEquals(Optional.of(2), evaluator.eval("1 + 1"));
    }

    @Test
    void backgroundThreadsStartedByACellDoNotBlockIt() throws Exception {
        long start = System.nanoTime();
        Optional<Object> v = evaluator.eval("Thread bg = new Thread(() -> { try { Thread.sleep(5_000); } catch (InterruptedException e) { } });\n"
                + "bg.setDaemon(true); bg.start();\n42");
        assertEquals(Optional.of(42), v);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4));
    }
}
