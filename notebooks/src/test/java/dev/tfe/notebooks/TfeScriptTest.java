package dev.tfe.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tfe} script's commands for using the library from one's own program, run as a user
 * runs them: {@code ./tfe classpath} and {@code ./tfe run File.java}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TfeScriptTest {
    private static final String HELLO = String.join("\n",
            "import dev.tfe.api.*;",
            "import dev.tfe.program.*;",
            "import dev.tfe.protocol.pond.Pond;",
            "import org.nd4j.linalg.factory.Nd4j;",
            "",
            "public class Hello {",
            "    public static void main(String[] args) {",
            "        try (Tfe tfe = Tfe.local()) {",
            "            Party alice = tfe.party(\"alice\");",
            "            Pond pond = tfe.pond();",
            "            var x = tfe.definePrivateInput(pond, alice, Nd4j.createFromArray(new double[][] {{1.5, -2.0}}));",
            "            Output out = tfe.defineOutput(pond, alice, pond.mul(x, x));",
            "            double[] squares = tfe.run(out).values(out);",
            "            System.out.println(\"squares \" + java.util.Arrays.toString(squares) + \" args \" + String.join(\",\", args));",
            "        }",
            "    }",
            "}",
            "");

    @Test
    void classpathPrintsTheMainJarsAndTheirDependencies(@TempDir Path tmp) throws Exception {
        TfeScript.Result r = TfeScript.run(tmp, 120, "classpath");
        assertEquals(0, r.exitCode(), r.describe());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(1, lines.size(), r.describe());
        List<String> entries = Arrays.asList(lines.get(0).split(File.pathSeparator));
        for (String module : List.of("tfe-notebook", "party-launcher", "kernel-ext")) {
            assertTrue(entries.stream().anyMatch(e -> e.matches(".*/" + module + "/target/" + module + "-[^/]*[0-9T]\\.jar")),
                    module + "'s main jar in " + entries);
        }
        for (String e : entries) {
            assertTrue(Path.of(e).isAbsolute() && Files.exists(Path.of(e)), "missing class path entry " + e);
        }
        TfeCommandLineTest.assertNoTestLibraries(entries);
        assertTrue(entries.stream().anyMatch(e -> e.contains("nd4j-native")), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.contains("slf4j-simple")), entries.toString());
    }

    @Test
    void runRunsASingleFileProgramWithTheLibraryFromTheCallersDirectory(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("Hello.java"), HELLO);
        TfeScript.Result r = TfeScript.run(tmp, 240, "run", "Hello.java", "a", "b");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().contains("squares [2.25, 4.0] args a,b"), r.describe());
        assertFalse(r.stderr().contains("SLF4J"), "SLF4J noise: " + r.describe());
        assertFalse(r.stderr().contains("Exception"), r.describe());
    }

    @Test
    void runWithoutAJavaFileSaysHow(@TempDir Path tmp) throws Exception {
        TfeScript.Result none = TfeScript.run(tmp, 60, "run");
        assertEquals(2, none.exitCode(), none.describe());
        assertTrue(none.stderr().contains("usage: ./tfe run File.java"), none.describe());
        TfeScript.Result missing = TfeScript.run(tmp, 60, "run", "Missing.java");
        assertEquals(2, missing.exitCode(), missing.describe());
        assertTrue(missing.stderr().contains("no such file: Missing.java"), missing.describe());
    }
}
