#!/bin/sh
# Runs the store's fuzz test (Tests/CRMStoreTests/FuzzTests.swift) with many more cases than
# the test suite does. A failure names its case; run again with the same seed to see it again.
#
#   scripts/fuzz.sh [CASES] [SEED]
set -eu
cases=${1:-20000}
seed=${2:-$(date +%s)}
echo "fuzzing $cases cases, seed $seed"
CRMTOP_FUZZ_CASES=$cases CRMTOP_FUZZ_SEED=$seed swift test --filter FuzzTests
