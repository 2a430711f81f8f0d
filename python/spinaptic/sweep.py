"""Design-space sweeps in-process: the JSON schema of the MPI tool (tools/sweep, docs/scaling.md),
evaluated on threads, one row per point (a pandas DataFrame when pandas is installed)."""
from __future__ import annotations

import csv
import io
import json
import os

from . import _core


def run_sweep(sweep, threads=1, as_frame=True):
    """Trains and evaluates every point of a sweep of the 64 x 10 digits crossbar.

    sweep : dict (the JSON object), JSON text, or the path of a sweep file. Keys: "data" ("digits"
        or "mnist8"), "base", "list", "grid", "seeds"; point keys as the MPI tool's (epochs,
        learning_rate, batch, output_scale, optimizer, range, seed, test_fraction, max_current_mA,
        laser_power_mW, laser_pulse_us, current_bits, power_bits, spread, stuck, stuck_mode,
        read_noise_uV, bandwidth_Hz, crosstalk, area_resistance_ohm_um2, diameter_nm, tmr, parallel_ratio).
    threads : points evaluated at once (the rows do not depend on it).
    Returns one row per point, in point order: the settings, then test_accuracy, train_accuracy and
    energy_J, laser_energy_J, joule_energy_J per classification [J]. A pandas DataFrame when pandas
    is installed and as_frame is true, else a list of dicts. Ctrl-C stops starting new points.
    """
    source = "<sweep>"
    if isinstance(sweep, dict):
        text = json.dumps(sweep)
    elif isinstance(sweep, (str, os.PathLike)) and not str(sweep).lstrip().startswith("{"):
        source = os.fspath(sweep)
        try:
            with open(source, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise _core.FileError(f"spinaptic: {source}: cannot read the sweep file: {e.strerror}") from e
    else:
        text = str(sweep)
    header, rows = _core.run_sweep_csv(text, source, int(threads))
    table = list(csv.DictReader(io.StringIO(header + "\n" + "\n".join(rows) + "\n")))
    for row in table:
        for key, value in row.items():
            try:
                row[key] = int(value)
            except ValueError:
                try:
                    row[key] = float(value)
                except ValueError:
                    pass
    if as_frame:
        try:
            import pandas as pd
        except ImportError:
            return table
        return pd.DataFrame(table)
    return table
