"""Executes one notebook headless with nbclient and writes the executed copy.

usage: run_notebook.py KERNEL_NAME IN.ipynb OUT.ipynb CELL_TIMEOUT_SECONDS

Errors in cells do not stop the run (allow_errors): the caller asserts on the outputs.
Prints the wall time in seconds on the last line.
"""
import sys
import time

import nbformat
from nbclient import NotebookClient

kernel, source, target, timeout = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
nb = nbformat.read(source, as_version=4)
client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=True,
                        startup_timeout=120, record_timing=True)
start = time.monotonic()
try:
    client.execute()
finally:
    nbformat.write(nb, target)
print("seconds %.1f" % (time.monotonic() - start))
