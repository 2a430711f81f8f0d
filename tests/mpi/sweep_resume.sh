#!/usr/bin/env bash
# A sweep killed mid-run resumes to exactly the serial CSV (tests/mpi/CMakeLists.txt):
#   1. serial reference: the sweep on one rank;
#   2. mpirun -np 2, SIGKILL of rank 1 (a worker) after >= 3 finished rows; --resume on 2 ranks;
#   3. mpirun -np 2, SIGKILL of the whole job (mpirun and both ranks) after >= 3 rows; --resume;
# after each resume the CSV must equal the serial one byte for byte (rows sorted by point index:
# a lost or repeated point would change it), and the resume must have skipped the killed run's rows.
#   sweep_resume.sh SWEEP_BINARY SWEEP_JSON WORK_DIR "MPIRUN [OPTIONS]"
set -uo pipefail
sweep=$1 spec=$2 work=$3 mpirun=$4
rm -rf "$work" && mkdir -p "$work"
fail() { echo "sweep_resume: FAIL: $*"; exit 1; }
rows() { [[ -f $1 ]] && echo $(( $(wc -l <"$1") - 1 )) || echo 0; }

$mpirun -np 1 "$sweep" "$spec" --csv "$work/serial.csv" >"$work/serial.log" 2>&1 || fail "serial run: $(tail -3 "$work/serial.log")"
points=$(rows "$work/serial.csv")
echo "serial: $points points"

# kill_and_resume NAME WHAT: WHAT=rank1 kills the worker rank, WHAT=job kills mpirun and its ranks
kill_and_resume() {
  local name=$1 what=$2 csv="$work/$1.csv" log="$work/$1.log"
  $mpirun -np 2 "$sweep" "$spec" --csv "$csv" --verbose >"$log" 2>&1 &
  local job=$!
  for _ in $(seq 600); do
    (( $(rows "$csv") >= 3 )) && break
    kill -0 $job 2>/dev/null || break
    sleep 0.02
  done
  local before=$(rows "$csv")
  (( before < points )) || fail "$name: the run finished before it could be killed ($before rows); make the sweep longer"
  local rank0=$(sed -n 's/^sweep: rank 0 pid \([0-9]*\)$/\1/p' "$log") rank1=$(sed -n 's/^sweep: rank 1 pid \([0-9]*\)$/\1/p' "$log")
  [[ -n $rank0 && -n $rank1 ]] || fail "$name: no rank pids in $log"
  if [[ $what == rank1 ]]; then
    kill -KILL "$rank1"
  else
    kill -KILL "$job" "$rank0" "$rank1" 2>/dev/null
  fi
  wait $job 2>/dev/null
  kill -KILL "$rank0" "$rank1" 2>/dev/null  # an orphaned rank of a killed mpirun
  sleep 0.2
  local killed=$(rows "$csv")
  echo "$name: killed ($what) with $killed of $points rows in the CSV"
  (( killed < points )) || fail "$name: all points were finished before the kill"
  $mpirun -np 2 "$sweep" "$spec" --csv "$csv" --resume >"$log.resume" 2>&1 || fail "$name: resume failed: $(tail -3 "$log.resume")"
  grep -q "^skipped=$killed$" "$log.resume" || fail "$name: resume did not skip the $killed finished rows: $(grep skipped= "$log.resume")"
  grep -q "^computed=$((points - killed))$" "$log.resume" || fail "$name: resume computed $(grep computed= "$log.resume"), expected $((points - killed))"
  cmp "$work/serial.csv" "$csv" || fail "$name: CSV differs from the serial run"
  echo "$name: resumed, $((points - killed)) points computed, CSV identical to the serial run"
}
kill_and_resume killed_rank rank1
kill_and_resume killed_job job
echo "sweep_resume: PASS"
