package dev.tfe.runtime;

import dev.tfe.random.SecurePrg;
import dev.tfe.ring.RingTensor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one party keeps: its name, its secure PRG (seeded from {@code SecureRandom}), its
 * variables, which live across runs (shares of private weights, masks), the values computed ahead
 * for later runs (dealer material, {@code Ops.PRE_KEEP}), and, during a run, the
 * values fed to it and the outputs it delivers.
 */
public final class PartyState {
  private final String name;
  private final SecurePrg prg = SecurePrg.fresh();
  private final Map<String, RingTensor> variables = new ConcurrentHashMap<>();
  private volatile Map<String, RingTensor> feeds = Map.of();
  private final Map<String, RingTensor> outputs = new ConcurrentHashMap<>();
  private final Map<Integer, java.util.TreeMap<Long, RingTensor>> preprocessed = new java.util.HashMap<>();

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

  /** Keeps a value computed ahead (offline) for node {@code node}, for the online run numbered {@code seq}. */
  public void keepPreprocessed(int node, long seq, RingTensor value) {
    synchronized (preprocessed) {
      preprocessed.computeIfAbsent(node, k -> new java.util.TreeMap<>()).put(seq, value);
    }
  }

  /**
   * Takes the value kept for node {@code node} and online run {@code seq}; each is used once.
   * Values of earlier numbers left by a failed run are dropped with it.
   */
  public RingTensor takePreprocessed(int node, long seq) {
    synchronized (preprocessed) {
      java.util.TreeMap<Long, RingTensor> q = preprocessed.get(node);
      RingTensor v = q == null ? null : q.get(seq);
      if (v == null) {
        throw new IllegalStateException("party " + name + " has no preprocessed value for node #" + node + " and run "
            + seq + "; preprocess before running online, on the same runtime");
      }
      q.headMap(seq, true).clear();
      if (q.isEmpty()) {
        preprocessed.remove(node);
      }
      return v;
    }
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
