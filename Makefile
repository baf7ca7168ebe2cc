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
