package dev.tfe.launcher.code;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The class files of one op module: its id, the class to instantiate (with its no-argument
 * constructor) and every class of its own code base it needs, by binary name.
 *
 * <pre>
 * int version | UTF id | UTF module class | int n | n x (UTF class name | int length | bytes)
 * </pre>
 *
 * @param moduleId the op module's id
 * @param moduleClass the binary name of the module's class
 * @param classes class files by binary name
 */
public record CodeBundle(String moduleId, String moduleClass, Map<String, byte[]> classes) {
  private static final int VERSION = 1;
  /** A bundle is small (a cell's classes); larger ones are refused before they are read. */
  public static final int MAX_BYTES = 4 << 20;
  private static final int MAX_CLASSES = 4096;

  public CodeBundle {
    classes = Map.copyOf(classes);
    if (!classes.containsKey(moduleClass)) {
      throw new IllegalArgumentException("the bundle of op module '" + moduleId + "' lacks its class " + moduleClass);
    }
  }

  /** The bundle's bytes. */
  public byte[] encode() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.writeInt(VERSION);
      out.writeUTF(moduleId);
      out.writeUTF(moduleClass);
      out.writeInt(classes.size());
      for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(classes).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (b.size() > MAX_BYTES) {
      throw new IllegalArgumentException("the classes of op module '" + moduleId + "' take " + b.size()
          + " bytes, more than the " + MAX_BYTES + " a party accepts; keep the cell's module small");
    }
    return b.toByteArray();
  }

  /** The id a bundle names, read without reading its classes (for a refusal's message). */
  public static String idOf(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.readInt();
      return in.readUTF();
    } catch (IOException e) {
      return "(unreadable)";
    }
  }

  /**
   * Reads a bundle.
   *
   * @throws IllegalArgumentException if the bytes are not a bundle of this version
   */
  public static CodeBundle decode(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("a code bundle of " + bytes.length + " bytes is larger than " + MAX_BYTES);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("code bundle version " + version + ", this party reads " + VERSION);
      }
      String id = in.readUTF();
      String main = in.readUTF();
      int n = in.readInt();
      if (n < 1 || n > MAX_CLASSES) {
        throw new IllegalArgumentException("a code bundle of " + n + " classes");
      }
      Map<String, byte[]> classes = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        int len = in.readInt();
        if (len < 0 || len > in.available()) {
          throw new IllegalArgumentException("class " + name + " of " + len + " bytes does not fit the bundle");
        }
        classes.put(name, in.readNBytes(len));
      }
      return new CodeBundle(id, main, classes);
    } catch (IOException e) {
      throw new IllegalArgumentException("a truncated code bundle: " + e.getMessage(), e);
    }
  }
}
