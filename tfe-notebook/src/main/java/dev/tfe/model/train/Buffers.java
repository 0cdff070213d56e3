package dev.tfe.model.train;

import java.nio.DoubleBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Direct access to the memory of a parameter or gradient, which are contiguous row-major {@code DOUBLE} arrays. */
final class Buffers {
  private Buffers() {}

  static DoubleBuffer of(INDArray a) {
    if (a.dataType() != DataType.DOUBLE || a.isView() || a.ordering() != 'c' || a.data().length() != a.length()) {
      throw new IllegalStateException("an optimiser needs contiguous DOUBLE parameters, got " + a.shapeInfoToString());
    }
    return a.data().asNioDouble();
  }
}
