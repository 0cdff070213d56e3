package dev.tfe.model.onnx;

import java.util.Arrays;

/**
 * An ONNX {@code Pad} of images with zeros. PyTorch emits one for {@code F.pad} and before
 * average pooling; padding nothing is an identity, and zero padding of the height and width
 * becomes part of the Conv that must follow it (whose pads then must equal TensorFlow's SAME).
 */
final class PadOp {
  private PadOp() {}

  static void apply(Importer im, Node n) {
    String mode = n.s("mode", "constant");
    if (!mode.equals("constant")) {
      throw n.refuse("mode '" + mode + "' is not supported; only padding with zeros (mode 'constant')");
    }
    long[] pads;
    double value;
    if (im.opset >= 11) {
      pads = constant(im, n, 1, "pads").longs();
      Const v = n.input(2).isEmpty() ? null : constant(im, n, 2, "constant_value");
      value = v == null ? 0 : v.data[0];
    } else {
      pads = n.ints("pads");
      value = n.f("value", 0);
    }
    if (value != 0) {
      throw n.refuse("it pads with " + value + "; only padding with zeros is supported");
    }
    if (Arrays.stream(pads).allMatch(p -> p == 0)) {
      im.advance(n.output(), im.shape, im.flatPerm);
      return;
    }
    if (im.shape.length != 3 || pads.length != 8 || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0
        || Arrays.stream(pads).anyMatch(p -> p < 0)) {
      throw n.refuse("pads " + Arrays.toString(pads) + " are not supported; only non-negative zero padding of the "
          + "height and width of [N, C, H, W] images, before a Conv");
    }
    long[] add = {pads[2], pads[3], pads[6], pads[7]};
    if (im.pendingPads != null) {
      for (int i = 0; i < 4; i++) {
        add[i] += im.pendingPads[i];
      }
    }
    im.pendingPads = add;
    im.pendingPadNode = n.name;
    im.advance(n.output(), im.shape, null);
  }

  private static Const constant(Importer im, Node n, int k, String what) {
    Const c = im.constants.get(n.input(k));
    if (c == null) {
      throw n.refuse("its " + what + " (input " + k + ") must be a constant, got '" + n.input(k) + "'");
    }
    return c;
  }
}
