package dev.tfe.launcher;

import dev.tfe.graph.Plan;
import dev.tfe.ring.RingTensor;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.PartyState;
import dev.tfe.runtime.Runtime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The multi-process {@link Runtime}: runs each plan on its party's process of a {@link Cluster}
 * and the plans of the other parties (input and output parties) in this JVM. Each runtime is a
 * session of its own on the cluster: the party processes keep its variables apart from other
 * sessions' and drop them when it is closed.
 */
public final class ProcessRuntime implements Runtime {
  private final Cluster cluster;
  private final long session;
  private final boolean ownsCluster;
  private final Map<String, PartyState> local = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private volatile Kernels kernels;

  ProcessRuntime(Cluster cluster, boolean ownsCluster) {
    this.cluster = cluster;
    this.ownsCluster = ownsCluster;
    this.session = cluster.coordinator().newSession();
  }

  @Override
  public Outcome run(long runId, Map<String, Plan> plans, Map<String, Map<String, RingTensor>> feeds) {
    if (closed) {
      throw new IllegalStateException("this runtime is closed; launch the parties again with tfe.launchLocal()");
    }
    return cluster.coordinator().run(session, plans, feeds, local, cluster.receiveTimeout(), kernels);
  }

  /**
   * Keeps the session's op set: the parties hosted in this JVM run with it, and the op modules
   * the party processes' build lacks are sent to processes this program launched.
   */
  @Override
  public void useKernels(Kernels kernels) {
    this.kernels = kernels;
  }

  @Override
  public String name() {
    return "processes";
  }

  public Cluster cluster() {
    return cluster;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ownsCluster) {
      cluster.close();
    } else {
      cluster.coordinator().endSession(session);
    }
  }

  @Override
  public String toString() {
    return cluster.toString();
  }
}
