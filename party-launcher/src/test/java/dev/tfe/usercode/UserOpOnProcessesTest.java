package dev.tfe.usercode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.launcher.Cluster;
import dev.tfe.launcher.LaunchOptions;
import dev.tfe.launcher.code.CodeKey;
import dev.tfe.protocol.Tensor;
import dev.tfe.runtime.RunFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A protocol module written outside the library, with an op module of its own
 * ({@link UserProtocolModuleTest.SquarePondModule}), on party processes (issue 12, item 5): the
 * processes the session's launcher started receive its classes and run it; with a seal made with
 * another key (a tampered or foreign sender) the parties refuse; parties not started to accept
 * code from their launcher refuse, and the run fails naming the module and what to do.
 */
@Tag("processes")
@Timeout(180)
class UserOpOnProcessesTest {
  private static final double[] VALUES = {-6.5, -1.25, 0, 0.75, 3, 11.5};

  @AfterEach
  void noProcessLeft() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)) {
      if (System.currentTimeMillis() > deadline) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        fail("party processes left behind");
      }
      Thread.sleep(50);
    }
  }

  /** Private and public squares under the user's protocol, and the plaintext protocol's, in one run. */
  private static RunResult squares(Tfe tfe, Output[] outs) {
    UserProtocolModuleTest.SquarePond p = tfe.use(new UserProtocolModuleTest.SquarePondModule());
    Party client = tfe.party("client");
    outs[0] = tfe.defineOutput(p, client, p.square(tfe.definePrivateInput(p, client, Nd4j.createFromArray(VALUES))));
    outs[1] = tfe.defineOutput(p, client, p.square(tfe.definePublicInput(p, client, Nd4j.createFromArray(VALUES))));
    Tensor plain = tfe.plain().square(tfe.definePrivateInput(tfe.plain(), client, Nd4j.createFromArray(VALUES)));
    outs[2] = tfe.defineOutput(tfe.plain(), client, plain);
    return tfe.run(outs);
  }

  @Test
  void theLauncherSendsTheModuleToItsOwnPartiesAndNoOtherSealCounts() {
    try (Cluster cluster = Cluster.launchLocal()) {
      try (Tfe tfe = Tfe.local()) {
        tfe.useRuntime(cluster.newRuntime());
        Output[] o = new Output[3];
        RunResult r = squares(tfe, o);
        assertEquals("processes", r.profile().runtime());
        double ulp = 1.0 / tfe.fixedPoint().config().scale();
        for (int i = 0; i < VALUES.length; i++) {
          assertEquals(r.values(o[2])[i], r.values(o[0])[i], 2 * ulp, "private square of " + VALUES[i]);
          assertEquals(r.values(o[2])[i], r.values(o[1])[i], 2 * ulp, "public square (the module's op) of " + VALUES[i]);
        }
        RunResult again = tfe.run(o);
        assertEquals(r.values(o[1])[2], again.values(o[1])[2], 2 * ulp, "the module is sent once, then kept");
      }
      cluster.coordinator().shipCodeWith(CodeKey.random()); // not the key the parties were started with
      try (Tfe tfe = Tfe.local()) {
        tfe.useRuntime(cluster.newRuntime());
        RunFailedException e = assertThrows(RunFailedException.class, () -> squares(tfe, new Output[3]));
        assertTrue(e.getMessage().contains("refused the code of op module 'usercode'")
            && e.getMessage().contains("seal does not verify"), e.getMessage());
      }
    }
  }

  @Test
  void partiesNotStartedToAcceptCodeRefuseItAndSaySo() {
    try (Cluster cluster = Cluster.launchLocal(LaunchOptions.defaults().acceptCode(false))) {
      try (Tfe tfe = Tfe.local()) {
        tfe.useRuntime(cluster.newRuntime());
        RunFailedException e = assertThrows(RunFailedException.class, () -> squares(tfe, new Output[3]));
        assertTrue(e.getMessage().contains("op module 'usercode'")
            && e.getMessage().contains("start the party with a build that contains it"), e.getMessage());
      }
      cluster.coordinator().shipCodeWith(CodeKey.random()); // a coordinator that offers code anyway
      try (Tfe tfe = Tfe.local()) {
        tfe.useRuntime(cluster.newRuntime());
        RunFailedException e = assertThrows(RunFailedException.class, () -> squares(tfe, new Output[3]));
        assertTrue(e.getMessage().contains("refused the code of op module 'usercode'")
            && e.getMessage().contains("loads no code from the network"), e.getMessage());
      }
    }
  }
}
