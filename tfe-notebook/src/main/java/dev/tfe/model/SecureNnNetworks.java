package dev.tfe.model;

import static dev.tfe.model.Layers.conv2d;
import static dev.tfe.model.Layers.dense;
import static dev.tfe.model.Layers.flatten;
import static dev.tfe.model.Layers.maxPool2d;
import static dev.tfe.model.Layers.relu;

import dev.tfe.model.layers.Padding;
import java.util.List;

/**
 * The four MNIST networks of the SecureNN paper (Wagh, Gupta and Chandran, PoPETs 2019, section
 * 5; also tf-encrypted's {@code examples/models/network_{a,b,c,d}.py}), uninitialised:
 *
 * <ul>
 *   <li>A: Dense 128, ReLU, Dense 128, ReLU, Dense 10 on {@code [N, 784]};
 *   <li>B: Conv 16@5x5, MaxPool 2, ReLU, Conv 16@5x5, MaxPool 2, ReLU, Flatten, Dense 100, ReLU, Dense 10;
 *   <li>C: Conv 20@5x5, MaxPool 2, ReLU, Conv 50@5x5, MaxPool 2, ReLU, Flatten, Dense 500, ReLU, Dense 10;
 *   <li>D: Conv 5@5x5 stride 2 SAME, ReLU, Flatten, Dense 100, ReLU, Dense 10.
 * </ul>
 *
 * B to D take NHWC images {@code [N, 28, 28, 1]}; convolutions are VALID unless said otherwise.
 */
public final class SecureNnNetworks {
  /** The names of the networks, in the paper's order. */
  public static final List<String> NAMES = List.of("A", "B", "C", "D");

  private SecureNnNetworks() {}

  /**
   * The network called {@code name} ("A" to "D").
   *
   * @throws IllegalArgumentException for another name, listing the valid ones
   */
  public static Sequential network(String name) {
    return switch (name) {
      case "A" -> Sequential.of(dense(784, 128), relu(), dense(128, 128), relu(), dense(128, 10));
      case "B" -> Sequential.of(conv2d(1, 16, 5), maxPool2d(2), relu(), conv2d(16, 16, 5), maxPool2d(2), relu(),
          flatten(), dense(4 * 4 * 16, 100), relu(), dense(100, 10));
      case "C" -> Sequential.of(conv2d(1, 20, 5), maxPool2d(2), relu(), conv2d(20, 50, 5), maxPool2d(2), relu(),
          flatten(), dense(4 * 4 * 50, 500), relu(), dense(500, 10));
      case "D" -> Sequential.of(conv2d(1, 5, 5, 2, Padding.SAME), relu(), flatten(), dense(14 * 14 * 5, 100), relu(),
          dense(100, 10));
      default -> throw new IllegalArgumentException("unknown network " + name + "; choose among " + NAMES);
    };
  }

  /** The shape of one example of network {@code name}: {@code [784]} for A, {@code [28, 28, 1]} for the others. */
  public static int[] exampleShape(String name) {
    network(name); // checks the name
    return name.equals("A") ? new int[] {784} : new int[] {28, 28, 1};
  }
}
