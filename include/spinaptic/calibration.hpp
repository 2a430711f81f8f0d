// spinaptic/calibration.hpp: the optional calibration component (needs Eigen 3.4; CMake target
// spinaptic::calibration): fits of the response models to a user's measured sweep.
#pragma once

#include "spinaptic/calibration/fit_result.hpp"
#include "spinaptic/calibration/levenberg_marquardt.hpp"
#include "spinaptic/calibration/physics_fit.hpp"
#include "spinaptic/calibration/polynomial_fit.hpp"
#include "spinaptic/device/measured_sweep.hpp"
