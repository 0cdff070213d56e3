package dev.tfe.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tfe.fixedpoint.FixedPointOverflowException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A protocol op written in notebook cells (issue 12, item 5), through the kernel's own JShell:
 * an op module whose classes exist only in JShell's loader, checked against the plaintext
 * protocol in-process, then on party processes launched by the session (which receive the
 * cell's classes from their launcher); the cell run again with another definition replaces the
 * op on the processes too; another module claiming the op is refused. The cells are those of
 * {@code notebooks/protocols.ipynb}'s section on one's own op.
 */
@Tag("processes")
@Timeout(240)
class CellOpOnProcessesTest {

    static final String IMPORTS = """
            import dev.tfe.graph.Attrs;
            import dev.tfe.graph.NodeRef;
            import dev.tfe.graph.Ops;
            import dev.tfe.protocol.pond.Pond;
            import dev.tfe.protocol.share.AdditivePrivateTensor;
            import dev.tfe.protocol.share.Dealer;
            import dev.tfe.protocol.share.Dealt;
            import dev.tfe.protocol.share.Pair;
            import dev.tfe.protocol.share.SeededDealer;
            import dev.tfe.ring.RingTensor;
            import dev.tfe.runtime.Kernels;
            import dev.tfe.runtime.OpModule;
            """;

    /** The op module, its node, and the private square built on it. */
    static final String DEFINE = """
            class SquareStep implements OpModule {
                public String id() { return "mysquare"; }
                public void registerInto(Kernels k) {
                    k.register("mysquare.step", (node, in, party) -> {
                        RingTensor e = in[0], a = in[1], aa = in[2];
                        RingTensor share = e.mul(a).add(e.mul(a)).add(aa);
                        return node.attrs().getLong("first") == 1 ? share.add(e.mul(e)) : share;
                    });
                }
            }

            NodeRef step(Ops ops, NodeRef e, NodeRef a, NodeRef aa, long first) {
                return ops.graph().add("mysquare.step", e.party(), Attrs.of("first", first), e.shape(), 8, e, a, aa);
            }

            Tensor privateSquare(Pond pond, Tensor x) {
                Ops ops = pond.ops();
                Parties s = pond.parties();
                AdditivePrivateTensor xs = (AdditivePrivateTensor) x;
                Dealer dealer = SeededDealer.seedOneServer(ops, s);
                Dealt a = dealer.random(x.shape());
                Pair aa = dealer.share(ops.mul(a.value(), a.value()));
                NodeRef e0 = ops.sub(xs.share0(), a.shares().on0());
                NodeRef e1 = ops.sub(xs.share1(), a.shares().on1());
                NodeRef eOn0 = ops.add(e0, ops.move(e1, s.server0()));
                NodeRef eOn1 = ops.add(ops.move(e0, s.server1()), e1);
                return pond.truncate(new AdditivePrivateTensor(step(ops, eOn0, a.shares().on0(), aa.on0(), 1),
                        step(ops, eOn1, a.shares().on1(), aa.on1(), 0)));
            }
            """;

    static final String SESSION = """
            var lab = Tfe.local();
            lab.session().kernels().install(new SquareStep());
            var labPond = lab.pond();
            Party carol = lab.party("carol");
            var xs = Nd4j.createFromArray(new double[][] {{-3.25, -1.0, 0.5, 2.0, 7.75}});
            Output mine = lab.defineOutput(labPond, carol, privateSquare(labPond, lab.definePrivateInput(labPond, carol, xs)));
            Output oracle = lab.defineOutput(lab.plain(), carol,
                    lab.plain().square(lab.definePrivateInput(lab.plain(), carol, xs)));

            String agreement(RunResult r) {
                double[] got = r.values(mine), want = r.values(oracle);
                int same = 0;
                for (int i = 0; i < got.length; i++) {
                    if (Math.abs(got[i] - want[i]) <= 2.0 / 65536) same++;
                }
                return String.format("my square agrees with plaintext on %d of %d values (%s)", same, got.length,
                        r.profile().runtime());
            }
            """;

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

    @Test
    void anOpWrittenInACellRunsInProcessThenOnProcessesAndARedefinitionReplacesIt() throws Exception {
        try (CellEvaluator cells = CellEvaluator.create()) {
            cells.eval(IMPORTS);
            cells.eval(DEFINE);
            cells.eval(SESSION);
            assertEquals("my square agrees with plaintext on 5 of 5 values (in-process)",
                    cells.eval("agreement(lab.run(mine, oracle))").orElseThrow());
            try {
                cells.eval("lab.launchLocal();");
                assertEquals("my square agrees with plaintext on 5 of 5 values (processes)",
                        cells.eval("agreement(lab.run(mine, oracle))").orElseThrow());

                // the cell run again, edited: this definition forgets e^2 (e = x - a is uniform in
                // the ring), and the processes run it: x^2 - e^2 is far outside the fixed-point range
                cells.eval(DEFINE.replace("share.add(e.mul(e))", "share"));
                cells.eval("lab.session().kernels().install(new SquareStep());");
                assertThrows(FixedPointOverflowException.class, () -> cells.eval("agreement(lab.run(mine, oracle))"));

                cells.eval(DEFINE);
                cells.eval("lab.session().kernels().install(new SquareStep());");
                assertEquals("my square agrees with plaintext on 5 of 5 values (processes)",
                        cells.eval("agreement(lab.run(mine, oracle))").orElseThrow());

                cells.eval("""
                        class Other implements OpModule {
                            public String id() { return "other"; }
                            public void registerInto(Kernels k) { k.register("mysquare.step", (n, in, p) -> in[0]); }
                        }
                        """);
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> cells.eval("lab.session().kernels().install(new Other());"));
                assertTrue(e.getMessage().contains("'mysquare.step'") && e.getMessage().contains("'mysquare'")
                        && e.getMessage().contains("'other'"), e.getMessage());
                Object steps = cells.eval("lab.graph().nodes().stream().filter(n -> n.op().equals(\"mysquare.step\")).count()")
                        .orElseThrow();
                assertTrue((Long) steps >= 2, "the op's nodes are in the graph: " + steps);
            } finally {
                cells.eval("lab.close();");
            }
        }
    }
}
