package dev.tfe.program;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Graph;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.runtime.Runtime;
import dev.tfe.runtime.Session;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A private program under construction, independent of any protocol: its parties, its fixed-point
 * encoding, its graph, the inputs and outputs defined on it, and the runtime that runs it.
 * {@code dev.tfe.api.Tfe} is the implementation a notebook uses; private models and private
 * training are written against this interface, so that they sit below the entry point that
 * creates them (no package cycle between {@code api} and {@code model}).
 */
public interface Program {
  /** The party of this name, created on first use. */
  Party party(String name);

  /** The party of this name; refuses, naming the known parties, if there is none. */
  Party requireParty(String name);

  /** Every party declared so far, servers first. */
  List<Party> parties();

  /** The fixed-point encoding of every value of this program. */
  FixedPoint fixedPoint();

  /** The computation graph that definitions add to. */
  Graph graph();

  /** The session that plans and runs the graph. */
  Session session();

  /** A private input fed at run time under {@code key}; only {@code owner} reads it. */
  Tensor definePrivateInput(Protocol p, Party owner, String key, int... shape);

  /** A private input whose value, given here, is sent to {@code owner} alone, which shares it. */
  Tensor definePrivateInput(Protocol p, Party owner, INDArray value);

  /** A private variable: {@code owner} shares {@code initial} once; the servers keep the shares. */
  Tensor definePrivateVariable(Protocol p, Party owner, INDArray initial);

  /** Reveals {@code x} to {@code receiver} alone when the graph runs. */
  Output defineOutput(Protocol p, Party receiver, Tensor x);

  /** Runs the graph for these outputs, with no per-run values. */
  default RunResult run(Output... outputs) {
    return run(Map.of(), outputs);
  }

  /** Runs with per-run values: {@code feeds} maps a party to its inputs by key. */
  RunResult run(Map<Party, Map<String, INDArray>> feeds, Output... outputs);

  /** The runtime that executes runs: in-process threads or party processes. */
  Runtime runtime();
}
