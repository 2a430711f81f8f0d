#!/usr/bin/env bash
# The sharded sLLGS ensemble gives the same switching curve on 1 and 2 ranks (the shards, not the
# ranks, fix the random streams; the counts are integers), and the curve is physical: no junction
# switches at zero current in 2 ns (thermal stability Delta = mu0 Ms H_K V / 2 k_B T = 95 at 300 K:
# Neel-Brown rate f0 e^-Delta ~ 1e-32 per ns) and all switch at 5 I_c0 (spin-torque switching
# time well below 2 ns far above I_c0).
#   ensemble_shards.sh ENSEMBLE_BINARY WORK_DIR "MPIRUN [OPTIONS]"
set -uo pipefail
binary=$1 work=$2 mpirun=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "ensemble_shards: FAIL: $*"; exit 1; }
for ranks in 1 2; do
  $mpirun -np $ranks "$binary" --junctions 4096 --currents 4 --shards 4 --csv "$work/np$ranks.csv" >"$work/np$ranks.log" 2>&1 \
    || fail "np $ranks: $(tail -3 "$work/np$ranks.log")"
done
cmp "$work/np1.csv" "$work/np2.csv" || fail "the curve of -np 2 differs from -np 1"
first=$(sed -n 2p "$work/np1.csv" | cut -d, -f3) last=$(tail -1 "$work/np1.csv" | cut -d, -f3)
[[ $first == 0.00000000 ]] || fail "P_sw(0) = $first, expected 0"
[[ $last == 1.00000000 ]] || fail "P_sw(5 I_c0) = $last, expected 1"
cat "$work/np1.csv"
echo "ensemble_shards: PASS"
