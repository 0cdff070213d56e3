package dev.tfe.program;

/**
 * A named participant: one of the three servers ({@code server0}, {@code server1}, and the
 * crypto producer {@code server2}) or an input/output party such as a model owner or a
 * prediction client. Obtain parties from {@link Program#party(String)}.
 */
public record Party(String name) {
  public Party {
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]{0,62}")) {
      throw new IllegalArgumentException("invalid party name '" + name
          + "': use a letter followed by letters, digits, '_', '.' or '-' (at most 63 characters)");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
