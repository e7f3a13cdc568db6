#!/usr/bin/env bash
# Forward + backward of a dense network per minibatch, by three matrix-product back ends (CPU time, best of 5 × 2000).
# Usage: Tests/Fixtures/blas/run.sh   (needs libgsl-dev and libopenblas-dev)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
swiftc -O "$here/DenseKernels.swift" -o "$out/swift"
swiftc -O -D CBLAS -import-objc-header /usr/include/gsl/gsl_cblas.h "$here/DenseKernels.swift" -lgslcblas -o "$out/gsl"
swiftc -O -D CBLAS -D OPENBLAS -I /usr/include/x86_64-linux-gnu/openblas-pthread \
  -import-objc-header /usr/include/x86_64-linux-gnu/openblas-pthread/cblas.h "$here/DenseKernels.swift" -lopenblas -o "$out/openblas"
for variant in swift gsl openblas; do echo "== $variant"; OPENBLAS_NUM_THREADS=1 "$out/$variant"; done
rm -rf "$out"
