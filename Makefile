# CooperationLab: two commands on a fresh Debian or Ubuntu machine.
#   make reproduce   install what is missing, build in release mode, regenerate every output
#   make test        install what is missing, check the style, run the test suite, check the committed outputs, fuzz the parsers
# Also: make check (are the committed outputs current?), make bench (throughput), make deps, make build,
#       make format (apply .swift-format), make lint (report what make format would change),
#       make fuzz (every parser under libFuzzer for FUZZ_SECONDS each, default 60),
#       make python-test (pip install ./python and its pytest suite against the outputs and the built tool),
#       make site (the HTML book from the committed documents, into SITE, default .build/site),
#       make site-test (the book built into a temporary folder and loaded page by page in headless Chromium),
#       make test-mpi (Open MPI: 2 and 3 ranks against one process, byte for byte),
#       make example (the README's quoted code is Examples/MyPaper's; that package built, listed, run and checked).

SWIFT    ?= swift
RELEASE  := .build/release/reproduce
APT      := libgsl-dev libglpk-dev libopenblas-dev libsqlite3-dev pkg-config librsvg2-bin
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: deps build reproduce test test-mpi check bench bench-dynamics clean format lint fuzz python-test site site-test example

# Install the system libraries when one is missing (apt-get update runs once, first).
deps:
	@missing=""; \
	[ -f /usr/include/gsl/gsl_rng.h ] || missing="$$missing libgsl-dev"; \
	[ -f /usr/include/glpk.h ] || missing="$$missing libglpk-dev"; \
	pkg-config --exists openblas 2>/dev/null || missing="$$missing libopenblas-dev"; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	command -v rsvg-convert >/dev/null || missing="$$missing librsvg2-bin"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 is needed: https://www.swift.org/install/linux/"; exit 1; }

build: deps
	$(SWIFT) build -c release --product reproduce

reproduce: build
	$(RELEASE) run --jobs $(JOBS)

# The tests build in release mode with testing enabled: every smoke-scale experiment and control then
# runs in optimised code (several times faster than debug), and the same build gives the `reproduce`
# that checks the committed outputs.
TESTFLAGS := -c release -Xswiftc -enable-testing

# The test suite replays the committed fuzz corpora (Tests/Fuzz); the last step fuzzes every parser
# for FUZZ_SECONDS each, two at a time (about 4 minutes to build with the sanitizer, then 2 minutes).
FUZZ_SECONDS ?= 60

test: deps
	$(SWIFT) format lint --configuration .swift-format --recursive --parallel --strict Sources Tests Examples/MyPaper/Sources
	$(SWIFT) build $(TESTFLAGS) --build-tests
	$(SWIFT) test $(TESTFLAGS) --skip-build
	$(RELEASE) check --jobs $(JOBS)
	$(RELEASE) check --scale paper --sample $(PAPER_SAMPLE) --jobs $(JOBS)
	$(MAKE) python-test
	$(MAKE) site-test
	$(MAKE) example
	SWIFT=$(SWIFT) .ci/fuzz $(FUZZ_SECONDS)

# The committed paper-scale results (Reproduce/paper/): PAPER_SAMPLE cells, drawn from the commit among
# those recorded at 60 s or less, recomputed and compared byte for byte (README: Paper-scale results).
PAPER_SAMPLE ?= 3

# The Python layer (python/): installed with its test extras, tested against the committed outputs and
# the release tool built above (pandas, pytest and jsonschema come from PyPI).
python-test:
	@[ -x $(RELEASE) ] || $(SWIFT) build -c release --product reproduce
	python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location "./python[test]"
	COOPERATIONLAB_REPRODUCE=$(CURDIR)/$(RELEASE) python3 -m pytest -q -p no:cacheprovider python/tests

# Distributed runs (opt-in): installs Open MPI, builds with REPRODUCE_MPI=1 into .build/mpi, and compares
# 2 and 3 ranks byte for byte with a single process. Not part of `make test`: its separate build takes
# longer than the 4 minutes allowed there (README: Scaling out).
test-mpi: deps
	SWIFT=$(SWIFT) .ci/mpi-test

# The HTML book (reproduce site): one page per paper and the claim dashboard, MathML, figures, code links.
SITE ?= .build/site

site: build
	$(RELEASE) site --output $(SITE)
	@echo "Open $(SITE)/index.html in a browser."

# Every page of the book in headless Chromium (Debian's chromium, installed when missing): no console
# error, every internal link resolves, no blank screenshot (about 20 s).
site-test:
	@[ -x $(RELEASE) ] || $(SWIFT) build -c release --product reproduce
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	python3 .ci/site_test.py --reproduce $(RELEASE)

# A paper added from outside the repository (README: "Adding a paper from your own package"): the
# README's quoted code must be the files of Examples/MyPaper (.ci/readme_code.py), and that package,
# which depends on this one by path, is built in its own .build and its `my-reproduce` lists, runs,
# checks and shows its paper at smoke scale in a temporary folder. The build compiles LabKit and ArgumentParser
# again for the example: 34 s wall, 51 s CPU on an idle 2-core machine (5.7 min wall under load 10),
# plus cloning its two dependencies; the runs take under a second.
EXAMPLE := Examples/MyPaper

