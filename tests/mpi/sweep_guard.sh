#!/usr/bin/env bash
# The sweep tool's guards (issue 19, tests/mpi/CMakeLists.txt), under mpirun -np 2:
#   1. --help prints and exits 0; --threshold abc and nan are refused up front (exit 2);
#   2. a bad sweep file is reported once (rank 0), every rank exits 1, no MPI_ABORT banner;
#   3. a --csv that is not a journal (a notes file, the sweep file) is refused and left untouched;
#   4. a second job on the CSV of a running one is refused naming the lock holder; the first
#      finishes with every point exactly once;
#   5. kill -9 of mpirun alone: no more than the row being written when it died is appended;
#   6. --pareto / --yield leave the PNG and an SVG beside it, and no .dat or .gp files.
#   sweep_guard.sh SWEEP_BINARY WORK_DIR "MPIRUN [OPTIONS]"
set -uo pipefail
sweep=$1 work=$2 mpirun=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail() { echo "sweep_guard: FAIL: $*"; exit 1; }
rows() { [[ -f $1 ]] && echo $(( $(wc -l <"$1") - 1 )) || echo 0; }
cat > quick.json <<'JSON'
{"base": {"epochs": 5}, "grid": {"laser_power_mW": [50, 150]}, "seeds": [1, 2]}
JSON
cat > long.json <<'JSON'
{"base": {"epochs": 600}, "grid": {"laser_power_mW": [50, 150], "spread": [0.0, 0.1]}, "seeds": {"first": 1, "count": 4}}
JSON
printf '{"base": {"learning_rat": 0.1}}\n' > bad.json

# 1. the command line
$mpirun -np 1 "$sweep" --help >help.log 2>&1 || fail "--help exited $?"
grep -q -- "--threshold" help.log || fail "--help does not list --threshold"
for bad in abc nan; do
  $mpirun -np 2 "$sweep" quick.json --csv t.csv --yield y.png --threshold $bad >thr.log 2>&1 && fail "--threshold $bad accepted"
  grep -q -- "--threshold: '$bad' is not a number in \[0, 1\]" thr.log || fail "--threshold $bad: $(head -2 thr.log)"
  [[ ! -e t.csv ]] || fail "--threshold $bad: the sweep ran"
done
echo "command line: --help exits 0, --threshold abc and nan refused"

# 2. a bad sweep file: one message, no MPI_ABORT
$mpirun -np 2 "$sweep" bad.json --csv b.csv >bad.log 2>&1 && fail "a bad sweep file exited 0"
[[ $(grep -c "unknown key 'learning_rat'" bad.log) == 1 ]] || fail "the bad file's message is not printed exactly once: $(cat bad.log)"
grep -q "MPI_ABORT" bad.log && fail "MPI_ABORT banner after a bad sweep file"
echo "bad sweep file: reported once, no MPI_ABORT"

# 3. foreign CSVs are refused untouched
printf 'notes of the run\nno newline at the end' > notes.txt
for foreign in notes.txt quick.json; do
  before=$(md5sum < $foreign)
  $mpirun -np 2 "$sweep" quick.json --csv $foreign >foreign.log 2>&1 && fail "--csv $foreign accepted"
  grep -q "header differs" foreign.log || fail "--csv $foreign: $(head -2 foreign.log)"
  [[ $(md5sum < $foreign) == "$before" ]] || fail "--csv $foreign was changed"
done
echo "foreign CSV: refused and left untouched"

# 4. two jobs on one CSV
$mpirun -np 2 "$sweep" long.json --csv shared.csv >first.log 2>&1 &
first=$!
for _ in $(seq 500); do [[ -s shared.csv ]] && break; sleep 0.02; done
$mpirun -np 2 "$sweep" long.json --csv shared.csv --resume >second.log 2>&1 && fail "a second job on a locked CSV exited 0"
grep -q "shared.csv: is locked by pid [0-9]*" second.log || fail "the second job: $(head -2 second.log)"
wait $first || fail "the first job failed: $(tail -3 first.log)"
[[ $(rows shared.csv) == 16 && $(cut -d, -f1 shared.csv | sort -u | wc -l) == 17 ]] || fail "the first job's CSV: $(rows shared.csv) rows"
echo "two jobs: the second refused (locked), the first wrote 16 rows once each"

# 5. kill -9 of mpirun alone
$mpirun -np 2 "$sweep" long.json --csv killed.csv >killed.log 2>&1 &
job=$!
for _ in $(seq 1000); do (( $(rows killed.csv) >= 2 )) && break; sleep 0.01; done
kill -KILL $job
at_kill=$(rows killed.csv)
sleep 3
after=$(rows killed.csv)
(( after <= at_kill + 1 )) || fail "rows appended after mpirun died: $at_kill at the kill, $after 3 s later"
echo "kill -9 mpirun: $at_kill rows at the kill, $after 3 s later"

# 6. the plots
$mpirun -np 2 "$sweep" quick.json --csv q.csv --pareto p.png --yield y.png >plot.log 2>&1 || fail "plots: $(tail -3 plot.log)"
for f in p.png p.svg y.png y.svg; do [[ -s $f ]] || fail "no $f"; done
ls | grep -E '\.(dat|gp)$' && fail "stray gnuplot files"
echo "plots: PNG and SVG, no .dat/.gp"
echo "sweep_guard: PASS"
