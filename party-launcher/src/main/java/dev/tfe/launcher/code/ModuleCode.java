package dev.tfe.launcher.code;

import dev.tfe.runtime.OpModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Reads the class files of an op module from the class loader that defined it: the module's
 * class and, following every class its code names (read with ASM), each class of the same code
 * base, that is defined by the same loader from the same place (a notebook cell's JShell loader;
 * or one jar or directory). Library classes are not taken: the parties have them.
 */
public final class ModuleCode {
  private ModuleCode() {}

  /**
   * The bundle of {@code module}.
   *
   * @throws IllegalArgumentException if the module cannot be sent: a lambda or anonymous class,
   *     no no-argument constructor, or class files its loader does not give out
   */
  public static CodeBundle capture(OpModule module) {
    Class<?> c = module.getClass();
    if (c.isHidden() || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
      throw new IllegalArgumentException("op module '" + module.id() + "' is a lambda, anonymous or local class ("
          + c.getName() + "); to run it on party processes write it as a named class with a no-argument constructor");
    }
    try {
      c.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("op module '" + module.id() + "' (" + c.getName() + ") has no no-argument"
          + " constructor; a party process makes its own instance with it, so give it one");
    }
    ClassLoader loader = c.getClassLoader();
    URL home = location(c);
    Map<String, byte[]> classes = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(c.getName());
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (classes.containsKey(name)) {
        continue;
      }
      byte[] bytes = read(loader, name, module.id());
      classes.put(name, bytes);
      for (String ref : references(bytes)) {
        if (!classes.containsKey(ref) && sameCodeBase(ref, loader, home)) {
          todo.add(ref);
        }
      }
    }
    return new CodeBundle(module.id(), c.getName(), classes);
  }

  private static URL location(Class<?> c) {
    CodeSource cs = c.getProtectionDomain().getCodeSource();
    return cs == null ? null : cs.getLocation();
  }

  private static boolean sameCodeBase(String name, ClassLoader loader, URL home) {
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")) {
      return false;
    }
    try {
      Class<?> r = Class.forName(name, false, loader);
      return r.getClassLoader() == loader && Objects.equals(location(r), home) && !r.isHidden();
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static byte[] read(ClassLoader loader, String name, String id) {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("cannot read the class file of " + name + " (op module '" + id
            + "') from its class loader " + loader + "; party processes need it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class file of " + name + ": " + e.getMessage(), e);
    }
  }

  /** The binary names of the classes a class file names (constant pool, signatures, nest). */
  static Set<String> references(byte[] classFile) {
    Set<String> names = new TreeSet<>();
    Remapper collector = new Remapper() {
      @Override
      public String map(String internalName) {
        if (!internalName.startsWith("[")) {
          names.add(internalName.replace('/', '.'));
        }
        return internalName;
      }
    };
    new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), collector), 0);
    return names;
  }
}
