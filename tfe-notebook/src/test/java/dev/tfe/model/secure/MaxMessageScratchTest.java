package dev.tfe.model.secure;

import dev.tfe.api.Party;
import dev.tfe.api.Tfe;
import dev.tfe.model.SecureNnNetworks;
import dev.tfe.model.Sequential;
import dev.tfe.protocol.TestData;
import dev.tfe.runtime.InProcessRuntime;
import dev.tfe.runtime.Transport;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MaxMessageScratchTest {
  @Test
  void measure() {
    for (String spec : System.getProperty("nets", "B:8,C:8").split(",")) {
      String net = spec.split(":")[0];
      int batch = Integer.parseInt(spec.split(":")[1]);
      AtomicLong max = new AtomicLong();
      AtomicLong total = new AtomicLong();
      AtomicLong count = new AtomicLong();
      Sequential model = SecureNnNetworks.network(net).initialize(7);
      int[] example = SecureNnNetworks.exampleShape(net);
      try (Tfe tfe = Tfe.local()) {
        ((InProcessRuntime) tfe.runtime()).setTransportDecorator(t -> new Transport() {
          public String self() { return t.self(); }
          public void send(String p, byte[] m) { max.accumulateAndGet(m.length, Math::max); total.addAndGet(m.length); count.incrementAndGet(); t.send(p, m); }
          public byte[] receive(String p, Duration d) { return t.receive(p, d); }
          public void close() { t.close(); }
        });
        Party owner = tfe.party("model-owner");
        Party client = tfe.party("prediction-client");
        PrivateModel pm = tfe.privateModel(model, owner, tfe.secureNn());
        int[] shape = new int[example.length + 1];
        shape[0] = batch;
        System.arraycopy(example, 0, shape, 1, example.length);
        INDArray x = TestData.uniform(new Random(batch), 1, shape);
        long t0 = System.nanoTime();
        pm.predict(client, x, batch);
        System.out.println("MEASURE net " + net + " batch " + batch + ": max message " + max.get() + " bytes, " + count.get()
            + " messages, total " + total.get() + " bytes, " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      }
    }
  }
}