example: deps
	python3 .ci/readme_code.py
	$(SWIFT) build -c release --package-path $(EXAMPLE)
	@out=$$(mktemp -d); trap 'rm -rf "$$out"' EXIT; set -e; \
	tool=$(EXAMPLE)/.build/release/my-reproduce; \
	$$tool list --claims; \
	$$tool run --scale smoke --jobs $(JOBS) --output "$$out"; \
	$$tool check --scale smoke --jobs $(JOBS) --output "$$out"; \
	$$tool show mp.mutual-cooperation.product --scale smoke --output "$$out"; \
	test -s "$$out/Reproduce/MyPaper/results.json"

fuzz: deps
	SWIFT=$(SWIFT) .ci/fuzz $(FUZZ_SECONDS)

check: build
	$(RELEASE) check --jobs $(JOBS)

# Throughput of every hot loop; then the same tournament played by axelrod, when it is installed
# (pip install axelrod), and the ratio the GameTheory issue asks for.
bench: build
	$(RELEASE) bench
	@if python3 -c "import axelrod" 2>/dev/null; then \
	  AX=$$(python3 Tests/Fixtures/axelrod/benchmark_axelrod.py | awk '/^axelrod turns\/s:/ {print $$3}'); \
	  SW=$$($(RELEASE) bench game.tournament.deterministic | awk '{print $$2 * 1000000}'); \
	  awk -v a="$$AX" -v s="$$SW" 'BEGIN { printf "tournament of the 8 deterministic classics, 200 turns: axelrod %.3g turns/s, CooperationLab %.3g turns/s, ratio %.0fx\n", a, s, s / a }'; \
	else echo "(pip install axelrod to compare the tournament with axelrod)"; fi
	@# Lemke-Howson against nashpy on the same games, A B A B (Swift: best wall-clock run of a serial loop; nashpy: CPU time).
	@if python3 -c "import nashpy" 2>/dev/null; then \
	  for round in 1 2; do \
	    $(RELEASE) bench game.lemke-howson.15x15 game.lemke-howson.50x50 --repetitions 3 \
	      | awk '{printf "CooperationLab %s: %.4g ms per equilibrium\n", $$1, 1000 / ($$2 * 1000000)}'; \
	    python3 Tests/Fixtures/nashpy/benchmark_lemke_howson.py \
	      | awk '{printf "nashpy %s: %.4g ms per equilibrium %s\n", $$3, 1000 / $$5, substr($$0, index($$0, "("))}'; \
	  done; \
	else echo "(pip install nashpy to compare Lemke-Howson with nashpy)"; fi
	@$(MAKE) --no-print-directory bench-dynamics

# Replicator dynamics against nashpy and the Moran process against axelrod, on the same workloads
# (Tests/Fixtures/nashpy/benchmark_replicator.py, Tests/Fixtures/axelrod/benchmark_moran.py), timed in
# CPU time and interleaved A B A B in one sitting; each line gives both rates and their ratio.
bench-dynamics: build
	@if python3 -c "import nashpy" 2>/dev/null; then for round in 1 2; do \
	  SW=$$($(RELEASE) bench game.replicator --clock cpu | awk '{print $$2 * 1000000}'); \
	  SI=$$($(RELEASE) bench game.replicator.interpolated --clock cpu | awk '{print $$2 * 1000000}'); \
	  ST=$$($(RELEASE) bench game.replicator.taylor --clock cpu | awk '{print $$2 * 1000000}'); \
	  PY=$$(python3 Tests/Fixtures/nashpy/benchmark_replicator.py | awk '{print $$3}'); \
	  awk -v p="$$PY" -v s="$$SW" -v i="$$SI" -v t="$$ST" -v r="$$round" 'BEGIN { printf "replicator dynamics, round %d: nashpy %.4g trajectories/s; CooperationLab %.4g trajectories/s integrating to each time (RK4, h <= 0.01), ratio %.0fx; %.4g trajectories/s at nashpy'"'"'s accuracy (RK4 grid h = 1/16 + Hermite), ratio %.0fx; %.4g trajectories/s by the Taylor series method (tolerance 1e-8), ratio %.0fx (CPU time)\n", r, p, s, s / p, i, i / p, t, t / p }'; \
	done; else echo "(pip install nashpy to compare the replicator dynamics with nashpy)"; fi
	@if python3 -c "import axelrod" 2>/dev/null; then for round in 1 2; do \
	  SW=$$($(RELEASE) bench game.moran --clock cpu | awk '{print $$2 * 1000000}'); \
	  PY=$$(python3 Tests/Fixtures/axelrod/benchmark_moran.py | awk '{print $$3}'); \
	  awk -v p="$$PY" -v s="$$SW" -v r="$$round" 'BEGIN { printf "Moran process, round %d: axelrod %.4g runs/s, CooperationLab %.4g runs/s (CPU time), ratio %.0fx\n", r, p, s, s / p }'; \
	done; else echo "(pip install axelrod to compare the Moran process with axelrod)"; fi

clean:
	rm -rf .build

# The style is .swift-format's (swift-format ships with the Swift 6 toolchain).
format:
	$(SWIFT) format format --configuration .swift-format --in-place --recursive --parallel Sources Tests

lint:
	$(SWIFT) format lint --configuration .swift-format --recursive --parallel Sources Tests
