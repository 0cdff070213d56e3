package dev.tfe.graph;

import java.util.List;
import java.util.Map;

/**
 * What one party executes in one run: the nodes it computes (with their definitions) and, per
 * communication step, what it receives before computing and what it sends after. Pure data, so
 * a coordinator can ship it to a party process.
 *
 * <p>Step {@code r} of every party: receive the batch each peer sent at the end of step
 * {@code r-1}, compute the nodes of level {@code r} in id order, then send one batch per peer
 * with every value that peer needs from this step. One batch per peer per step is one message,
 * so the number of steps with messages is the number of rounds.
 *
 * @param party the party that executes this plan
 * @param nodes definitions of the nodes it computes, by id
 * @param steps the schedule
 * @param outputs ids of the output nodes it delivers to the caller
 * @param sendIdentities for each value it sends, the identity of the node that reads it on the
 *     peer, to which the profile charges the message
 * @param modules the ids of the op modules whose kernels the plan needs (in installation order),
 *     so that a party process can install the same modules as its coordinator
 */
public record Plan(String party, Map<Integer, Node> nodes, List<Step> steps, List<Integer> outputs,
    Map<Integer, OpIdentity> sendIdentities, List<String> modules) {

  public Plan {
    modules = List.copyOf(modules);
  }

  /**
   * One step of the schedule.
   *
   * @param index the step number (the communication level)
   * @param receives peer name to the ids of the values it sends at the end of step {@code index-1}
   * @param compute the ids of the nodes to compute, ascending
   * @param sends peer name to the ids of the values to send it at the end of this step
   */
  public record Step(int index, Map<String, int[]> receives, int[] compute, Map<String, int[]> sends) {}

  /** The number of nodes this party computes. */
  public int nodeCount() {
    return nodes.size();
  }
}
