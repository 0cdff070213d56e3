package dev.tfe.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes a local cluster's folder: the secrets first (the {@code *.keys} folders with the
 * parties' secret keys and the cluster token), then, if the launcher created the folder, the
 * rest (hostmap, logs) and the folder itself. A folder the user chose keeps its logs.
 */
final class WorkDir {
  private WorkDir() {}

  static void delete(Path dir, boolean whole) {
    try {
      if (!Files.isDirectory(dir)) {
        return;
      }
      try (Stream<Path> s = Files.list(dir)) {
        for (Path keys : s.filter(p -> p.getFileName().toString().endsWith(".keys")).toList()) {
          deleteTree(keys);
        }
      }
      if (whole) {
        deleteTree(dir);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("tfe: could not delete all of " + dir + ": " + e.getMessage());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(root)) {
      all = s.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
