"""Type stubs of spinaptic.opto_electronic."""
from typing import Optional

import numpy as np
import numpy.typing as npt

from ._estimator import PixelClassifier

class OptoElectronicNetwork(PixelClassifier):
    first_currents_: npt.NDArray[np.float64]
    second_currents_: npt.NDArray[np.float64]
    first_coefficient_factors_: npt.NDArray[np.float64]
    first_stuck_: npt.NDArray[np.uint8]
    second_coefficient_factors_: npt.NDArray[np.float64]
    second_stuck_: npt.NDArray[np.uint8]
    def __init__(self, hidden: int = 100, epochs: int = 100, learning_rate: float = 1e-2, batch_size: int = 32,
                 output_scale: float = 60.0, optimizer: str = "adam", learning_rate_decay: float = 1.0,
                 weight_decay: float = 0.0, transfer_gain_W_per_V: Optional[float] = None,
                 transfer_offset_V: float = 0.0, current_range: str = "bipolar", max_pixel: Optional[float] = None,
                 threads: int = 1, random_state: int = 1, spread: float = 0.0, stuck: float = 0.0,
                 stuck_mode: str = "parallel", read_noise_uV: float = 0.0, bandwidth_Hz: float = 0.0,
                 current_bits: int = 0, power_bits: int = 0, crosstalk: float = 0.0) -> None: ...
