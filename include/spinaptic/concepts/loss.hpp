// spinaptic/concepts/loss.hpp: losses on the outputs of a network (its logits), given labels.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
#pragma once

#include <concepts>
#include <cstddef>

namespace spinaptic {

/// A loss: for one sample's outputs u (outputs() doubles) and its label y,
/// `sample(u, y, outputs, delta, sum)` adds L(u, y) to `sum` (an object of the loss's `sum_type`,
/// whose `value()` is the total), writes the gradient delta_l = dL/du_l and returns whether the
/// prediction argmax_l u_l equals y. A loss without the gradient is no loss for a trainer.
template <class F>
concept loss = requires(const F& f, const double* u, std::size_t label, std::size_t outputs, double* delta,
                        typename F::sum_type& sum) {
  { f.sample(u, label, outputs, delta, sum) } -> std::same_as<bool>;
  { sum.value() } -> std::convertible_to<double>;
};

/// A loss that also takes W samples at once, sample-major (uT[l W + b] is output l of sample b,
/// Outputs columns): `block<Outputs, W>(uT, labels, count, deltaT, sum)` writes deltaT in the same
/// layout, adds the losses of samples 0 .. count-1 to `sum` in order and returns how many are
/// correct, the same bits as `count` calls of sample().
template <class F, std::size_t Outputs, std::size_t W>
concept sample_major_loss =
    loss<F> && requires(const F& f, const double* uT, const std::size_t* labels, double* deltaT, typename F::sum_type& sum) {
      { f.template block<Outputs, W>(uT, labels, std::size_t{}, deltaT, sum) } -> std::same_as<std::size_t>;
    };

/// A loss that can be told the output count at compile time: `sample<Outputs>(...)` is sample()
/// with the column loops unrolled (learning/softmax_cross_entropy.hpp). A trainer calls that
/// form for a network whose output count is known at compile time (static_width_layer).
template <class F, std::size_t Outputs>
concept static_width_loss = loss<F> && requires(const F& f, const double* u, double* d, typename F::sum_type& s) {
  { f.template sample<Outputs>(u, std::size_t{0}, Outputs, d, s) } -> std::same_as<bool>;
};

/// A loss built from one scale s alone, `F{s}` (the logit scale s = beta / N_in of the
/// softmax cross-entropy): the trainer's convenience constructor builds it from
/// training_options::output_scale.
template <class F>
concept scale_constructible_loss = loss<F> && requires(double s) { F{s}; };  // braces: an aggregate too (clang 14)

}  // namespace spinaptic
