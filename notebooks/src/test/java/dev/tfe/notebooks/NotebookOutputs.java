package dev.tfe.notebooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tfe.json.Json;

/**
 * The outputs of an executed notebook, read from its JSON: what shows in red (errors, stderr), the
 * text it printed or displayed, and the MIME types of its rich outputs.
 */
final class NotebookOutputs {
    private final List<Map<String, Object>> outputs = new ArrayList<>();

    @SuppressWarnings("unchecked")
    NotebookOutputs(String notebookJson) {
        Map<String, Object> nb = (Map<String, Object>) Json.parse(notebookJson);
        for (Object c : (List<Object>) nb.get("cells")) {
            Map<String, Object> cell = (Map<String, Object>) c;
            if ("code".equals(cell.get("cell_type"))) {
                for (Object o : (List<Object>) cell.get("outputs")) {
                    outputs.add((Map<String, Object>) o);
                }
            }
        }
    }

    /**
     * What Jupyter shows in red: error outputs ("ename: evalue") and everything written to stderr
     * (as "stderr: text"), in order.
     */
    List<String> redOutputs() {
        List<String> red = new ArrayList<>();
        for (Map<String, Object> o : outputs) {
            if ("error".equals(o.get("output_type"))) {
                // the traceback says which symbol, line and column; without ANSI colours
                String trace = o.get("traceback") instanceof List<?> lines
                        ? String.join("\n", lines.stream().map(String::valueOf).toList()) : "";
                red.add(o.get("ename") + ": " + o.get("evalue") + "\n" + trace.replaceAll("\u001b\\[[0-9;]*m", ""));
            } else if ("stream".equals(o.get("output_type")) && "stderr".equals(o.get("name"))) {
                red.add("stderr: " + text(o.get("text")));
            }
        }
        return red;
    }

    /** Everything printed to stdout and every text/plain result, in order. */
    @SuppressWarnings("unchecked")
    String text() {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> o : outputs) {
            if ("stream".equals(o.get("output_type"))) {
                sb.append(text(o.get("text")));
            } else if (o.get("data") instanceof Map<?, ?> data && data.containsKey("text/plain")) {
                sb.append(text(((Map<String, Object>) data).get("text/plain"))).append('\n');
            }
        }
        return sb.toString();
    }

    /** Whether some display or result carries {@code mime} (e.g. {@code image/svg+xml}). */
    boolean hasMime(String mime) {
        return outputs.stream().anyMatch(o -> o.get("data") instanceof Map<?, ?> data && data.containsKey(mime));
    }

    /** Every number printed after {@code label} as a percentage ({@code label 99.50%}). */
    List<Double> percentagesAfter(String label) {
        List<Double> values = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*([0-9]+(?:\\.[0-9]+)?)%").matcher(text());
        while (m.find()) {
            values.add(Double.parseDouble(m.group(1)));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static String text(Object o) {
        if (o instanceof List<?> lines) {
            return String.join("", (List<String>) lines);
        }
        return o == null ? "" : o.toString();
    }
}
