package dev.tfe.runtime;

import dev.tfe.random.SecurePrg;
import dev.tfe.ring.RingTensor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one party keeps: its name, its secure PRG (seeded from {@code SecureRandom}), its
 * variables, which live across runs (shares of private weights, masks), and, during a run, the
 * values fed to it and the outputs it delivers.
 */
public final class PartyState {
  private final String name;
  private final SecurePrg prg = SecurePrg.fresh();
  private final Map<String, RingTensor> variables = new ConcurrentHashMap<>();
  private volatile Map<String, RingTensor> feeds = Map.of();
  private final Map<String, RingTensor> outputs = new ConcurrentHashMap<>();

  public PartyState(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** This party's generator; only the party's own thread uses it. */
  public SecurePrg prg() {
    return prg;
  }

  public RingTensor variable(String var) {
    RingTensor v = variables.get(var);
    if (v == null) {
      throw new IllegalStateException(
          "party " + name + " has no variable '" + var + "': it was not initialised (run its initialiser first)");
    }
    return v;
  }

  public void setVariable(String var, RingTensor value) {
    variables.put(var, value);
  }

  public boolean hasVariable(String var) {
    return variables.containsKey(var);
  }

  /** The values fed to this party for the coming run. */
  public void setFeeds(Map<String, RingTensor> feeds) {
    this.feeds = Map.copyOf(feeds);
  }

  public RingTensor feed(String key) {
    RingTensor v = feeds.get(key);
    if (v == null) {
      throw new IllegalStateException("party " + name + " was given no value for input '" + key
          + "'; provide it when defining the input or in the run's feeds");
    }
    return v;
  }

  public void deliver(String key, RingTensor value) {
    outputs.put(key, value);
  }

  /** Takes the outputs delivered during the last run. */
  public Map<String, RingTensor> takeOutputs() {
    Map<String, RingTensor> r = Map.copyOf(outputs);
    outputs.clear();
    return r;
  }
}
