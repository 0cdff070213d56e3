package dev.tfe.launcher.config;

/** Checks that a text is a CurveZMQ key in Z85: 40 characters of the Z85 alphabet, 32 bytes. */
final class CurveKeys {
  private static final String ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

  private CurveKeys() {}

  /** Null if {@code key} is a Z85 CurveZMQ key, else what is wrong with it. */
  static String problem(String key) {
    if (key.length() != 40) {
      return "it has " + key.length() + " characters, a Z85 CurveZMQ key has 40";
    }
    for (int g = 0; g < 40; g += 5) {
      long v = 0;
      for (int i = g; i < g + 5; i++) {
        int d = ALPHABET.indexOf(key.charAt(i));
        if (d < 0) {
          return "character " + (i + 1) + " ('" + key.charAt(i) + "') is not in the Z85 alphabet";
        }
        v = v * 85 + d;
      }
      if (v > 0xFFFFFFFFL) {
        return "characters " + (g + 1) + " to " + (g + 5) + " do not encode 4 bytes";
      }
    }
    return null;
  }
}
