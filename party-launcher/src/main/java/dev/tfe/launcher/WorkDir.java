package dev.tfe.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes a local cluster's folder: the secrets first (the {@code *.keys} folders with the
 * parties' secret keys and the cluster token), then, if the launcher created the folder, the
 * rest (hostmap, logs) and the folder itself. A folder the user chose keeps its logs. The
 * launcher calls it on close and from its shutdown hook; its parties call it when they find the
 * launcher gone (killed hard, so no hook ran). Several may run at once: a file another one
 * removed first is no error.
 */
public final class WorkDir {
  private WorkDir() {}

  /** Deletes the secrets in {@code dir} and, if {@code whole}, everything else in it and itself. */
  public static void delete(Path dir, boolean whole) {
    for (int attempt = 0; ; attempt++) {
      try {
        deleteOnce(dir, whole);
        return;
      } catch (IOException | RuntimeException e) {
        if (attempt == 2) {
          System.err.println("tfe: could not delete all of " + dir + ": " + e.getMessage());
          return;
        }
      }
    }
  }

  private static void deleteOnce(Path dir, boolean whole) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path keys : s.filter(p -> p.getFileName().toString().endsWith(".keys")).toList()) {
        deleteTree(keys);
      }
    } catch (NoSuchFileException gone) {
      return;
    }
    if (whole) {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(root)) {
      all = s.sorted(Comparator.reverseOrder()).toList();
    } catch (NoSuchFileException gone) {
      return;
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
