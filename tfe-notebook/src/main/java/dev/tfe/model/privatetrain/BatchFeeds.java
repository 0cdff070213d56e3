package dev.tfe.model.privatetrain;

import dev.tfe.program.Party;
import dev.tfe.data.Dataset;
import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.ring.RingTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each data owner feeds for one batch: its own rows at their positions in the batch, zeros
 * elsewhere, features and targets encoded in fixed point. Row {@code r} of the pooled order is row
 * {@code r - offset} of the owner whose block of rows contains it (owners in the given order).
 */
final class BatchFeeds {
  private final List<Party> parties = new ArrayList<>();
  private final List<double[]> features = new ArrayList<>();
  private final List<double[]> targets = new ArrayList<>();
  private final int[] offsets;
  private final int width;
  private final int outputs;
  private final FixedPoint fp;

  BatchFeeds(List<DataOwner> owners, int outputs, FixedPoint fp) {
    this.outputs = outputs;
    this.fp = fp;
    this.offsets = new int[owners.size() + 1];
    int w = -1;
    for (int i = 0; i < owners.size(); i++) {
      Dataset d = owners.get(i).rows();
      parties.add(owners.get(i).party());
      double[] f = d.features().data().asDouble();
      int rowWidth = f.length / d.size();
      if (w >= 0 && rowWidth != w) {
        throw new IllegalArgumentException("the data owners' examples differ in size: " + owners.get(i) + " has "
            + rowWidth + " values per example, the first owner " + w);
      }
      w = rowWidth;
      features.add(f);
      targets.add(targetsOf(d, outputs));
      offsets[i + 1] = offsets[i] + d.size();
    }
    this.width = w;
  }

  /** Targets as rows of {@code outputs}: one-hot classes, a 0/1 class for one output, or the regression values. */
  static double[] targetsOf(Dataset d, int outputs) {
    if (!d.isClassification()) {
      double[] t = d.labels().data().asDouble();
      if (t.length != d.size() * outputs) {
        throw new IllegalArgumentException("the targets have " + t.length / d.size() + " values per example but the model "
            + "outputs " + outputs);
      }
      return t;
    }
    int[] c = d.classes();
    double[] t = new double[c.length * outputs];
    for (int i = 0; i < c.length; i++) {
      if (outputs == 1) {
        t[i] = c[i];
      } else {
        t[i * outputs + c[i]] = 1;
      }
    }
    return t;
  }

  int size() {
    return offsets[offsets.length - 1];
  }

  /** The feeds of the batch of pooled rows {@code rows}, for the keys of {@code step}. */
  Map<String, Map<String, RingTensor>> feeds(int[] rows, StepGraph step, int[] example) {
    int b = rows.length;
    Map<String, Map<String, RingTensor>> all = new HashMap<>();
    for (int o = 0; o < parties.size(); o++) {
      double[] x = new double[b * width];
      double[] y = new double[b * outputs];
      for (int i = 0; i < b; i++) {
        int r = rows[i];
        if (r >= offsets[o] && r < offsets[o + 1]) {
          int local = r - offsets[o];
          System.arraycopy(features.get(o), local * width, x, i * width, width);
          System.arraycopy(targets.get(o), local * outputs, y, i * outputs, outputs);
        }
      }
      Party p = parties.get(o);
      String[] k = step.keys().get(p);
      int[] xs = new int[example.length + 1];
      xs[0] = b;
      System.arraycopy(example, 0, xs, 1, example.length);
      all.put(p.name(), Map.of(k[0], fp.encode(x, xs, "training rows of " + p.name()),
          k[1], fp.encode(y, new int[] {b, outputs}, "training targets of " + p.name())));
    }
    return all;
  }
}
