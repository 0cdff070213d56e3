package dev.tfe.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Test helper: the party processes this JVM started must all be gone after each test. */
final class Processes {
  private Processes() {}

  static long children() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
  }

  /** Waits up to 5 s for child processes to end, then fails listing the ones left. */
  static void assertNoneLeft() {
    long deadline = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < deadline) {
      if (ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive)) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    left.forEach(ProcessHandle::destroyForcibly);
    fail("processes left behind: " + left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
        .collect(Collectors.joining("; ")));
  }
}
