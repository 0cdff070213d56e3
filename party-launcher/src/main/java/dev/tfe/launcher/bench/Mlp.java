package dev.tfe.launcher.bench;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A private-prediction workload: the multilayer perceptron of the SecureNN paper's network A
 * (784-128-128-10), its weights private variables of a model owner (masked once and reused), the
 * input a private input of a prediction client, who alone learns the logits. The activations
 * are exact ReLUs where the protocol has comparisons (SecureNN), else the cubic
 * {@code polynomialSigmoid} (a timing workload on random weights: Pond has no sigmoid accurate
 * over the whole range, and the cubic costs what Pond's sigmoid always cost).
 */
public final class Mlp {
  /** The layer widths. */
  public static final int[] SIZES = {784, 128, 128, 10};

  private final Output output;
  private final String inputKey = "images";
  private final Party client;

  private Mlp(Output output, Party client) {
    this.output = output;
    this.client = client;
  }

  /** Builds the network in {@code tfe} under {@code protocol} for batches of {@code batch} rows. */
  public static Mlp build(Tfe tfe, Protocol protocol, int batch, long seed) {
    Random rnd = new Random(seed);
    Party owner = tfe.party("model-owner");
    Party client = tfe.party("prediction-client");
    Tensor h = tfe.definePrivateInput(protocol, client, "images", batch, SIZES[0]);
    for (int l = 0; l + 1 < SIZES.length; l++) {
      INDArray w = uniform(rnd, 1 / Math.sqrt(SIZES[l]), SIZES[l], SIZES[l + 1]);
      INDArray b = uniform(rnd, 0.1, SIZES[l + 1]);
      Tensor wt = protocol.mask(tfe.definePrivateVariable(protocol, owner, w));
      h = protocol.add(protocol.matmul(h, wt), tfe.definePrivateVariable(protocol, owner, b));
      if (l + 2 < SIZES.length) {
        h = protocol.supportsComparisons() ? protocol.relu(h) : protocol.polynomialSigmoid(h);
      }
    }
    return new Mlp(tfe.defineOutput(protocol, client, h), client);
  }

  /** Runs one prediction of {@code images} (batch x 784) and returns the client's logits. */
  public double[] predict(Tfe tfe, INDArray images) {
    return tfe.run(java.util.Map.of(client, java.util.Map.of(inputKey, images)), output).values(output);
  }

  public Output output() {
    return output;
  }

  /** Pixel-like inputs in [0, 1]. */
  public static INDArray images(int batch, long seed) {
    Random rnd = new Random(seed);
    double[] v = new double[batch * SIZES[0]];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextDouble();
    }
    return Nd4j.create(v, new long[] {batch, SIZES[0]}, DataType.DOUBLE);
  }

  private static INDArray uniform(Random rnd, double bound, int... shape) {
    long n = 1;
    long[] ls = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      n *= shape[i];
      ls[i] = shape[i];
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (rnd.nextDouble() * 2 - 1) * bound;
    }
    return Nd4j.create(v, ls, DataType.DOUBLE);
  }
}
