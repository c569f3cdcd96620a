# The README's two commands: `make run` and `make test`. Both install the system
# packages first (scripts/install-deps is idempotent).
SWIFT ?= swift
NOTEBOOK ?= notebooks/07-robust-low-rank.lrnb
OUT ?= out

.PHONY: deps build run test lint bench clean docs

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product lrnb

run: build
	.build/release/lrnb run $(NOTEBOOK) --out $(OUT)

# Tests run optimised: training on real data is 10-100x slower in debug builds.
# A separate build folder keeps `make run`'s release build from being rebuilt.
TEST_FLAGS = -c release -Xswiftc -enable-testing --scratch-path .build-test

test: deps
	$(SWIFT) build $(TEST_FLAGS) --build-tests
	$(SWIFT) test $(TEST_FLAGS) --skip-build

bench:
	bench/run

# docs/reference.md is generated from the doc strings; a test fails when it is stale.
docs:
	$(SWIFT) run lrnb docs --markdown > docs/reference.md

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build .build-test $(OUT)
