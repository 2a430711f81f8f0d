#!/usr/bin/env bash
# Data-parallel training is bit-identical to one rank (tests/mpi/CMakeLists.txt): the trained
# currents of mpirun -np 2 equal those of -np 1 byte for byte, for the same seed and partition
# count P, with read noise on (P = 2: one partition per rank; P = 3: an uneven share), and the
# ideal run learns (test accuracy above the 10 % of guessing by a wide margin).
#   dataparallel_identity.sh DATAPARALLEL_BINARY WORK_DIR "MPIRUN [OPTIONS]"
set -uo pipefail
binary=$1 work=$2 mpirun=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "dataparallel_identity: FAIL: $*"; exit 1; }
for case in "2 50" "3 0"; do
  set -- $case
  partitions=$1 noise=$2
  for ranks in 1 2; do
    $mpirun -np $ranks "$binary" --data digits --epochs 3 --batch 32 --partitions $partitions --noise-uV $noise \
      --seed 5 --currents "$work/P${partitions}_np$ranks.bin" >"$work/P${partitions}_np$ranks.log" 2>&1 \
      || fail "np $ranks P $partitions: $(tail -3 "$work/P${partitions}_np$ranks.log")"
  done
  cmp "$work/P${partitions}_np1.bin" "$work/P${partitions}_np2.bin" || fail "P=$partitions: currents of -np 2 differ from -np 1"
  echo "P=$partitions, read noise $noise uV: -np 2 currents identical to -np 1 ($(grep test_accuracy= "$work/P${partitions}_np2.log"))"
done
accuracy=$(sed -n 's/^test_accuracy=//p' "$work/P3_np2.log")
awk -v a="$accuracy" 'BEGIN { exit !(a > 0.5) }' || fail "test accuracy $accuracy after 3 epochs: did not learn"
echo "dataparallel_identity: PASS"
