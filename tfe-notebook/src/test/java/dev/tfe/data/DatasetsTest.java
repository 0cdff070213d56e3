package dev.tfe.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @TempDir
  Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(DatasetsTest.class.getResource("/dev/tfe/data/" + name).toURI());
  }

  @Test
  void csvWithTextLabels() throws Exception {
    Dataset d = Datasets.fromCsv(resource("flowers.csv"), "species");
    assertEquals(6, d.size());
    assertArrayEquals(new int[] {4}, d.exampleShape());
    assertEquals(java.util.List.of("setosa", "versicolor", "virginica"), d.classNames());
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, d.classes());
    assertEquals(4.7, d.features().getDouble(2, 2), 1e-12);
    assertEquals(3.0, d.features().getDouble(1, 1), 1e-12);
  }

  @Test
  void csvWithIntegerLabelsBooleansAndRegressionTargets() throws Exception {
    Dataset c = Datasets.fromCsv(resource("houses.csv"), "label");
    assertArrayEquals(new int[] {1, 2, 0}, c.classes());
    assertEquals(3, c.numClasses());
    assertArrayEquals(new double[] {4, 95.0, 0, 280.5}, c.features(1, 2).dup().data().asDouble(), 1e-12);

    Dataset r = Datasets.regressionFromCsv(resource("houses.csv"), "price");
    assertTrue(!r.isClassification());
    assertArrayEquals(new long[] {3, 1}, r.labels().shape());
    assertEquals(280.5, r.labels().getDouble(1, 0), 1e-12);
    assertArrayEquals(new int[] {4}, r.exampleShape(), "rooms, area, has_garden, label");
  }

  @Test
  void clearErrors() throws IOException {
    Path text = dir.resolve("text.csv");
    Files.writeString(text, "name,x,y\nann,1,0\nbob,2,1\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.fromCsv(text, "y"));
    assertTrue(e.getMessage().contains("feature column 'name'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Datasets.fromCsv(text, "z"));
    assertTrue(e.getMessage().contains("no column 'z'") && e.getMessage().contains("[name, x, y]"), e.getMessage());
    Path missing = dir.resolve("missing.csv");
    Files.writeString(missing, "x,y\n1,0\n,1\n3,0\n");
    e = assertThrows(IllegalArgumentException.class, () -> Datasets.fromCsv(missing, "y"));
    assertTrue(e.getMessage().contains("column 'x'") && e.getMessage().contains("row 2"), e.getMessage());
    assertThrows(java.nio.file.NoSuchFileException.class, () -> Datasets.fromCsv(dir.resolve("none.csv"), "y"));
  }
}
