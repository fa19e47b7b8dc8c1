# Makefile — a thin wrapper over the CMake presets (CMakePresets.json).
#
#   make deps       install the missing Debian packages (tools/deps.sh)
#   make gil / ft   configure + build one flavour into build/<preset>/
#   make all        gil and ft
#   make test       deps, build gil + ft + ft-tsan + gil-debug + ft-debug + gil-asan + ft-asan,
#                   run every test (see below)
#   make conformance  build gil + ft, run CPython's regression tests of
#                   tests/conformance/modules.txt under both and print the table
#                   beside CPython's counts (tools/conformance.py, docs/conformance.md)
#   make compare    deps, build gil + ft + ft-atomic + gil-sysalloc + ft-sysalloc, run the
#                   benchmark tables (bench/compare.py, then the threads section
#                   bench/threads/compare_threads.py, then the memory section
#                   bench/memory/compare_memory.py)
#   make stress     the stress suite, longer (TN_STRESS_SCALE=$(STRESS_SCALE))
#   make oom        the out-of-memory sweep over tools/oom_scripts.txt, gil and ft
#                   (tools/oom_sweep.py $(OOM_ARGS); docs/build.md)
#   make fuzz       build gil + ft, run tools/fuzz/fuzz.py on each: N mutated script
#                   tests and N generated object-model programs per flavour; findings
#                   (reproducers) in build/fuzz-findings/
#   make check-variant-ifs   only the variant-switch check (tools/check_variant_ifs.sh)
#   make clean      remove build/
#   make ft-atomic gil-sysalloc ft-sysalloc gil-debug ft-debug ft-tsan gil-asan ft-asan   the other presets
#
# Variables: JOBS (default 2), STRESS_SCALE (10), TSAN_STRESS_SCALE (2),
# COMPARE_ARGS (passed to bench/compare.py, e.g. COMPARE_ARGS="--runs 3"),
# COMPARE_THREADS_ARGS (passed to bench/threads/compare_threads.py),
# CONFORMANCE_ARGS (passed to tools/conformance.py, e.g. "test_list test_dict"),
# COMPARE_MEMORY_ARGS (passed to bench/memory/compare_memory.py, e.g. "--runs 1"),
# OOM_ARGS (passed to tools/oom_sweep.py; default "--max-runs 400").
# for fuzz: N (cases per mode and flavour, default 10000), SEED (1),
# FUZZ_FLAVOURS (gil ft; e.g. gil-asan after `make gil-asan`), FUZZ_ARGS
# (passed to tools/fuzz/fuzz.py, e.g. FUZZ_ARGS="--mode objmodel").

JOBS ?= 2
PYTHON ?= python3
STRESS_SCALE ?= 10
TSAN_STRESS_SCALE ?= 2
COMPARE_ARGS ?=
COMPARE_THREADS_ARGS ?=
OOM_ARGS ?= --max-runs 400
N ?= 10000
SEED ?= 1
FUZZ_FLAVOURS ?= gil ft
FUZZ_ARGS ?=
# Default per-test timeout (seconds) for tests without their own TIMEOUT
# (the stress tests): generous for a slow machine, short enough that a
# hang fails the run.
TEST_TIMEOUT ?= 300
STRESS_TIMEOUT ?= 3600

PRESETS := gil ft ft-atomic gil-sysalloc ft-sysalloc gil-debug ft-debug ft-tsan gil-asan ft-asan

.PHONY: all deps test conformance compare stress oom fuzz clean check-variant-ifs $(PRESETS)

all: gil ft

deps:
	@tools/deps.sh

# Configure (quietly: warnings and errors still show) and build one preset.
$(PRESETS):
	@echo "== build $@"
	@cmake --preset $@ --log-level=WARNING >/dev/null
	@cmake --build --preset $@ -j$(JOBS)

check-variant-ifs:
	@tools/check_variant_ifs.sh

