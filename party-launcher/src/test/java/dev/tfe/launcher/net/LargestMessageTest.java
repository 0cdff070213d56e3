package dev.tfe.launcher.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.tfe.api.Tfe;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.secure.PrivateModel;
import dev.tfe.protocol.TestData;
import dev.tfe.runtime.InProcessRuntime;
import dev.tfe.runtime.Transport;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default maximum message size covers the largest honest message of the SecureNN paper's
 * networks at batch 128 under SecureNN. For the conv nets B and C, the largest message grows
 * linearly with the batch from batch 4 on (the batch's tensors plus a 1,059-byte envelope:
 * measured with this code at batch 4, 16 and 128), so it is measured here at batch 4 and 16 and
 * extrapolated: 148,266,019 bytes for network B and 218,225,699 for C at batch 128, exactly what
 * the measurement at batch 128 gave. (A and D send at most 3.7 MB and 15.5 MB at batch 128.)
 */
@Timeout(120)
class LargestMessageTest {

  @ParameterizedTest(name = "network {0}")
  @ValueSource(strings = {"B", "C"})
  void theDefaultMaximumCoversBatch128(String net) {
    long four = largestMessage(net, 4);
    long sixteen = largestMessage(net, 16);
    long perExample = (sixteen - four) / 12;
    assertEquals(sixteen - four, 12 * perExample, "the same bytes per example");
    long at128 = sixteen + 112 * perExample;
    long max = WireLimits.defaults().maxMessageBytes();
    System.out.printf("network %s: largest message %,d bytes at batch 4, %,d per example, %,d at batch 128 (%.0f%% of the "
        + "default maximum)%n", net, four, perExample, at128, 100.0 * at128 / max);
    assertTrue(at128 <= max / 2, "batch 128 of network " + net + " needs " + at128 + " bytes; the default is " + max);
  }

  /** The largest batch any party sends in one private prediction of {@code batch} examples. */
  static long largestMessage(String net, int batch) {
    AtomicLong max = new AtomicLong();
    try (Tfe tfe = Tfe.local()) {
      ((InProcessRuntime) tfe.runtime()).setTransportDecorator(t -> new Transport() {
        @Override
        public String self() {
          return t.self();
        }

        @Override
        public void send(String peer, byte[] m) {
          max.accumulateAndGet(m.length, Math::max);
          t.send(peer, m);
        }

        @Override
        public byte[] receive(String peer, Duration timeout) {
          return t.receive(peer, timeout);
        }

        @Override
        public void close() {
          t.close();
        }
      });
      PrivateModel pm = tfe.privateModel(SecureNnNetworks.network(net).initialize(7), tfe.party("model-owner"), tfe.secureNn());
      int[] example = SecureNnNetworks.exampleShape(net);
      int[] shape = new int[example.length + 1];
      shape[0] = batch;
      System.arraycopy(example, 0, shape, 1, example.length);
      pm.predict(tfe.party("prediction-client"), TestData.uniform(new Random(batch), 1, shape), batch);
    }
    return max.get();
  }
}
