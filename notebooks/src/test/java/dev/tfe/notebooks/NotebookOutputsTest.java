package dev.tfe.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NotebookOutputsTest {
    private static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "markdown", "source": "# title"},
              {"cell_type": "code", "outputs": [
                {"output_type": "stream", "name": "stdout", "text": ["accuracy: 96.10%\\n"]},
                {"output_type": "stream", "name": "stderr", "text": "SLF4J: Failed to load class\\n"},
                {"output_type": "display_data", "data": {"image/png": "iVBO", "text/plain": "chart"}}]},
              {"cell_type": "code", "outputs": [
                {"output_type": "error", "ename": "CompilationException", "evalue": "cannot find symbol",
                 "traceback": ["\\u001b[31mIn [1], line 2:\\u001b[0m", "  symbol: variable bias"]}]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

    @Test
    void redOutputsAreErrorsWithTheirTracebackAndEverythingOnStderr() {
        NotebookOutputs out = new NotebookOutputs(NOTEBOOK);
        List<String> red = out.redOutputs();
        assertEquals(2, red.size(), red.toString());
        assertEquals("stderr: SLF4J: Failed to load class\n", red.get(0));
        assertEquals("CompilationException: cannot find symbol\nIn [1], line 2:\n  symbol: variable bias", red.get(1));
        assertTrue(out.hasMime("image/png"));
        assertEquals(List.of(96.10), out.percentagesAfter("accuracy:"));
    }
}