# The debug presets skip the fuzz, oom and conformance rounds: their timeouts are
# set for -O2 builds, and -O0 would turn slow cases into false hangs.  The
# ASan presets (leak detection on, allocator_may_return_null=1: CMakePresets.json)
# run the unit and script tests; the benchmark kernels (bench/) are exercised by
# gil and ft, and under ASan at -O0 they outlast their 60 s limit.
# Every check runs even when an earlier one fails; the exit status is
# non-zero if anything failed.  Each ctest prints its summary line
# ("100% tests passed, 0 tests failed out of N").
test: deps
	@$(MAKE) --no-print-directory gil ft ft-tsan gil-debug ft-debug gil-asan ft-asan
	@fail=0; \
	tools/check_variant_ifs.sh || fail=1; \
	echo "== ctest gil (unit, py, bench, stress)"; \
	ctest --preset gil -j$(JOBS) --timeout $(TEST_TIMEOUT) || fail=1; \
	echo "== ctest ft (unit, py, bench, stress)"; \
	ctest --preset ft -j$(JOBS) --timeout $(TEST_TIMEOUT) || fail=1; \
	echo "== ctest gil-debug (unit, py, bench, stress with the contract checks TN_ASSERT on)"; \
	ctest --preset gil-debug -LE 'fuzz|oom|conformance' -j$(JOBS) --timeout $(TEST_TIMEOUT) || fail=1; \
	echo "== ctest ft-debug (unit, py, bench, stress with the contract checks TN_ASSERT on)"; \
	ctest --preset ft-debug -LE 'fuzz|oom|conformance' -j$(JOBS) --timeout $(TEST_TIMEOUT) || fail=1; \
	echo "== ctest ft-tsan (stress under ThreadSanitizer)"; \
	ctest --preset ft-tsan -L stress -j$(JOBS) --timeout $(TEST_TIMEOUT) || fail=1; \
	echo "== ctest gil-asan (unit, py under AddressSanitizer + UBSan, leaks detected)"; \
	ctest --preset gil-asan -L 'unit|py' -E '^bench/' -j$(JOBS) --timeout $(TEST_TIMEOUT) || fail=1; \
	echo "== ctest ft-asan (unit, py under AddressSanitizer + UBSan, leaks detected)"; \
	ctest --preset ft-asan -L 'unit|py' -E '^bench/' -j$(JOBS) --timeout $(TEST_TIMEOUT) || fail=1; \
	if [ $$fail -ne 0 ]; then echo "make test: FAILED"; else echo "make test: all passed"; fi; \
	exit $$fail

conformance: deps
	@$(MAKE) --no-print-directory gil ft
	@$(PYTHON) tools/conformance.py --tandem gil=build/gil/tandem --tandem ft=build/ft/tandem $(CONFORMANCE_ARGS)

compare: deps
	@$(MAKE) --no-print-directory gil ft ft-atomic gil-sysalloc ft-sysalloc
	@fail=0; \
	$(PYTHON) bench/compare.py $(COMPARE_ARGS) || fail=1; \
	echo; echo "== threads"; \
	$(PYTHON) bench/threads/compare_threads.py $(COMPARE_THREADS_ARGS) || fail=1; \
	echo; echo "== memory"; \
	$(PYTHON) bench/memory/compare_memory.py $(COMPARE_MEMORY_ARGS) || fail=1; \
	exit $$fail

stress: deps
	@$(MAKE) --no-print-directory gil ft ft-tsan
	@fail=0; \
	echo "== stress gil (TN_STRESS_SCALE=$(STRESS_SCALE))"; \
	TN_STRESS_SCALE=$(STRESS_SCALE) ctest --preset gil -L stress --timeout $(STRESS_TIMEOUT) || fail=1; \
	echo "== stress ft (TN_STRESS_SCALE=$(STRESS_SCALE))"; \
	TN_STRESS_SCALE=$(STRESS_SCALE) ctest --preset ft -L stress --timeout $(STRESS_TIMEOUT) || fail=1; \
	echo "== stress ft-tsan (TN_STRESS_SCALE=$(TSAN_STRESS_SCALE))"; \
	TN_STRESS_SCALE=$(TSAN_STRESS_SCALE) ctest --preset ft-tsan -L stress --timeout $(STRESS_TIMEOUT) || fail=1; \
	exit $$fail

oom: deps
	@$(MAKE) --no-print-directory gil ft
	@fail=0; \
	echo "== oom sweep gil"; \
	$(PYTHON) tools/oom_sweep.py $(OOM_ARGS) -j$(JOBS) build/gil/tandem || fail=1; \
	echo "== oom sweep ft"; \
	$(PYTHON) tools/oom_sweep.py $(OOM_ARGS) -j$(JOBS) build/ft/tandem || fail=1; \
	exit $$fail

# The fuzzer at a lower priority: it runs for a long time.
fuzz:
	@$(MAKE) --no-print-directory $(FUZZ_FLAVOURS)
	@fail=0; \
	for f in $(FUZZ_FLAVOURS); do \
	  echo "== fuzz $$f (N=$(N), seed $(SEED))"; \
	  nice -n 10 $(PYTHON) tools/fuzz/fuzz.py build/$$f/tandem -n $(N) --seed $(SEED) \
	    --workers $(JOBS) --findings build/fuzz-findings $(FUZZ_ARGS) || fail=1; \
	done; \
	exit $$fail

clean:
	rm -rf build
