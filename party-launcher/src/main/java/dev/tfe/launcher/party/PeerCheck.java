package dev.tfe.launcher.party;

import dev.tfe.launcher.config.Hostmap;
import dev.tfe.launcher.net.Header;
import dev.tfe.launcher.net.Header.Kind;
import dev.tfe.launcher.net.ZmqNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A party's check, on a coordinator's greeting, that every peer process answers: it pings the
 * peers that have not answered yet every half second and keeps a status line up to date (the
 * party sends it with each heartbeat answer, so the coordinator can say which peer is missing
 * and why even if it gives up first).
 */
final class PeerCheck {
  /** The outcome: every peer answered, or the message that says which did not and why. */
  record Result(boolean ok, String message) {}

  private final String name;
  private final Hostmap hostmap;
  private final ZmqNode node;
  private final Set<String> seen;
  private final Consumer<String> status;

  PeerCheck(String name, Hostmap hostmap, ZmqNode node, Set<String> seen, Consumer<String> status) {
    this.name = name;
    this.hostmap = hostmap;
    this.node = node;
    this.seen = seen;
    this.status = status;
  }

  /** Pings until every peer answered or {@code millis} passed. */
  Result run(long millis) {
    seen.clear();
    Set<String> peers = new TreeSet<>(hostmap.processParties());
    peers.remove(name);
    long start = System.currentTimeMillis();
    long deadline = start + millis;
    long lastPing = 0;
    while (true) {
      Set<String> missing = new TreeSet<>(peers);
      missing.removeAll(seen);
      if (missing.isEmpty()) {
        return new Result(true, "ready");
      }
      long now = System.currentTimeMillis();
      String waiting = describe(missing, (now - start) / 1000);
      if (now > deadline) {
        return new Result(false, waiting);
      }
      if (now - lastPing > 500) {
        lastPing = now;
        status.accept(waiting);
        for (String p : missing) {
          node.send(new Header(Kind.PEER_PING, 0, 0, 0, name, p), new byte[0]);
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(false, name + " was interrupted while checking its peers");
      }
    }
  }

  private String describe(Set<String> missing, long seconds) {
    StringBuilder sb = new StringBuilder(name + " cannot reach");
    String sep = " ";
    for (String p : missing) {
      sb.append(sep).append(p).append(" at ").append(hostmap.entry(p).address());
      sep = ", ";
    }
    sb.append(" (no answer in ").append(seconds).append(" s: not started, wrong address, or its key differs from ")
        .append(name).append("'s hostmap)");
    String refused = node.lastRejection();
    if (refused != null) {
      sb.append("; ").append(name).append(" refused a connection: ").append(refused);
    }
    return sb.toString();
  }
}
