// spinaptic/learning/training_options.hpp: the options of a trainer and what a pass over a data
// set returns.
#pragma once

#include <cstddef>
#include <string>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/error.hpp"
#include "spinaptic/learning/data_set.hpp"

namespace spinaptic::learning {

/// Training hyper-parameters (docs/physics.md, "Network and learning").
struct training_options {
  double output_scale = 100.0;  ///< beta > 0: logits z_l = beta U_l / (N_in V_max) (the convenience constructor's loss)
  std::size_t batch_size = 32;  ///< mini-batch size B
  std::size_t threads = 1;      ///< threads per batch; results do not depend on it
  std::size_t chunks = 2;       ///< fixed partition of each batch; the gradient is the ordered sum of chunk sums
  /// Smallest lit fraction of the drives (data_set::lit_fraction) at which a step reads every row
  /// in dense sample-major blocks, where the kernels and the loss offer them, instead of each
  /// sample's lit rows; both give the same bits. Below 0: the default (0.35 with vectors of at
  /// least four doubles, never with two; docs/network.md). NaN or infinite: invalid_parameter.
  double dense_from = -1.0;
};

/// Loss and accuracy over one pass.
struct pass_result {
  double mean_loss = 0.0;   ///< mean loss per sample
  double accuracy = 0.0;    ///< correct / samples
  std::size_t correct = 0;  ///< samples whose argmax output is the label
  std::size_t samples = 0;  ///< samples seen
};

/// Evaluation with the confusion matrix [true class][predicted class].
struct evaluation : pass_result {
  /// counts [true class][predicted class]
  xt::xtensor<std::size_t, 2> confusion = xt::xtensor<std::size_t, 2>::from_shape({0, 0});
};

/// Throws size_mismatch or invalid_parameter unless `data` fits `net` (rows = inputs, every
/// label an output): what a trainer and evaluate() check before a pass.
template <class Network>
void check_data(const Network& net, const data_set& data) {
  if (data.rows() != net.inputs()) throw size_mismatch("drive vector length (network inputs)", net.inputs(), data.rows());
  if (data.classes() > net.outputs())
    throw invalid_parameter("label", double(data.classes() - 1),
                            "[0, " + std::to_string(net.outputs() - 1) + "] (one class per network output)");
}

namespace detail_trainer {

/// The means of a pass: loss per sample and accuracy.
inline pass_result finish(pass_result r) {
  if (r.samples) {
    r.mean_loss /= double(r.samples);
    r.accuracy = double(r.correct) / double(r.samples);
  }
  return r;
}
}  // namespace detail_trainer

}  // namespace spinaptic::learning
