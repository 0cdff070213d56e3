package dev.tfe.runtime;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.ring.RingTensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Private inputs that a party reads from a file on its own host when it executes the input, so
 * the value never passes through the coordinator. The input's key names the file and the
 * fixed-point encoding: {@code file:<fractional bits>:<integral bits>:<path>}. The file holds
 * the values in row-major order as decimal numbers separated by white space or commas; lines
 * starting with {@code #} are comments.
 */
public final class FileInputs {
  private static final String PREFIX = "file:";

  private FileInputs() {}

  /** The input key for {@code path}, read with {@code config}'s encoding. */
  public static String key(String path, FixedPointConfig config) {
    return PREFIX + config.fractionalBits() + ":" + config.integralBits() + ":" + path;
  }

  public static boolean isFileKey(String key) {
    return key.startsWith(PREFIX);
  }

  /** The path named by a file key. */
  public static String path(String key) {
    return key.split(":", 4)[3];
  }

  /** Reads and encodes the file named by {@code key}, which must hold exactly the shape's values. */
  public static RingTensor read(String key, int[] shape, String party) {
    String[] f = key.split(":", 4);
    if (f.length != 4) {
      throw new IllegalArgumentException("malformed file input key '" + key + "'");
    }
    FixedPointConfig config = FixedPointConfig.of(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
    Path file = Path.of(f[3]);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("party " + party + " cannot read its input file " + file + " on its host: " + e, e);
    }
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    double[] values = new double[n];
    int count = 0;
    for (String line : text.split("\n")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      for (String tok : line.split("[\\s,]+")) {
        if (tok.isEmpty()) {
          continue;
        }
        if (count >= n) {
          throw new IllegalArgumentException("input file " + file + " holds more than the " + n + " values of shape "
              + Arrays.toString(shape));
        }
        try {
          values[count++] = Double.parseDouble(tok);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("input file " + file + ": '" + tok + "' is not a number");
        }
      }
    }
    if (count != n) {
      throw new IllegalArgumentException("input file " + file + " holds " + count + " values but the input has shape "
          + Arrays.toString(shape) + " (" + n + " values)");
    }
    return new FixedPoint(config).encode(values, shape, "input file " + file + " of " + party);
  }
}
