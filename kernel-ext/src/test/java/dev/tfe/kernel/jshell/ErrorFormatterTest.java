package dev.tfe.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ErrorFormatterTest {

    private static StackTraceElement frame(String cls, String method, String file, int line) {
        return new StackTraceElement(cls, method, file, line);
    }

    @Test
    void cutsTracesAfterTheOutermostCellFrame() {
        StackTraceElement[] trace = {
            frame("dev.tfe.ring.RingTensor", "get", "RingTensor.java", 10),
            frame("", "f", "#3", 2),
            frame("", "", "#4", 1),
            frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
            frame("java.lang.Thread", "run", "Thread.java", 833),
        };
        assertEquals(List.of(trace).subList(0, 3), ErrorFormatter.userFrames(trace));
    }

    @Test
    void withoutCellFramesCutsAtTheKernelsMachinery() {
        StackTraceElement[] trace = {
            frame("dev.tfe.launcher.Launcher", "start", "Launcher.java", 5),
            frame("dev.tfe.kernel.magic.KernelMagics", "applyLine", "KernelMagics.java", 9),
            frame("dev.tfe.kernel.TfeKernel", "eval", "TfeKernel.java", 9),
        };
        assertEquals(List.of(trace[0]), ErrorFormatter.userFrames(trace));
    }

    @Test
    void namesCellFramesByCellAndLine() {
        ErrorFormatter f = new ErrorFormatter(Map.of("3", new SnippetOrigin("In [2]", 5), "4", new SnippetOrigin("In [6]", 1))::get);
        RuntimeException e = new RuntimeException("no");
        e.setStackTrace(new StackTraceElement[] {frame("", "f", "#3", 2), frame("", "", "#4", 1), frame("", "", "#99", 7)});
        assertEquals(List.of(
                ErrorFormatter.BOLD_RED + "java.lang.RuntimeException" + ErrorFormatter.RESET + ": no",
                "    at f(In [2], line 6)",
                "    at In [6], line 1",
                "    at snippet #99, line 7"), f.format(e));
    }

    @Test
    void removesJShellWrapperNames() {
        assertEquals("Point@1b6d3586", ErrorFormatter.cleanName("REPL.$JShell$12$Point@1b6d3586"));
        assertEquals("class Point cannot be cast to class Line",
                ErrorFormatter.cleanName("class REPL.$JShell$12B$Point cannot be cast to class REPL.$JShell$13$Line"));
        assertEquals("java.lang.String", ErrorFormatter.cleanName("java.lang.String"));
    }
}
