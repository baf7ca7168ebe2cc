# dualscreen: export-control screening of shipments.
# Nothing here downloads anything beyond the Go module cache.

GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build lint test race demo bench clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o dualscreen ./cmd/dualscreen

lint:
	@out="$$(gofmt -l .)"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# The race run covers the concurrent pipeline; the 2,000,000-row memory
# test is excluded from it by a build tag (race mode is ~10x slower).
test: lint
	$(GO) test -shuffle=on -timeout 8m ./...
	$(GO) test -race -shuffle=on -timeout 8m ./pipeline/...

# make demo: generate 200,000 shipments, screen them against the embedded
# demo list and write out/flagged.parquet plus the summary.
demo:
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/dualscreen demo --dir out

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./matchers/... ./pipeline/...

clean:
	rm -rf out dualscreen

# --- reliability (issue 7): fuzzing and the long load test -----------------
# The fuzz seeds (f.Add and testdata/fuzz/FuzzXxx) already run in `make
# test`. `make fuzz` fuzzes every Fuzz target of every package for FUZZTIME
# each, one at a time (go test -fuzz takes one target and one package).
# The first run of each package compiles it with coverage instrumentation,
# which takes minutes on a small machine.
FUZZTIME ?= 10s
FUZZPKGS ?= ./...

.PHONY: fuzz bench-load

fuzz:
	@set -e; for pkg in $$($(GO) list $(FUZZPKGS)); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$t ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

# make bench-load: 20,000,000 generated rows through `screen` with peak RSS
# reported (and a tenth of them for comparison), plus every shared list at
# once. LOADROWS=2000000 for a quicker run; LOADDIR keeps the generated files.
LOADROWS ?= 20000000
LOADDIR  ?=
bench-load:
	DUALSCREEN_LOAD_ROWS=$(LOADROWS) DUALSCREEN_LOAD_DIR=$(LOADDIR) \
		$(GO) test -v -count=1 -timeout 90m -run 'TestLoadScreenBoundedMemory|TestScreenEveryListAtOnce' ./cmd/dualscreen
# --- end reliability ---
# ---------------------------------------------------------------------------
# Side-by-side benchmarks (owner: benchmarks). benchmarks/ is its own Go
# module (DuckDB needs cgo), so `go test ./...` above never enters it.
# Generated batches and results go to benchmarks/out/ (git-ignored); charts
# to benchmarks/figures/. See benchmarks/README.md for the figures.
#   make bench       also runs bench-short (1M rows: dualscreen, DuckDB on a
#                    sample, naive JW on a sample), a few minutes
#   make bench-full  1M and 10M rows, list sizes 10k..1M, 1 and 2 cores;
#                    about an hour on the shared 2-core machine
.PHONY: bench-short bench-full bench-test
bench: bench-short
BENCH_OUT ?= out
bench-short:
	cd benchmarks && $(GO) build -o $(BENCH_OUT)/dsbench ./cmd/dsbench && $(BENCH_OUT)/dsbench run -plan short -out $(BENCH_OUT) && $(BENCH_OUT)/dsbench plot -out $(BENCH_OUT) -figs $(BENCH_OUT)/figures
bench-full:
	cd benchmarks && $(GO) build -o $(BENCH_OUT)/dsbench ./cmd/dsbench && $(BENCH_OUT)/dsbench run -plan full -out $(BENCH_OUT) && $(BENCH_OUT)/dsbench plot -out $(BENCH_OUT) -figs figures
bench-test:
	cd benchmarks && gofmt -l . && $(GO) vet ./... && $(GO) test ./...

# --- beam: dualscreen-beam, the screen on Apache Beam (own module in beam/, see beam/README.md) ---
# Kept out of `make test`: the Beam SDK and its runners take minutes to
# compile. .ci/run calls test-beam. The equivalence test runs the job on the
# in-process Prism runner and compares it with `dualscreen screen`.
.PHONY: test-beam build-beam
test-beam:
	@out="$$(cd beam && gofmt -l .)"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	cd beam && $(GO) vet ./... && $(GO) test -shuffle=on -timeout 15m ./...

build-beam:
	cd beam && $(GO) build -o ../dualscreen-beam ./cmd/dualscreen-beam
# --- end beam ---
