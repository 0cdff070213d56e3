package dev.tfe.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Data sets from tabular data, read with Tablesaw: a CSV file or a {@link Table} becomes a
 * {@link Dataset} whose features are every numeric (or boolean) column except the label or target
 * columns, in table order, as {@code [N, F]} doubles.
 *
 * <p>Classification labels ({@link #fromCsv}, {@link #fromTable}): a numeric column of
 * non-negative integers is used as class indices as is; any other column (text, booleans) has its
 * distinct values sorted and numbered, the values becoming the class names. Regression targets
 * ({@link #regressionFromCsv}, {@link #regressionFromTable}) are numeric columns.
 *
 * <p>Missing values and text feature columns are errors naming the column (and the row): encode or
 * drop them with Tablesaw first. Features are not rescaled.
 */
public final class Datasets {
  private Datasets() {}

  /** A classification data set from a CSV file with a header row; {@code labelColumn} holds the classes. */
  public static Dataset fromCsv(Path csv, String labelColumn) throws IOException {
    return fromTable(readCsv(csv), labelColumn);
  }

  /** A classification data set from a table; {@code labelColumn} holds the classes. */
  public static Dataset fromTable(Table table, String labelColumn) {
    Column<?> label = column(table, labelColumn);
    double[][] features = features(table, List.of(labelColumn));
    int n = table.rowCount();
    int[] classes = new int[n];
    if (label instanceof NumericColumn<?> numeric && integral(numeric)) {
      for (int i = 0; i < n; i++) {
        classes[i] = (int) numeric.getDouble(i);
      }
      return Dataset.classification(matrix(features, n), classes, Arrays.stream(classes).max().orElse(-1) + 1);
    }
    TreeSet<String> distinct = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      requirePresent(table, label, i);
      distinct.add(label.getString(i));
    }
    List<String> names = new ArrayList<>(distinct);
    for (int i = 0; i < n; i++) {
      classes[i] = names.indexOf(label.getString(i));
    }
    return Dataset.classification(matrix(features, n), classes, names);
  }

  /** A regression data set from a CSV file with a header row, targets {@code [N, T]} from these columns. */
  public static Dataset regressionFromCsv(Path csv, String... targetColumns) throws IOException {
    return regressionFromTable(readCsv(csv), targetColumns);
  }

  /** A regression data set from a table, targets {@code [N, T]} from these numeric columns. */
  public static Dataset regressionFromTable(Table table, String... targetColumns) {
    if (targetColumns.length == 0) {
      throw new IllegalArgumentException("name at least one target column");
    }
    int n = table.rowCount();
    double[] targets = new double[n * targetColumns.length];
    for (int t = 0; t < targetColumns.length; t++) {
      Column<?> c = column(table, targetColumns[t]);
      if (!(c instanceof NumericColumn<?> numeric)) {
        throw new IllegalArgumentException("target column '" + targetColumns[t] + "' of " + table.name() + " is "
            + c.type().name() + ", not numeric");
      }
      for (int i = 0; i < n; i++) {
        requirePresent(table, c, i);
        targets[i * targetColumns.length + t] = numeric.getDouble(i);
      }
    }
    double[][] features = features(table, List.of(targetColumns));
    return Dataset.regression(matrix(features, n),
        Nd4j.create(targets, new long[] {n, targetColumns.length}, DataType.DOUBLE));
  }

  private static Table readCsv(Path csv) throws IOException {
    if (!Files.isRegularFile(csv)) {
      throw new NoSuchFileException(csv.toString(), null, "no such CSV file");
    }
    try {
      return Table.read().csv(csv.toFile());
    } catch (RuntimeException e) {
      throw new IOException(csv + ": cannot be read as CSV: " + e.getMessage(), e);
    }
  }

  private static Column<?> column(Table table, String name) {
    for (Column<?> c : table.columns()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no column '" + name + "' in " + table.name() + "; its columns are " + table.columnNames());
  }

  /** Feature columns (all but {@code excluded}) as one double array per column. */
  private static double[][] features(Table table, List<String> excluded) {
    List<double[]> columns = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      if (excluded.contains(c.name())) {
        continue;
      }
      double[] v = new double[table.rowCount()];
      for (int i = 0; i < v.length; i++) {
        requirePresent(table, c, i);
        if (c instanceof NumericColumn<?> numeric) {
          v[i] = numeric.getDouble(i);
        } else if (c instanceof BooleanColumn b) {
          v[i] = b.get(i) ? 1 : 0;
        } else {
          throw new IllegalArgumentException("feature column '" + c.name() + "' of " + table.name() + " is "
              + c.type().name() + "; features must be numeric or boolean (encode or remove it first)");
        }
      }
      columns.add(v);
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(table.name() + " has no feature columns besides " + excluded);
    }
    return columns.toArray(new double[0][]);
  }

  private static void requirePresent(Table table, Column<?> c, int row) {
    if (c.isMissing(row)) {
      throw new IllegalArgumentException("column '" + c.name() + "' of " + table.name() + " has a missing value in row "
          + (row + 1) + " (data rows counted from 1)");
    }
  }

  private static boolean integral(NumericColumn<?> c) {
    for (int i = 0; i < c.size(); i++) {
      if (c.isMissing(i)) {
        throw new IllegalArgumentException("label column '" + c.name() + "' has a missing value in row " + (i + 1));
      }
      double v = c.getDouble(i);
      if (v < 0 || v != Math.rint(v)) {
        return false;
      }
    }
    return true;
  }

  private static org.nd4j.linalg.api.ndarray.INDArray matrix(double[][] columns, int n) {
    int f = columns.length;
    double[] data = new double[n * f];
    for (int j = 0; j < f; j++) {
      for (int i = 0; i < n; i++) {
        data[i * f + j] = columns[j][i];
      }
    }
    return Nd4j.create(data, new long[] {n, f}, DataType.DOUBLE);
  }
}
