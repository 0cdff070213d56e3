package dev.tfe.launcher.party;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A log file that never grows past a cap: once the next write would take {@code file} over
 * {@code maxBytes}, it becomes {@code file.1} (replacing the previous one) and a fresh
 * {@code file} is started. A party's log thus takes at most twice the cap on disk, however many
 * runs it serves. Not thread-safe by itself: {@link PartyLog} and {@link java.io.PrintStream}
 * synchronize their writes.
 */
public final class RotatingLog extends OutputStream {
  private final Path file;
  private final long maxBytes;
  private OutputStream out;
  private long size;

  /** Opens {@code file} for appending; its current size counts against the cap. */
  public RotatingLog(Path file, long maxBytes) throws IOException {
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("a log cap of " + maxBytes + " bytes is too small; give at least 1024");
    }
    this.file = file;
    this.maxBytes = maxBytes;
    open();
  }

  private void open() throws IOException {
    out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    size = Files.size(file);
  }

  /** The previous file, {@code <file>.1}. */
  public static Path previous(Path file) {
    return file.resolveSibling(file.getFileName() + ".1");
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (size > 0 && size + len > maxBytes) {
      out.close();
      Files.move(file, previous(file), StandardCopyOption.REPLACE_EXISTING);
      open();
    }
    // a single write longer than the cap is cut, so the cap holds
    int n = (int) Math.min(len, maxBytes - size);
    out.write(b, off, n);
    size += n;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
