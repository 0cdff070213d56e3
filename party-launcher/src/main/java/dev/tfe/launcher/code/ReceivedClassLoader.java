package dev.tfe.launcher.code;

import java.util.Map;

/**
 * Defines the classes of one received bundle, itself (so a new definition of a cell's class is
 * the one used), and delegates every other name to the party's own loader.
 */
final class ReceivedClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classes;

  ReceivedClassLoader(String name, Map<String, byte[]> classes, ClassLoader parent) {
    super(name, parent);
    this.classes = classes;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }
}
