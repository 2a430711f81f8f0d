"""Type stubs of spinaptic._core, the compiled part of the package (all numbers SI)."""
from typing import Any, Callable, Literal, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

__version__: str
version_info: Tuple[int, int, int]

ArrayLike = npt.ArrayLike
FloatArray = npt.NDArray[np.float64]

class Error(Exception):
    """Base of every exception spinaptic raises on purpose."""

class InvalidValueError(Error, ValueError):
    """A parameter outside its allowed range, arrays that do not fit together, a wrong dtype."""

class FileError(Error, OSError):
    """A missing, unreadable or malformed file; the message names the file and where in it."""

State = Literal["antiparallel", "parallel"]

class Junction:
    """One magnetic tunnel junction (spinaptic::device::mtj)."""

    @staticmethod
    def preset(name: Literal["hybrid_mgo_800nm", "physics_mgo_800nm"] = ..., state: State = ...) -> Junction: ...
    @staticmethod
    def calibrated(*, max_current_A: float = 3.0e-3, max_power_W: float = 0.150, max_voltage_V: float = 23.35e-3,
                   antiparallel_coefficients: Sequence[float] = (0.0, 0.4, 0.1, 0.5), parallel_ratio: float = 0.3,
                   area_resistance_ohm_m2: float = 10e-12, diameter_m: float = 800e-9, tmr: float = 1.0,
                   half_tmr_bias_V: float = 0.5, laser_heating_K_per_W: float = 10.0,
                   joule_heating_K_per_W: float = 1000.0, thermal_time_constant_s: float = 1e-6,
                   state: State = ...) -> Junction: ...
    @property
    def kind(self) -> Literal["calibrated", "physics"]: ...
    @property
    def state(self) -> State: ...
    @property
    def max_current_A(self) -> float: ...
    @property
    def max_power_W(self) -> float: ...
    @property
    def max_voltage_V(self) -> float: ...
    def thermovoltage(self, laser_power_W: ArrayLike, current_A: ArrayLike) -> FloatArray:
        """V_s(P, I) [V] over broadcast arrays of P [W] and I [A]."""
    def dV_dI(self, laser_power_W: ArrayLike, current_A: ArrayLike) -> FloatArray:
        """dV_s/dI [ohm]."""
    def dV_dP(self, laser_power_W: ArrayLike, current_A: ArrayLike) -> FloatArray:
        """dV_s/dP [V/W]."""
    def resistance(self, current_A: ArrayLike) -> FloatArray:
        """R(I) [ohm]."""
    def simulate(self, *, current_A: float, laser_peak_power_W: float, pulse_width_s: float,
                 repetition_rate_Hz: float, dt_s: float, steps: int, delay_s: float = 0.0) -> dict[str, np.ndarray]:
        """Time trace under a hybrid drive: time_s, current_A, laser_power_W, temperature_difference_K, voltage_V, laser_on."""

def stratified_split(labels: ArrayLike, classes: int, test_fraction: float,
                     seed: int) -> Tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]: ...
def load_digits(path: str = "") -> Tuple[FloatArray, npt.NDArray[np.int64], float]: ...
def load_checkpoint(path: str) -> dict[str, Any]: ...
def crossbar_fit(X: ArrayLike, y: ArrayLike, classes: int, max_pixel: float, epochs: int, learning_rate: float,
                 batch_size: int, output_scale: float, optimizer: str, learning_rate_decay: float,
                 weight_decay: float, threads: int, seed: int, current_range: str, chip: dict[str, Any] = ...,
                 callback: Optional[Callable[[int, int, float, float], Any]] = None) -> dict[str, Any]: ...
def crossbar_column_voltages(normalized_currents: ArrayLike, X: ArrayLike, max_pixel: float,
                             current_range: str, chip: dict[str, Any] = ..., coefficient_factors: ArrayLike = ...,
                             factors_per_device: int = 0, stuck: ArrayLike = ...) -> FloatArray: ...
def crossbar_energy(normalized_currents: ArrayLike, X: ArrayLike, max_pixel: float,
                    laser_pulse_s: float = 5e-6) -> dict[str, float]: ...
def neel_brown_parameters(name: str = "cofeb_ellipse_100x50x2nm", temperature_K: float = 300.0,
                          attempt_time_s: float = 1e-9) -> dict[str, float]: ...
def switching_probability(current_A: ArrayLike, pulse_width_s: ArrayLike, *, junctions: int = 1000,
                          temperature_K: float = 300.0, attempt_time_s: float = 1e-9, seed: int = 1,
                          name: str = "cofeb_ellipse_100x50x2nm") -> FloatArray:
    """Fraction of junctions switched AP -> P by a pulse of I [A] and width w [s] (Neel-Brown)."""
