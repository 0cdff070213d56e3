package dev.tfe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.testing.TestTfe;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs one program under a protocol and under the plaintext reference protocol, in the same
 * run, and compares the revealed results with an explicit tolerance (CrypTen's {@code _check}
 * idea: every conformance test states how far a secure result may be from the oracle).
 */
public final class Agreement {
  /** A computation written once against the protocol interface. */
  @FunctionalInterface
  public interface Program {
    Tensor build(Protocol p, Tensor[] in);
  }

  /** Whether an input is private (secret-shared by the client) or public. */
  public enum Input {
    PRIVATE,
    PUBLIC
  }

  /** Both results, decoded, and the run's result. */
  public record Outcome(double[] secure, double[] plain, RunResult run, Output secureOut) {}

  private Agreement() {}

  /** Builds {@code program} in both protocols on the given inputs (all private). */
  public static Outcome run(ProtocolCase pc, Program program, INDArray... values) {
    Input[] kinds = new Input[values.length];
    Arrays.fill(kinds, Input.PRIVATE);
    return run(pc, program, kinds, values);
  }

  public static Outcome run(ProtocolCase pc, Program program, Input[] kinds, INDArray... values) {
    try (Tfe tfe = TestTfe.create()) {
      Party client = tfe.party("client");
      Protocol p = pc.factory().apply(tfe);
      Protocol plain = tfe.plain();
      Tensor[] a = new Tensor[values.length];
      Tensor[] b = new Tensor[values.length];
      for (int i = 0; i < values.length; i++) {
        if (kinds[i] == Input.PRIVATE) {
          a[i] = tfe.definePrivateInput(p, client, values[i]);
          b[i] = tfe.definePrivateInput(plain, client, values[i]);
        } else {
          a[i] = tfe.definePublicInput(p, client, values[i]);
          b[i] = tfe.definePublicInput(plain, client, values[i]);
        }
      }
      Output oa = tfe.defineOutput(p, client, program.build(p, a));
      Output ob = tfe.defineOutput(plain, client, program.build(plain, b));
      RunResult r = tfe.run(oa, ob);
      return new Outcome(r.values(oa), r.values(ob), r, oa);
    }
  }

  /** Asserts element-wise {@code |secure - plain| <= tol} and returns the outcome. */
  public static Outcome check(ProtocolCase pc, double tol, Program program, INDArray... values) {
    Outcome o = run(pc, program, values);
    assertClose(o.secure(), o.plain(), tol, pc.name());
    return o;
  }

  public static void assertClose(double[] actual, double[] expected, double tol, String what) {
    assertEquals(expected.length, actual.length, what + ": sizes differ");
    for (int i = 0; i < actual.length; i++) {
      if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
        fail(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i] + " within " + tol
            + " (difference " + Math.abs(actual[i] - expected[i]) + ")");
      }
    }
  }
}
