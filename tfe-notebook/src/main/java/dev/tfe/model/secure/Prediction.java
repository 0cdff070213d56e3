package dev.tfe.model.secure;

import dev.tfe.model.Sequential;
import dev.tfe.profile.Profile;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The client's view of a private prediction: the revealed logits, the predicted classes (and
 * probabilities, when the model ends in a softmax, computed by the client), the profile of the
 * runs, and, on request, the agreement with the plaintext model on the same inputs.
 */
public final class Prediction {
  private final INDArray inputs;
  private final INDArray logits;
  private final boolean softmax;
  private final Profile profile;
  private final long wallNanos;
  private final Sequential model;
  private final String protocol;
  private volatile Agreement agreement;

  Prediction(INDArray inputs, INDArray logits, boolean softmax, Profile profile, long wallNanos, Sequential model, String protocol) {
    this.inputs = inputs;
    this.logits = logits;
    this.softmax = softmax;
    this.profile = profile;
    this.wallNanos = wallNanos;
    this.model = model;
    this.protocol = protocol;
  }

  /** The logits revealed to the client, {@code [N, classes]}. */
  public INDArray logits() {
    return logits;
  }

  /** Softmax of the logits if the model ends in one, else the logits. */
  public INDArray outputs() {
    return softmax ? Transforms.softmax(logits, true) : logits;
  }

  /** The predicted class of each example, by the plaintext model's rule (arg-max; a single output above 0.5). */
  public int[] classes() {
    return Sequential.classesOf(outputs());
  }

  public Profile profile() {
    return profile;
  }

  public double millis() {
    return wallNanos / 1e6;
  }

  /** The protocol that computed it. */
  public String protocol() {
    return protocol;
  }

  /**
   * The agreement computed by an earlier {@link #compareWithPlaintext()}, if any (so that a
   * summary can show it without running the plaintext model again).
   */
  public java.util.Optional<Agreement> agreementIfComputed() {
    return java.util.Optional.ofNullable(agreement);
  }

  /** How often the private classes equal the plaintext model's on the same inputs. */
  public Agreement compareWithPlaintext() {
    Agreement a = computeAgreement();
    agreement = a;
    return a;
  }

  private Agreement computeAgreement() {
    int[] plain = model.predictClasses(inputs);
    int[] mine = classes();
    int same = 0;
    for (int i = 0; i < mine.length; i++) {
      same += plain[i] == mine[i] ? 1 : 0;
    }
    // logits against logits: with a final Softmax the client applies it after the reveal
    double maxDiff = model.logits(inputs).castTo(logits.dataType()).sub(logits).amax().getDouble(0);
    return new Agreement(same, mine.length, maxDiff);
  }

  /** Accuracy against labels given as class indices. */
  public double accuracy(int[] labels) {
    int[] mine = classes();
    if (labels.length != mine.length) {
      throw new IllegalArgumentException("accuracy: " + labels.length + " labels for " + mine.length + " predictions");
    }
    int ok = 0;
    for (int i = 0; i < mine.length; i++) {
      ok += mine[i] == labels[i] ? 1 : 0;
    }
    return (double) ok / mine.length;
  }

  /**
   * Agreement of private and plaintext predictions.
   *
   * @param same examples whose classes agree
   * @param total examples
   * @param maxLogitDifference the largest absolute difference of a logit
   */
  public record Agreement(int same, int total, double maxLogitDifference) {
    public double fraction() {
      return total == 0 ? 1 : (double) same / total;
    }

    @Override
    public String toString() {
      return String.format("%d of %d agree (%.2f%%), largest logit difference %.2e", same, total, 100 * fraction(), maxLogitDifference);
    }
  }

  @Override
  public String toString() {
    return String.format("Prediction of %d examples with %s in %.1f ms, %s sent, %d rounds per batch",
        logits.size(0), protocol, millis(), Profile.bytes(profile.totalBytesSent()), profile.rounds());
  }
}
