"""spinaptic: neuromorphic hardware built from magnetic tunnel junctions, from Python.

A thin layer over the header-only C++ library (compiled into ``spinaptic._core``). numpy arrays
of SI floats go in and out; every parameter name carries its unit (``laser_power_W``,
``current_A``). Errors from the library arrive as :class:`InvalidValueError` (a ``ValueError``)
or :class:`FileError` (an ``OSError``) with the library's message.

>>> import spinaptic
>>> j = spinaptic.Junction.preset("hybrid_mgo_800nm")
>>> float(j.thermovoltage(0.150, 3e-3))        # V_AC at (P_max, I_max) [V], Fig. 4d
0.02335
"""
from ._core import (
    DiehlCook,
    Error,
    FileError,
    InvalidValueError,
    Junction,
    __version__,
    field_sweep,
    load_checkpoint,
    load_digits,
    neel_brown_parameters,
    run_vogels_abbott,
    stratified_split,
    switching_probability,
    version_info,
    vortex_field_sweep,
)
from .crossbar import Crossbar
from .opto_electronic import OptoElectronicNetwork
from .sweep import run_sweep

__all__ = [
    "Crossbar",
    "DiehlCook",
    "Error",
    "FileError",
    "InvalidValueError",
    "Junction",
    "__version__",
    "field_sweep",
    "load_checkpoint",
    "load_digits",
    "OptoElectronicNetwork",
    "run_sweep",
    "run_vogels_abbott",
    "neel_brown_parameters",
    "stratified_split",
    "switching_probability",
    "version_info",
    "vortex_field_sweep",
]
