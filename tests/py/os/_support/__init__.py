# Helper modules of the os tests (not tests themselves).
