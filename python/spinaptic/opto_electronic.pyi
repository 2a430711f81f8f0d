"""Type stubs of spinaptic.opto_electronic."""
from typing import Any, Callable, Optional

import numpy as np
import numpy.typing as npt

class OptoElectronicNetwork:
    classes_: np.ndarray
    first_currents_: npt.NDArray[np.float64]
    second_currents_: npt.NDArray[np.float64]
    history_: list[tuple[float, float]]
    max_pixel_: float
    n_features_in_: int
    first_coefficient_factors_: npt.NDArray[np.float64]
    first_stuck_: npt.NDArray[np.uint8]
    second_coefficient_factors_: npt.NDArray[np.float64]
    second_stuck_: npt.NDArray[np.uint8]
    factors_per_device_: int
    def __init__(self, hidden: int = 100, epochs: int = 100, learning_rate: float = 1e-2, batch_size: int = 32,
                 output_scale: float = 60.0, optimizer: str = "adam", learning_rate_decay: float = 1.0,
                 weight_decay: float = 0.0, transfer_gain_W_per_V: Optional[float] = None,
                 transfer_offset_V: float = 0.0, current_range: str = "bipolar", max_pixel: Optional[float] = None,
                 threads: int = 1, random_state: int = 1, spread: float = 0.0, stuck: float = 0.0,
                 stuck_mode: str = "parallel", read_noise_uV: float = 0.0, bandwidth_Hz: float = 0.0,
                 current_bits: int = 0, power_bits: int = 0, crosstalk: float = 0.0) -> None: ...
    def get_params(self, deep: bool = True) -> dict[str, Any]: ...
    def set_params(self, **params: Any) -> "OptoElectronicNetwork": ...
    def fit(self, X: npt.ArrayLike, y: npt.ArrayLike,
            callback: Optional[Callable[[int, int, float, float], Any]] = None) -> "OptoElectronicNetwork": ...
    def column_voltages(self, X: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
    def decision_function(self, X: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
    def predict(self, X: npt.ArrayLike) -> np.ndarray: ...
    def score(self, X: npt.ArrayLike, y: npt.ArrayLike, sample_weight: Optional[npt.ArrayLike] = None) -> float: ...
    def energy_per_classification(self, X: npt.ArrayLike, laser_pulse_s: float = 5e-6) -> dict[str, float]: ...
