package dev.tfe.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test helper: a party process's open descriptors ({@code /proc/PID/fd}), its heap in use after a
 * full GC ({@code jcmd PID GC.run}, then {@code GC.heap_info}), and its resident memory.
 *
 * @param fds open file descriptors
 * @param heapBytes heap in use after a full collection
 * @param rssBytes resident set size (for the report; it does not shrink reliably)
 */
record PartyProbe(long fds, long heapBytes, long rssBytes) {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  static PartyProbe of(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    long heap = 0;
    for (String line : info.split("\n")) {
      if (line.contains("Metaspace") || line.contains("class space")) {
        break;
      }
      Matcher m = USED.matcher(line);
      if (m.find()) {
        heap += Long.parseLong(m.group(1)) * 1024;
      }
    }
    if (heap == 0) {
      throw new IllegalStateException("cannot read the heap from jcmd GC.heap_info:\n" + info);
    }
    return new PartyProbe(fds(pid), heap, rss(pid));
  }

  static long fds(long pid) throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return s.count();
    }
  }

  private static long rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + out);
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format("%d descriptors, heap %.1f MiB after a full GC, RSS %.1f MiB", fds, heapBytes / 1048576.0,
        rssBytes / 1048576.0);
  }
}
