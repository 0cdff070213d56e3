package dev.tfe.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
  @TempDir
  Path dir;

  /** An IDX file: header for {@code type} and {@code dims}, then {@code payload} as given. */
  static byte[] idx(int type, int[] dims, byte[] payload) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0);
    b.write(0);
    b.write(type);
    b.write(dims.length);
    for (int d : dims) {
      b.write(d >>> 24);
      b.write(d >>> 16);
      b.write(d >>> 8);
      b.write(d);
    }
    b.writeBytes(payload);
    return b.toByteArray();
  }

  static Path write(Path file, byte[] content, boolean gzip) throws IOException {
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }

  @Test
  void readsUnsignedBytesPlainAndGzipped() throws IOException {
    byte[] pixels = {0, 1, (byte) 200, (byte) 255, 7, 8};
    for (boolean gzip : new boolean[] {false, true}) {
      IdxArray a = Idx.read(write(dir.resolve("x" + gzip), idx(0x08, new int[] {1, 2, 3}, pixels), gzip),
          Idx.IMAGES_MAGIC);
      assertEquals(0x803, a.magic());
      assertArrayEquals(new int[] {1, 2, 3}, a.dims());
      assertArrayEquals(new double[] {0, 1, 200, 255, 7, 8}, a.toDoubles(), 0);
    }
  }

  @Test
  void readsOtherElementTypesBigEndian() throws IOException {
    byte[] ints = {0, 0, 1, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe};
    IdxArray a = Idx.read(write(dir.resolve("i"), idx(0x0C, new int[] {2}, ints), false));
    assertArrayEquals(new double[] {256, -2}, a.toDoubles(), 0);
    byte[] doubles = java.nio.ByteBuffer.allocate(8).putDouble(1.5).array();
    assertEquals(1.5, Idx.read(write(dir.resolve("d"), idx(0x0E, new int[] {1}, doubles), false)).get(0), 0);
  }

  @Test
  void malformedFilesAreClearErrors() throws IOException {
    assertError(new byte[] {0, 0, 8}, "too short for an IDX header");
    assertError(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, "should start with two zero bytes");
    assertError(idx(0x42, new int[] {1}, new byte[1]), "unknown IDX element type 0x42");
    assertError(new byte[] {0, 0, 8, 3, 0, 0, 0, 1}, "truncated header: 3 dimensions declared, 1 present");
    assertError(idx(0x08, new int[] {2, 28, 28}, new byte[100]), "truncated: dimensions [2, 28, 28] need 1568 bytes of data, found 100");
    assertError(idx(0x08, new int[] {3}, new byte[5]), "2 bytes after the data");
    assertError(idx(0x08, new int[] {0x80000000}, new byte[0]), "negative size");
    Path labels = write(dir.resolve("labels"), idx(0x08, new int[] {3}, new byte[3]), false);
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(labels, Idx.IMAGES_MAGIC));
    assertTrue(e.getMessage().contains("magic number 0x00000801 where 0x00000803 was expected"), e.getMessage());
    Path badGzip = dir.resolve("bad.gz");
    byte[] gz = new ByteArrayOutputStream() {
      {
        try (GZIPOutputStream z = new GZIPOutputStream(this)) {
          z.write(idx(0x08, new int[] {4}, new byte[4]));
        } catch (IOException ex) {
          throw new IllegalStateException(ex);
        }
      }
    }.toByteArray();
    Files.write(badGzip, java.util.Arrays.copyOf(gz, gz.length - 12));
    e = assertThrows(IdxFormatException.class, () -> Idx.read(badGzip));
    assertTrue(e.getMessage().contains("bad.gz"), e.getMessage());
  }

  private void assertError(byte[] content, String fragment) throws IOException {
    Path file = write(Files.createTempFile(dir, "bad", ".idx"), content, false);
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(file));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
