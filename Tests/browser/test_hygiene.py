"""The Swift suites (run before this one by `make test`) leave nothing in the temporary
folder: every folder they make is inside portal-tests-<pid>, removed when the test
process exits. A leftover of a process that has ended is a test that did not clean up."""
import glob
import os
import tempfile


def test_swift_tests_left_no_temporary_folders():
    leftovers = []
    for path in glob.glob(os.path.join(tempfile.gettempdir(), "portal-*")):
        if os.path.basename(path).startswith("portal-browser-"):
            continue  # this suite's own, removed by its fixtures
        suffix = path.rsplit("-", 1)[-1]
        if suffix.isdigit() and os.path.exists(f"/proc/{suffix}"):
            continue  # a test process still running
        leftovers.append(path)
    assert leftovers == []
