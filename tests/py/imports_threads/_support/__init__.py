# Helper modules for tests/py/imports_threads (not tests themselves).
