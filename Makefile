# The README's two commands: `make run` and `make test`. Both install the system
# packages first (scripts/install-deps is idempotent).
SWIFT ?= swift
NOTEBOOK ?= notebooks/01-svd-tour.lrnb
OUT ?= out

.PHONY: deps build run test lint clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product lrnb

run: build
	.build/release/lrnb run $(NOTEBOOK) --out $(OUT)

test: deps
	$(SWIFT) build --product lrnb
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build $(OUT)
