// Diehl & Cook network (network/spiking/diehl_cook.hpp): a small network learns, without labels,
// to answer two distinct input patterns with different neurons, and the label readout then
// classifies fresh presentations of both correctly.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <set>
#include <vector>

#include "spinaptic/network/spiking/diehl_cook.hpp"

using namespace spinaptic;
namespace ss = spinaptic::network::spiking;

namespace {
/// 8 x 8 images: pattern 0 lights the left half, pattern 1 the right half (pixel value 1).
std::vector<double> pattern(std::size_t which) {
  std::vector<double> p(64, 0.0);
  for (std::size_t r = 0; r < 8; ++r)
    for (std::size_t c = 0; c < 8; ++c) p[r * 8 + c] = (c < 4) == (which == 0) ? 1.0 : 0.0;
  return p;
}
std::size_t winner(std::span<const std::uint32_t> counts) {
  std::size_t best = 0;
  for (std::size_t j = 1; j < counts.size(); ++j)
    if (counts[j] > counts[best]) best = j;
  return best;
}
}  // namespace

TEST_CASE("a small Diehl & Cook network separates two distinct input patterns without labels") {
  ss::diehl_cook_settings s;
  s.inputs = 64;
  s.excitatory = 6;
  s.seed = 5;
  s.rule.post_rate = units::as<units::conductance>(5e-11);  // five times the paper's rates: a short run
  s.rule.pre_rate = units::as<units::conductance>(5e-13);
  ss::diehl_cook_network net(s);
  const auto a = pattern(0), b = pattern(1);
  for (std::size_t k = 0; k < 40; ++k) net.present((k % 2 ? b : a).data(), 1.0);  // unsupervised training
  net.set_learning(false);
  ss::label_assignment labels(s.excitatory, 2);
  std::set<std::size_t> winners_a, winners_b;
  for (std::size_t k = 0; k < 6; ++k) {
    const auto ca = net.present(a.data(), 1.0);
    labels.add(ca, 0);
    winners_a.insert(winner(ca));
    const auto cb = net.present(b.data(), 1.0);
    labels.add(cb, 1);
    winners_b.insert(winner(cb));
  }
  labels.assign();
  for (const auto w : winners_a) CHECK(winners_b.count(w) == 0);  // different neurons answer
  std::size_t correct = 0;
  for (std::size_t k = 0; k < 5; ++k) {
    correct += labels.classify(net.present(a.data(), 1.0)) == 0;
    correct += labels.classify(net.present(b.data(), 1.0)) == 1;
  }
  CHECK(correct == 10);
  // the weights of each pattern's winners concentrate on that pattern's half
  const auto& w = net.weights();
  for (const auto& [winners, left_pattern] : {std::pair{winners_a, true}, std::pair{winners_b, false}})
    for (const auto j : winners) {
      double left = 0.0, right = 0.0;
      for (std::size_t i = 0; i < 64; ++i) ((i % 8) < 4 ? left : right) += w(i, j);
      INFO("neuron " << j << ": left " << left << " S, right " << right << " S");
      CHECK((left_pattern ? left > 5.0 * right : right > 5.0 * left));
    }
}

TEST_CASE("label assignment picks, per neuron, the class with the highest mean response") {
  ss::label_assignment l(3, 2);
  const std::vector<std::uint32_t> r0{5, 0, 1}, r1{0, 4, 2}, r1b{0, 6, 0};
  l.add(r0, 0);
  l.add(r1, 1);
  l.add(r1b, 1);
  l.assign();
  CHECK(l.label(0) == 0);
  CHECK(l.label(1) == 1);
  CHECK(l.label(2) == 0);  // 1 (class 0) > mean(2, 0) = 1? equal: the first class with the maximum wins
  CHECK(l.classify(std::vector<std::uint32_t>{0, 3, 0}) == 1);
  CHECK_THROWS_AS(l.add(std::vector<std::uint32_t>{1, 2}, 0), size_mismatch);
}

TEST_CASE("with the Brian2 ports' 50 ms lock-out no excitatory neuron fires more than 7 times in 350 ms") {
  // Spikes at least 50.5 ms apart (50 ms at dt = 0.5 ms, then the next step): at most
  // 1 + floor(349.5 ms / 50.5 ms) = 7 in a 350 ms presentation. Without the lock-out the winner of
  // a bright pattern fires more often (5 ms refractory period only).
  std::uint32_t most_free = 0, most_locked = 0;
  for (const double lock : {0.0, 50e-3}) {
    ss::diehl_cook_settings s;
    s.inputs = 64;
    s.excitatory = 6;
    s.seed = 5;
    s.lockout = units::as<units::time>(lock);
    ss::diehl_cook_network net(s);
    const auto a = pattern(0);
    std::uint32_t& most = lock > 0.0 ? most_locked : most_free;
    for (std::size_t k = 0; k < 4; ++k)
      for (const auto c : net.present(a.data(), 0.25)) most = std::max(most, c);  // 4x the full-scale rate
  }
  CHECK(most_locked <= 7u);
  CHECK(most_locked >= 1u);
  CHECK(most_free > 7u);
}

TEST_CASE("a neuron silent for every labelled example is left out of the vote, as in the original evaluation") {
  // neuron 0 answers class 0 (mean 4), neuron 1 class 1 (mean 4), neuron 2 never fires.
  // Response {3, 2, 0}: class 0 has mean 3 over its one assigned neuron, class 1 mean 2 -> 0.
  // With the silent neuron in class 0 (the training script's running labels) class 0's mean is
  // (3 + 0) / 2 = 1.5 < 2 -> 1.
  const std::vector<std::uint32_t> r0{4, 0, 0}, r1{0, 4, 0}, test{3, 2, 0};
  ss::label_assignment out(3, 2), in_class0(3, 2, ss::silent_neurons::first_class);
  for (auto* l : {&out, &in_class0}) {
    l->add(r0, 0);
    l->add(r1, 1);
    l->assign();
  }
  CHECK(out.label(2) == ss::label_assignment::unassigned);
  CHECK(in_class0.label(2) == 0);
  CHECK(out.classify(test) == 0);
  CHECK(in_class0.classify(test) == 1);
}
