package dev.tfe.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An executed notebook as a reader of its HTML export sees it: {@code jupyter nbconvert --to html}
 * (Debian's {@code /usr/bin/jupyter}), opened in Debian's {@code chromium}, headless, with every
 * host name unresolvable (the export's links to CDNs fail at once: nothing leaves this machine).
 * The DOM is dumped after the page's scripts ran; the screenshot is a PNG.
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of(System.getProperty("tfe.chromium", "/usr/bin/chromium"));
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    private static final long TIMEOUT_SECONDS = 120;

    private HeadlessChromium() {
    }

    /** Why the browser check cannot run here, or null when Chromium and nbconvert are installed. */
    static String missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return "no " + CHROMIUM + " (Debian: apt-get install chromium; .ci/run installs it)";
        }
        if (!Files.isExecutable(JUPYTER)) {
            return "no " + JUPYTER + " (Debian: apt-get install jupyter-nbconvert)";
        }
        return null;
    }

    /** Exports {@code notebook} to HTML next to it and returns the HTML file. */
    static Path exportHtml(Path notebook) throws Exception {
        Path dir = notebook.getParent();
        run(dir, JUPYTER.toString(), "nbconvert", "--to", "html", notebook.toString(), "--output-dir", dir.toString());
        String name = notebook.getFileName().toString();
        Path html = dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".html");
        assertTrue(Files.exists(html), "nbconvert wrote no " + html);
        return html;
    }

    /** The DOM of {@code html} after its scripts ran, serialized. */
    static String dumpDom(Path html) throws Exception {
        return run(html.getParent(), browser(html, "--dump-dom"));
    }

    /** A screenshot of {@code html}, {@code width x height} pixels, as PNG bytes. */
    static byte[] screenshot(Path html, int width, int height) throws Exception {
        Path png = html.resolveSibling(html.getFileName() + ".png");
        run(html.getParent(), browser(html, "--screenshot=" + png, "--window-size=" + width + "," + height,
                "--hide-scrollbars"));
        assertTrue(Files.exists(png), "chromium wrote no " + png);
        return Files.readAllBytes(png);
    }

    private static String[] browser(Path html, String... what) {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--virtual-time-budget=10000", "--user-data-dir=" + html.getParent().resolve("chromium-profile")));
        cmd.addAll(List.of(what));
        cmd.add(html.toUri().toString());
        return cmd.toArray(String[]::new);
    }

    /** Runs a command in {@code dir}; returns its standard output; fails with its output unless it exits 0 in time. */
    private static String run(Path dir, String... cmd) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        boolean done = false;
        try {
            done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String what = String.join(" ", cmd) + "\n" + Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(done, "did not finish in " + TIMEOUT_SECONDS + " s: " + what);
        assertEquals(0, p.exitValue(), what);
        return stdout;
    }
}
