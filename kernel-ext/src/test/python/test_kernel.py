"""Jupyter messaging conformance of the tfe-java kernel, with jupyter_kernel_test.

Run by kernel-ext's JupyterConformanceTest (tag "jupyter"), which installs the kernelspec into a
temporary prefix and sets TFE_KERNEL_NAME. By hand, after `./tfe kernel install --user`:

    cd kernel-ext/src/test/python && /usr/bin/python3 -m unittest -v test_kernel
"""

import os
import time
import unittest

import jupyter_kernel_test
from jupyter_kernel_test.msgspec_v5 import validate_message

TIMEOUT = 30


class TfeKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("TFE_KERNEL_NAME", "tfe-java")

    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went sideways");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "int n = 1;\nList.o", "matches": {"of("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 5", "System.out.println(1);", "%lsmagic", ""]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int twice(int a) {\n  return 2 * a"]
    invalid_code_samples = ["int 3x = ;"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"a" + "b"', "result": "ab"},
        {"code": "int a = 2;\na * 21", "result": "42"},
        {"code": "new int[]{1, 2, 3}", "result": "int[3] {1, 2, 3}"},
    ]

    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": "display(List.of(1, 2));", "mime": "text/plain"},
    ]

    code_inspect_sample = "Math.max("

    # Helpers beyond the generic tests ------------------------------------------------------

    def run_cell(self, code, timeout=TIMEOUT):
        self.flush_channels()
        return self.execute_helper(code=code, timeout=timeout)

    def error_of(self, outputs):
        errors = [m for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, outputs)
        return errors[0]["content"]

    # Kernel-specific checks ----------------------------------------------------------------

    def test_compile_error_shows_line_column_and_caret(self):
        reply, outputs = self.run_cell("int fine = 1;\nint bad = missingName + 1;")
        self.assertEqual(reply["content"]["status"], "error")
        error = self.error_of(outputs)
        self.assertEqual(error["ename"], "CompilationException")
        self.assertIn("cannot find symbol", error["evalue"])
        text = "\n".join(error["traceback"])
        self.assertIn("line 2, column 11", text)
        self.assertIn("int bad = missingName + 1;", text)
        self.assertIn("^^^^^^^^^^^", text)

    def test_runtime_error_names_exception_and_cell_line_without_jshell_internals(self):
        reply, outputs = self.run_cell("int zero = 0;\nint q = 1 / zero;")
        self.assertEqual(reply["content"]["status"], "error")
        error = self.error_of(outputs)
        self.assertEqual(error["ename"], "ArithmeticException")
        self.assertEqual(error["evalue"], "/ by zero")
        text = "\n".join(error["traceback"])
        self.assertIn("java.lang.ArithmeticException", text)
        self.assertRegex(text, r"at In \[\d+\], line 2")
        for internal in ("jdk.jshell", "reflect", "$JShell$", "KernelExecutionControl"):
            self.assertNotIn(internal, text)

    def test_state_persists_between_cells(self):
        self.run_cell("int persisted = 20;")
        reply, outputs = self.run_cell("persisted + 22")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_stdout_streams_while_the_cell_runs(self):
        reply, outputs = self.run_cell(
            'for (int i = 0; i < 3; i++) { System.out.println("tick " + i); Thread.sleep(200); }')
        self.assertEqual(reply["content"]["status"], "ok")
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertEqual(text, "tick 0\ntick 1\ntick 2\n")

    def test_interrupt_stops_a_running_cell_and_the_kernel_goes_on(self):
        self.flush_channels()
        msg_id = self.kc.execute(code="while (true) { Thread.onSpinWait(); }")
        time.sleep(1.5)
        self.km.interrupt_kernel()
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        validate_message(reply, "execute_reply", msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CellInterruptedException")
        reply, outputs = self.run_cell("1 + 1")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "2")

    def test_magics(self):
        reply, outputs = self.run_cell("%lsmagic")
        self.assertEqual(reply["content"]["status"], "ok")
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertIn("%classpath", text)
        reply, outputs = self.run_cell("%nosuchmagic")
        self.assertEqual(self.error_of(outputs)["ename"], "EvaluationException")

    def test_completion_range_and_is_complete_indent(self):
        self.flush_channels()
        self.kc.complete("int y = Math.ab", 15)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["matches"], ["abs(", "absExact("])
        self.assertEqual((reply["content"]["cursor_start"], reply["content"]["cursor_end"]), (13, 15))
        self.kc.is_complete("if (true) {")
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        self.assertEqual(reply["content"], {"status": "incomplete", "indent": "    "})

    def display_messages(self, outputs):
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
        for m in shown + updates:
            validate_message(m, m["msg_type"])
        return shown, updates

    def test_update_display_data_replaces_a_display(self):
        reply, outputs = self.run_cell('String id = displayUpdatable("first");\nupdateDisplay(id, "second");')
        self.assertEqual(reply["content"]["status"], "ok")
        shown, updates = self.display_messages(outputs)
        self.assertEqual(len(shown), 1, outputs)
        self.assertEqual(len(updates), 1, outputs)
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertEqual(updates[0]["content"]["transient"]["display_id"], display_id)
        self.assertIn("second", updates[0]["content"]["data"]["text/plain"])

    def test_long_work_shows_progress_updated_in_place(self):
        reply, outputs = self.run_cell(
            'var task = dev.tfe.progress.Progress.start("work", 4, "steps");\n'
            'for (int i = 1; i <= 4; i++) { Thread.sleep(300); task.advance(); task.loss("epoch", i, 1.0 / i); }\n'
            'task.close();')
        self.assertEqual(reply["content"]["status"], "ok")
        shown, updates = self.display_messages(outputs)
        self.assertEqual(len(shown), 1, outputs)
        self.assertIn("tfe-progress", shown[0]["content"]["data"]["text/html"])
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertGreaterEqual(len(updates), 1, outputs)
        self.assertTrue(all(u["content"]["transient"]["display_id"] == display_id for u in updates))
        last = updates[-1]["content"]["data"]
        self.assertIn("<svg", last["text/html"])
        self.assertIn("work: 4/4 steps", last["text/plain"])
        self.assertTrue(last["text/plain"].endswith("loss 0.25000 (epoch 4)"), last["text/plain"])

    def test_inspect_shows_signatures(self):
        self.flush_channels()
        self.kc.inspect("Math.max", 8)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        self.assertTrue(reply["content"]["found"])
        self.assertIn("int Math.max(int a, int b)", reply["content"]["data"]["text/plain"])


if __name__ == "__main__":
    unittest.main()
