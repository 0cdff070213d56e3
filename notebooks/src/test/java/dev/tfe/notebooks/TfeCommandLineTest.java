package dev.tfe.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.tfe.json.Json;

/**
 * The {@code tfe} command line as a user runs it, through the script: every command it lists
 * answers {@code --help} with its usage; a missing option value or a bad number is refused with
 * what is wrong, the usage and exit code 2; the product class path (the script's and the
 * installed kernel's) carries no test library; {@code TFE_LOG} turns the libraries' logging up.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TfeCommandLineTest {
    /** Libraries that only tests use; none may reach the class path of ./tfe or of the kernel. */
    static final List<String> TEST_LIBRARIES = List.of("junit", "jqwik", "archunit", "opentest4j", "apiguardian",
            "jmh-generator", "mockito", "hamcrest", "assertj");

    /** The names in the "Commands:" section of a usage, one per command (an alias after a comma is left out). */
    static List<String> commands(String usage) {
        List<String> names = new ArrayList<>();
        boolean in = false;
        for (String line : usage.lines().toList()) {
            if (line.equals("Commands:")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in && line.matches("  [a-z].*")) {
                names.add(line.strip().split("[ ,]")[0]);
            }
        }
        return names;
    }

    private static TfeScript.Result tfe(Path dir, String... args) throws Exception {
        return TfeScript.run(dir, 60, args);
    }

    @Test
    void everyCommandAnswersHelpWithItsUsage(@TempDir Path tmp) throws Exception {
        TfeScript.Result root = tfe(tmp, "--help");
        assertEquals(0, root.exitCode(), root.describe());
        List<String> commands = commands(root.stdout());
        assertTrue(commands.containsAll(List.of("demo", "bench", "launch", "party", "keys", "kernel", "help")),
                commands + "\n" + root.describe());
        List<List<String>> all = new ArrayList<>();
        for (String c : commands) {
            if (!c.equals("help")) {
                all.add(List.of(c));
            }
        }
        for (int i = 0; i < all.size(); i++) {
            List<String> c = all.get(i);
            List<String> args = new ArrayList<>(c);
            args.add("--help");
            TfeScript.Result r = tfe(tmp, args.toArray(new String[0]));
            String name = "tfe " + String.join(" ", c);
            assertEquals(0, r.exitCode(), name + "\n" + r.describe());
            assertTrue(r.stdout().contains("Usage: " + name + " [-h]"), name + "\n" + r.describe());
            assertFalse(r.stderr().contains("Exception"), name + "\n" + r.describe());
            for (String sub : commands(r.stdout())) {
                List<String> deeper = new ArrayList<>(c);
                deeper.add(sub);
                all.add(deeper);
            }
        }
        assertTrue(all.containsAll(List.of(List.of("bench", "ops"), List.of("bench", "fss-keys"),
                List.of("kernel", "install"), List.of("kernel", "run"))), all.toString());
        for (String script : List.of("build", "test", "classpath", "run")) {
            TfeScript.Result r = tfe(tmp, script, "--help");
            assertEquals(0, r.exitCode(), script + "\n" + r.describe());
            assertTrue(r.stdout().startsWith("usage: ./tfe " + script), script + "\n" + r.describe());
        }
    }

    @Test
    void aMissingOptionValueOrABadNumberIsRefusedWithTheUsage(@TempDir Path tmp) throws Exception {
        TfeScript.Result missing = tfe(tmp, "party", "--name", "server0", "--config");
        assertBadUsage(missing, "tfe party: Missing required parameter for option '--config' (HOSTS.JSON)", "tfe party");
        TfeScript.Result number = tfe(tmp, "bench", "transport", "ten");
        assertBadUsage(number, "'ten' is not an int", "tfe bench transport");
        TfeScript.Result unknown = tfe(tmp, "kernel", "install", "--global");
        assertBadUsage(unknown, "tfe kernel install: Unknown option: '--global'", "tfe kernel install");
    }

    private static void assertBadUsage(TfeScript.Result r, String message, String command) {
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains(message), message + "\n" + r.describe());
        assertTrue(r.stderr().contains("Usage: " + command + " [-h]"), r.describe());
        assertTrue(r.stderr().contains("./" + command + " --help explains every option."), r.describe());
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception"), r.describe());
    }

    /** Fails if a class path entry is a test library. */
    static void assertNoTestLibraries(List<String> entries) {
        for (String e : entries) {
            String jar = Path.of(e).getFileName().toString();
            assertFalse(TEST_LIBRARIES.stream().anyMatch(jar::contains), "a test library on the product class path: " + e);
            assertFalse(jar.endsWith("-tests.jar") || e.contains("test-classes"), "test code on the product class path: " + e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInstalledKernelsClassPathHasNoTestLibrary(@TempDir Path tmp) throws Exception {
        TfeScript.Result r = TfeScript.run(tmp, 120, "kernel", "install", "--dry-run", "--prefix", tmp.toString());
        assertEquals(0, r.exitCode(), r.describe());
        String json = r.stdout().substring(r.stdout().indexOf('{'));
        List<String> argv = (List<String>) ((Map<String, Object>) Json.parse(json)).get("argv");
        List<String> classpath = Arrays.asList(argv.get(argv.indexOf("-cp") + 1).split(File.pathSeparator));
        assertNoTestLibraries(classpath);
        // SLF4J's simple binding on purpose (warnings only unless TFE_LOG); JMH's core runs ./tfe bench ops
        assertTrue(classpath.stream().anyMatch(e -> e.contains("slf4j-simple")), classpath.toString());
        assertTrue(classpath.stream().anyMatch(e -> e.contains("jmh-core")), classpath.toString());
    }

    @Test
    void tfeLogTurnsTheLibrariesLoggingUpFromWarningsOnly(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("Logs.java"), String.join("\n",
                "public class Logs {",
                "    public static void main(String[] args) {",
                "        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(\"probe\");",
                "        log.info(\"an info line\");",
                "        log.warn(\"a warning line\");",
                "    }",
                "}", ""));
        TfeScript.Result quiet = TfeScript.run(tmp, 120, "run", "Logs.java");
        assertEquals(0, quiet.exitCode(), quiet.describe());
        assertTrue(quiet.stderr().contains("a warning line"), quiet.describe());
        assertFalse(quiet.stderr().contains("an info line") || quiet.stderr().contains("SLF4J:"), quiet.describe());
        TfeScript.Result info = TfeScript.run(tmp, 120, Map.of("TFE_LOG", "info"), "run", "Logs.java");
        assertEquals(0, info.exitCode(), info.describe());
        assertTrue(info.stderr().contains("an info line") && info.stderr().contains("a warning line"), info.describe());
        TfeScript.Result bad = TfeScript.run(tmp, 60, Map.of("TFE_LOG", "loud"), "--help");
        assertEquals(0, bad.exitCode(), bad.describe());
        assertTrue(bad.stderr().contains("TFE_LOG=loud is not one of trace, debug, info, warn, error, off"), bad.describe());
    }
}
