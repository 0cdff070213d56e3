package dev.tfe.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.pond.Pond;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInputsTest {
  @TempDir
  Path dir;

  @Test
  void theOwnerReadsItsInputFromAFile() throws Exception {
    Path f = dir.resolve("x.csv");
    Files.writeString(f, "# two rows\n1.5, -2\n0.25 3\n");
    try (Tfe tfe = Tfe.local()) {
      Pond pond = tfe.pond();
      var x = tfe.definePrivateInputFromFile(pond, tfe.party("owner"), f.toString(), 2, 2);
      Output out = tfe.defineOutput(pond, tfe.party("client"), pond.add(x, x));
      assertArrayEquals(new double[] {3, -4, 0.5, 6}, tfe.run(out).values(out), 0);
    }
  }

  @Test
  void aWrongCountOrAMissingFileIsAClearError() throws Exception {
    Path f = dir.resolve("short.txt");
    Files.writeString(f, "1 2 3");
    try (Tfe tfe = Tfe.local()) {
      Pond pond = tfe.pond();
      var x = tfe.definePrivateInputFromFile(pond, tfe.party("owner"), f.toString(), 2, 2);
      Output out = tfe.defineOutput(pond, tfe.party("client"), x);
      RunFailedException e = assertThrows(RunFailedException.class, () -> tfe.run(out));
      assertTrue(e.getMessage().contains("holds 3 values"), e.getMessage());
    }
    try (Tfe tfe = Tfe.local()) {
      Pond pond = tfe.pond();
      var x = tfe.definePrivateInputFromFile(pond, tfe.party("owner"), dir.resolve("nope").toString(), 1);
      Output out = tfe.defineOutput(pond, tfe.party("client"), x);
      RunFailedException e = assertThrows(RunFailedException.class, () -> tfe.run(out));
      assertTrue(e.getMessage().contains("owner cannot read its input file"), e.getMessage());
    }
  }
}
