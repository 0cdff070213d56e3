package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tfe.api.Output;
import dev.tfe.api.Party;
import dev.tfe.api.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.pond.Pond;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SmokeTest {
  @Test
  void pondMatmul() {
    try (Tfe tfe = Tfe.local()) {
      Party client = tfe.party("client");
      Pond pond = tfe.pond();
      var xv = Nd4j.create(new double[][] {{1, 2}, {3, -4}});
      var wv = Nd4j.create(new double[][] {{0.5, 1}, {-1.5, 2}});
      Tensor x = tfe.definePrivateInput(pond, client, xv);
      Tensor w = tfe.definePrivateVariable(pond, tfe.party("owner"), wv);
      Output o = tfe.defineOutput(pond, client, pond.matmul(x, pond.mask(w)));
      Output o2 = tfe.defineOutput(pond, client, pond.mul(x, x));
      RunResult r = tfe.run(o, o2);
      System.out.println(r.get(o) + "\n" + r.get(o2) + "\n" + r.profile());
      assertArrayEquals(xv.mmul(wv).data().asDouble(), r.values(o), 1e-4);
      r = tfe.run(o);
      System.out.println(r.profile());
    }
  }
}
