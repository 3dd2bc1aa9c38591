"""The Swift suites (run before this one by `make test`) leave nothing in the temporary
folder: every folder they make is inside portal-tests-<pid> (Tests/PortalTestSupport's
Scratch), removed when the test process exits. One left by a process that has ended is
a run that did not clean up."""
import glob
import os
import tempfile


def test_swift_tests_left_no_temporary_folders():
    leftovers = []
    for path in glob.glob(os.path.join(tempfile.gettempdir(), "portal-tests-*")):
        pid = path.rsplit("-", 1)[-1]
        if pid.isdigit() and os.path.exists(f"/proc/{pid}"):
            continue  # a test process still running
        leftovers.append(path)
    assert leftovers == []
