package dev.tfe.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.tfe.kernel.jshell.CellEvaluator;
import dev.tfe.kernel.jshell.CompilationException;
import dev.tfe.kernel.jshell.DefaultImports;
import dev.tfe.kernel.jshell.EvaluationException;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CellRunnerTest {
    private static CellRunner runner;

    @BeforeAll
    static void start() {
        runner = new CellRunner(new CellEvaluator(CellEvaluator.jvmClasspath(), DefaultImports.JAVA));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static String stdout(ThrowingRunnable r) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void printfAsTheLastLineShowsOnlyWhatItPrinted() throws Exception {
        String printed = stdout(() -> assertEquals(Optional.empty(), runner.run("System.out.printf(\"%d%n\", 42)", "In [1]")));
        assertEquals("42" + System.lineSeparator(), printed);
        for (String cell : List.of("System.out.printf(\"x\");", "System.out.format(\"x\")", "System.err.append(\"x\")",
                "System.out.printf(\"%s\", 1).printf(\"%s\", 2)")) {
            stdout(() -> assertEquals(Optional.empty(), runner.run(cell, "In [2]"), cell));
        }
        assertEquals(Optional.of("ab"), runner.run("new StringBuilder(\"a\").append(\"b\").toString()", "In [3]"));
    }

    @Test
    void theMagicsActOnTheLastSessionMadeInACell() throws Exception {
        try (CellRunner kernel = new CellRunner(CellEvaluator.create())) {
            kernel.run("var tfe = Tfe.local(); tfe.party(\"alice\");", "In [1]");
            assertTrue(stdout(() -> kernel.run("%parties", "In [2]")).contains("alice"));
            kernel.run("var tfe = Tfe.local(); tfe.party(\"bob\");", "In [3]");
            String parties = stdout(() -> kernel.run("%parties", "In [4]"));
            assertTrue(parties.contains("bob") && !parties.contains("alice"), parties);
            kernel.run("tfe.close();", "In [5]");
        }
    }

    @Test
    void lsmagicListsTheMagics() throws Exception {
        String out = stdout(() -> runner.run("%lsmagic", "In [1]"));
        assertTrue(out.contains("%classpath") && out.contains("%lsmagic"), out);
    }

    @Test
    void classpathAddMakesNewClassesUsableInLaterCode(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/extra/Extra.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package extra; public class Extra { public static int answer() { return 42; } }");
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), src.toString()));

        Optional<Object>[] value = new Optional[1];
        String out = stdout(() -> value[0] = runner.run("%classpath add " + classes + "\nextra.Extra.answer()", "In [2]"));
        assertEquals(Optional.of(42), value[0]);
        assertTrue(out.contains("added 1 class path entry"), out);
        assertTrue(stdout(() -> runner.run("%classpath", "In [3]")).contains(classes.toString()));
    }

    @Test
    void badMagicsSayWhatToDo() {
        EvaluationException unknown = assertThrows(EvaluationException.class, () -> runner.run("%nosuch", "In [4]"));
        assertTrue(unknown.getMessage().contains("%lsmagic"));
        EvaluationException usage = assertThrows(EvaluationException.class, () -> runner.run("%classpath remove x", "In [4]"));
        assertTrue(usage.getMessage().contains("usage"));
        EvaluationException missing = assertThrows(EvaluationException.class,
                () -> runner.run("%classpath add /no/such/dir", "In [4]"));
        assertTrue(missing.getMessage().contains("/no/such/dir"));
        assertThrows(EvaluationException.class, () -> runner.run("%%nosuch\nbody", "In [4]"));
    }

    @Test
    void codeAfterAMagicReportsCellLines() throws Exception {
        CompilationException e = assertThrows(CompilationException.class,
                () -> stdout(() -> runner.run("%lsmagic\n\nint y = nope;", "In [5]")));
        assertEquals(3, e.problems().get(0).line());
    }

    @Test
    void theLastSegmentGivesTheValue() throws Exception {
        assertEquals(Optional.of(5), runner.run("int five = 5;\nfive", "In [6]"));
        assertEquals(Optional.empty(), runner.run("int six = 6;\n%classpath", "In [7]").filter(v -> false));
    }
}