def field_sweep(laser_power_W: float = 0.150, bias_A: float = 3e-3, *, max_field_A_per_m: float = ...,
                rate_A_per_m_per_s: float = ..., sample_interval_s: float = 5e-4, cycles: int = 1, trial: int = 0,
                seed: int = 2025, junction: Literal["hybrid_mgo_800nm", "physics_mgo_800nm"] = "hybrid_mgo_800nm",
                free_switching_field_A_per_m: float = ..., barkhausen_onset_field_A_per_m: float = ...,
                reference_depinning_field_A_per_m: float = ..., reference_repinning_field_A_per_m: float = ...,
                switching_field_spread: float = 0.03, barkhausen_density_m_per_A: float = ...,
                min_jump: float = 0.005, max_jump: float = 0.05, spike_gain: float = 10.0,
                spike_decay_time_s: float = 1e-3) -> dict[str, np.ndarray]:
    """Hysteresis field sweep +H_max -> -H_max -> +H_max [A/m] with double switching and Barkhausen spikes:
    time_s, field_A_per_m, free_layer, reference_layer, v_ac_V, v_dc_V, spike_V, state (0 = P, 1 = AP),
    jump_times_s, jump_indices, free_switch_fields_A_per_m, reference_switch_fields_A_per_m, jumps_per_branch."""
def vortex_field_sweep(laser_power_W: float = 0.150, bias_A: float = 3e-3, *, junctions: int = 16,
                       max_field_A_per_m: float = ..., rate_A_per_m_per_s: float = ..., sample_interval_s: float = 5e-4,
                       settle_s: float = 1.0, seed: int = 100, site_spacing_m: float = 10e-9,
                       pinning_energy_J: float = 8e-20, attempt_frequency_Hz: float = 1e9,
                       exchange_bias_A_per_m: float = 8e4, blocking_temperature_K: float = 500.0,
                       coercive_field_A_per_m: float = 4e3) -> dict[str, Any]:
    """Vortex junctions in a field sweep -H_max -> +H_max -> -H_max [A/m]: core hops between pinning sites
    (the spikes), annihilation and reference-layer depinning at the laser-heated temperature; arrays
    time_s, field_A_per_m [n], free_layer, reference_layer, relative_magnetization, hops, v_ac_V, v_dc_V
    [junctions, n], spike_junction, spike_index, spike_time_s, spike_field_A_per_m, spike_hops; floats
    temperature_K, annihilation_field_A_per_m, nucleation_field_A_per_m, exchange_bias_A_per_m."""
def run_sweep_csv(text: str, source: str = "<sweep>", threads: int = 1) -> Tuple[str, list[str]]:
    """Runs a sweep (JSON text, tools/sweep schema) on threads: (CSV header, CSV row per point)."""
def run_vogels_abbott(kind: Literal["coba", "cuba"] = "coba", duration_s: float = 1.0, *, neurons: int = 4000,
                      seed: int = 1, dt_s: float = 1e-4, threads: int = 1) -> dict[str, Any]:
    """COBA or CUBA network of Brette et al. 2007; spike monitor as arrays time_s [s], neuron."""

class DiehlCook:
    """The unsupervised spiking network of Diehl & Cook 2015."""

    def __init__(self, inputs: int = 784, excitatory: int = 400, *, seed: int = 1, lockout_s: float = 0.0,
                 input_delay_s: float = 0.0, pre_rate_S: float = -1.0, post_rate_S: float = -1.0) -> None: ...
    def present(self, images: ArrayLike, max_pixel: float) -> npt.NDArray[np.uint32]:
        """Excitatory spike counts [images, neurons]."""
    def set_learning(self, on: bool) -> None: ...
    @property
    def presentations(self) -> int: ...
    @property
    def weights(self) -> FloatArray:
        """Input -> excitatory weights [inputs, neurons] [S]."""

def opto_electronic_fit(X: ArrayLike, y: ArrayLike, classes: int, hidden: int, max_pixel: float, epochs: int,
                        learning_rate: float, batch_size: int, output_scale: float, optimizer: str,
                        learning_rate_decay: float, weight_decay: float, gain_W_per_V: float, offset_V: float,
                        threads: int, seed: int, current_range: str, chip: dict[str, Any] = ...,
                        callback: Optional[Callable[[int, int, float, float], Any]] = None) -> dict[str, Any]: ...
def opto_electronic_outputs(first_currents: ArrayLike, second_currents: ArrayLike, X: ArrayLike, max_pixel: float,
                            gain_W_per_V: float, offset_V: float, current_range: str, chip: dict[str, Any] = ...,
                            realised: dict[str, Any] = ...) -> FloatArray: ...
def opto_electronic_energy(first_currents: ArrayLike, second_currents: ArrayLike, X: ArrayLike, max_pixel: float,
                           gain_W_per_V: float, offset_V: float, current_range: str, chip: dict[str, Any] = ...,
                           realised: dict[str, Any] = ..., laser_pulse_s: float = 5e-6) -> dict[str, float]: ...
