"""Run one of CPython's regression-test modules and record each test's outcome.

Run BY THE INTERPRETER UNDER TEST (Tandem or CPython) from tools/conformance.py:

    <interpreter> tools/conformance_driver.py MODULE OUTFILE

OUTFILE receives one line per event, flushed at once, so that a crash or a
hang in the middle still leaves every finished test's outcome and the name
of the test that was running:

    start <test id>
    pass|fail|error|skip <test id>\t<first line of the failure or skip reason>
    done

A test counts as passed when every subtest passed; unittest's expected
failures count as passed and unexpected successes as failed, as regrtest
counts them.  The driver uses only what unittest itself needs, so a module
that cannot be imported is reported by the traceback on stderr and exit 1.
"""
import sys
import unittest


def first_line(text):
    text = text.strip().splitlines()
    return text[-1][:200] if text else ""


class RecordingResult(unittest.TestResult):
    def __init__(self, out):
        super().__init__()
        self.out = out
        self.failed_subtests = {}

    def _write(self, kind, test, detail=""):
        self.out.write("%s %s\t%s\n" % (kind, test.id(), detail.replace("\n", " ")))
        self.out.flush()

    def startTest(self, test):
        super().startTest(test)
        self.out.write("start %s\n" % test.id())
        self.out.flush()

    def addSuccess(self, test):
        super().addSuccess(test)
        detail = self.failed_subtests.pop(test.id(), None)
        if detail is None:
            self._write("pass", test)
        else:
            self._write(detail[0], test, detail[1])

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._write("fail", test, first_line(self._exc_info_to_string(err, test)))

    def addError(self, test, err):
        super().addError(test, err)
        self._write("error", test, first_line(self._exc_info_to_string(err, test)))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._write("skip", test, str(reason))

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._write("pass", test, "expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._write("fail", test, "unexpected success")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None and test.id() not in self.failed_subtests:
            kind = "fail" if issubclass(err[0], test.failureException) else "error"
            self.failed_subtests[test.id()] = (kind, first_line(self._exc_info_to_string(err, test)))


def run_test_main(mod, result):
    """A module with the old test_main() protocol (test_decimal) builds its
    test classes there and hands them to support.run_unittest: run them
    with our result instead.  Its doctests are not test cases and are not
    run (regrtest does not count them either)."""
    from test import support

    def run_unittest(*classes):
        suite = unittest.TestSuite()
        for cls in classes:
            if isinstance(cls, (unittest.TestSuite, unittest.TestCase)):
                suite.addTest(cls)
            else:
                suite.addTest(unittest.defaultTestLoader.loadTestsFromTestCase(cls))
        suite.run(result)

    mod.run_unittest = support.run_unittest = run_unittest
    mod.run_doctest = lambda *args, **kwargs: None
    mod.test_main()


def main():
    module, outfile = sys.argv[1], sys.argv[2]
    out = open(outfile, "w")
    __import__("test." + module)   # an import error: traceback and exit 1
    mod = sys.modules["test." + module]
    result = RecordingResult(out)
    if hasattr(mod, "test_main") and not hasattr(mod, "load_tests"):
        run_test_main(mod, result)
    else:
        unittest.defaultTestLoader.loadTestsFromModule(mod).run(result)
    out.write("done\n")
    out.close()


if __name__ == "__main__":
    main()
