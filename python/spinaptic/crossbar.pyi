"""Type stubs of spinaptic.crossbar."""
from typing import Optional

import numpy as np
import numpy.typing as npt

from ._estimator import PixelClassifier

class Crossbar(PixelClassifier):
    normalized_currents_: npt.NDArray[np.float64]
    currents_A_: npt.NDArray[np.float64]
    coefficient_factors_: npt.NDArray[np.float64]
    stuck_: npt.NDArray[np.uint8]
    def __init__(self, epochs: int = 300, learning_rate: float = 0.05, batch_size: int = 32,
                 output_scale: float = 200.0, optimizer: str = "sgd", learning_rate_decay: float = 1.0,
                 weight_decay: float = 0.0, current_range: str = "bipolar", max_pixel: Optional[float] = None,
                 threads: int = 1, random_state: int = 1, spread: float = 0.0, stuck: float = 0.0,
                 stuck_mode: str = "parallel", read_noise_uV: float = 0.0, bandwidth_Hz: float = 0.0,
                 current_bits: int = 0, power_bits: int = 0, crosstalk: float = 0.0) -> None: ...
    def predict_proba(self, X: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
