package dev.tfe.model.privatetrain;

import dev.tfe.model.Sequential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A deep copy of a model, through its weights file (architecture and weights). */
final class Copies {
  private Copies() {}

  static Sequential of(Sequential model) {
    try {
      Path f = Files.createTempFile("tfe-model", ".weights");
      try {
        model.save(f);
        return Sequential.load(f);
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy the model: " + e.getMessage(), e);
    }
  }
}
