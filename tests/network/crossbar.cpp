// Tests for spinaptic/network/crossbar.hpp: column sums against the junction response summed by
// hand (units API), analytic gradients against finite differences, any normalized_response.
#include <catch2/catch.hpp>

#include <array>
#include <random>
#include <tuple>
#include <vector>

#include <spinaptic/device/measured_response.hpp>
#include <spinaptic/device/presets.hpp>
#include <spinaptic/network/crossbar.hpp>
#include <spinaptic/network/lit_rows.hpp>

#include "../support/sampled_measurement.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;
using paper_layer = network::crossbar<64, 10, preset::response_type>;

namespace {
/// A measured sweep sampled from the paper's polynomial surface on a 6 x 9 grid.
device::measured_tms sampled_measurement() { return testing::sampled_measurement(5, 4); }

template <class Layer>
void randomize(Layer& layer, unsigned seed) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> x(-0.95, 0.95);
  for (double& c : layer.normalized_currents()) c = x(engine);
}

std::vector<double> random_drives(std::size_t count, std::size_t rows, unsigned seed) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> p(0.0, 1.0);
  std::vector<double> v(count * rows);
  for (double& d : v) d = p(engine);
  return v;
}
}  // namespace

TEST_CASE("a column voltage is the series sum of the junction thermovoltages", "[crossbar]") {
  paper_layer layer(preset::response());
  randomize(layer, 1);
  const auto drives = random_drives(1, 64, 2);
  std::vector<units::power> powers;
  for (double p : drives) powers.push_back(p * preset::max_power());
  const auto response = preset::response();
  for (std::size_t l = 0; l < 10; ++l) {
    units::voltage by_hand = 0.0_V;
    for (std::size_t j = 0; j < 64; ++j)
      by_hand += response.thermovoltage(device::antiparallel, powers[j], layer.current(j, l));
    CHECK(units::in_si(layer.column_voltage(powers, l)) == Approx(units::in_si(by_hand)).epsilon(1e-12));
  }
}

TEST_CASE("all junctions at I_max under P_max give 64 V_AP,max per column", "[crossbar]") {
  paper_layer layer(preset::response());
  for (std::size_t j = 0; j < 64; ++j)
    for (std::size_t l = 0; l < 10; ++l) layer.set_current(j, l, 3.0_mA);
  const std::vector<units::power> powers(64, 150.0_mW);
  // V_AP(P_max, I_max) = 23.35 mV (Oberbauer et al. 2025, Fig. 4d), 64 in series.
  CHECK(units::in_si(layer.column_voltage(powers, 3)) == Approx(64 * 23.35e-3).epsilon(1e-12));
}

TEST_CASE("prediction is the column with the largest voltage", "[crossbar]") {
  paper_layer layer(preset::response());
  for (std::size_t j = 0; j < 64; ++j)
    for (std::size_t l = 0; l < 10; ++l) layer.set_current(j, l, l == 7 ? 2.0_mA : -1.0_mA);
  const std::vector<units::power> powers(64, 50.0_mW);
  CHECK(layer.predict(powers) == 7);
}

TEST_CASE("currents outside the range are refused, not clamped", "[crossbar]") {
  network::crossbar<4, 3, preset::response_type> bipolar(preset::response());
  CHECK_THROWS_AS(bipolar.set_current(0, 0, 3.1_mA), invalid_parameter);
  bipolar.set_current(0, 0, -3.0_mA);
  network::crossbar<4, 3, preset::response_type> positive(preset::response(), device::antiparallel,
                                                         network::current_range::non_negative);
  CHECK_THROWS_AS(positive.set_current(0, 0, -0.1_mA), invalid_parameter);
  const std::vector<units::power> three(3, 1.0_mW);
  CHECK_THROWS_AS(positive.predict(three), size_mismatch);
}

TEST_CASE("indices outside the crossbar are refused (issue 9: set_current(100, 0), current(4, 3) on 4 x 3)", "[crossbar]") {
  network::crossbar<4, 3, preset::response_type> layer(preset::response());
  CHECK_THROWS_AS(layer.set_current(100, 0, 1.0_mA), index_out_of_range);
  CHECK_THROWS_AS(layer.set_current(0, 3, 1.0_mA), index_out_of_range);
  CHECK_THROWS_AS((void)layer.current(4, 3), index_out_of_range);
  CHECK_THROWS_AS((void)layer.current(3, 3), index_out_of_range);
  CHECK_NOTHROW((void)layer.current(3, 2));
  const std::vector<units::power> powers(4, 1.0_mW);
  try {
    (void)layer.column_voltage(powers, 3);
    FAIL("column 3 of 3 accepted");
  } catch (const index_out_of_range& e) {  // names the index and the allowed range, not "expected 3, got 3"
    CHECK_THAT(e.what(), Catch::Contains("column index") && Catch::Contains("= 3") && Catch::Contains("[0, 2]"));
  }
}

TEST_CASE("a dynamic crossbar too large to address is refused with a size error (issue 9: 2^32 x 2^32)", "[crossbar]") {
  using dynamic_layer = network::crossbar<network::dynamic_extent, network::dynamic_extent, preset::response_type>;
  const std::size_t huge = std::size_t{1} << 32;
  CHECK_THROWS_AS(dynamic_layer(preset::response(), huge, huge), invalid_parameter);
  CHECK_THROWS_AS(dynamic_layer(preset::response(), 0, 10), invalid_parameter);
  CHECK_THROWS_AS(dynamic_layer(preset::response(), 10, 1), invalid_parameter);
  try {
    dynamic_layer too_big(preset::response(), huge, huge);
  } catch (const invalid_parameter& e) {
    CHECK_THAT(e.what(), Catch::Contains("inputs x outputs"));
  }
}

TEST_CASE("the crossbar classifies raw pixels through its input encoding", "[crossbar][encoding]") {
  paper_layer layer(preset::response());
  for (std::size_t j = 0; j < 64; ++j)
    for (std::size_t l = 0; l < 10; ++l) layer.set_current(j, l, l == 4 ? 2.0_mA : -1.0_mA);
  const std::vector<double> pixels(64, 8.0);  // half of full scale 16: P = 75 mW on every row
  CHECK(layer.classify(pixels, 16.0) == 4);
  CHECK(layer.classify(pixels, 16.0) == layer.predict(std::vector<units::power>(64, 75.0_mW)));
  CHECK_THROWS_AS((void)layer.classify(std::vector<double>(64, 17.0), 16.0), invalid_parameter);
}

TEST_CASE("dynamic extents compute what compile-time extents compute", "[crossbar]") {
  paper_layer fixed(preset::response());
  network::crossbar<network::dynamic_extent, network::dynamic_extent, preset::response_type> dynamic(
      preset::response(), 64, 10);
  randomize(fixed, 3);
  randomize(dynamic, 3);
  const auto drives = random_drives(5, 64, 4);
  std::vector<double> a(50), b(50);
  fixed.forward(drives.data(), 5, a.data());
  dynamic.forward(drives.data(), 5, b.data());
  CHECK(a == b);
}

TEMPLATE_TEST_CASE("analytic dU/dI matches central finite differences", "[crossbar][gradient]",
                   preset::response_type, device::measured_tms) {
  constexpr std::size_t N = 6, L = 3, B = 4;
  auto response = [] {
    if constexpr (std::is_same_v<TestType, device::measured_tms>) return sampled_measurement();
    else return preset::response();
  }();
  network::crossbar<N, L, TestType> layer(response);
  randomize(layer, 5);
  const auto drives = random_drives(B, N, 6);
  const std::vector<double> delta{0.3, -1.0, 0.5, 1.0, 0.2, -0.7, -0.4, 0.9, 0.1, 0.6, -0.2, 0.8};
  std::vector<double> grad(N * L, 0.0), u(B * L), input_grad(B * N);
  {
    typename network::crossbar<N, L, TestType>::kernels_type kernels;
    kernels.prepare(layer);
    std::vector<double> accumulator(kernels.accumulator_size(), 0.0);
    for (std::size_t b = 0; b < B; ++b)
      kernels.backward(network::dense_drives{drives.data() + b * N, N}, nullptr, delta.data() + b * L,
                       input_grad.data() + b * N, accumulator.data());
    for (std::size_t d = 0; d < N * L; ++d) grad[d] = kernels.template gradient_and_clear<0>(accumulator.data(), d);
    for (double a : accumulator) CHECK(a == 0.0);  // cleared for the next step
  }
  auto objective = [&] {  // sum_b sum_l delta_bl u_bl
    layer.forward(drives.data(), B, u.data());
    double s = 0.0;
    for (std::size_t k = 0; k < B * L; ++k) s += delta[k] * u[k];
    return s;
  };
  const double h = 1e-6;  // inside one grid cell of the measured table
  for (std::size_t d = 0; d < N * L; ++d) {
    double& x = layer.normalized_currents().data()[d];
    const double x0 = x;
    x = x0 + h;
    const double up = objective();
    x = x0 - h;
    const double down = objective();
    x = x0;
    CHECK(grad[d] == Approx((up - down) / (2 * h)).epsilon(1e-6).margin(1e-9));
  }
  // the input deltas dObjective/dp_bj (what a layer below receives), against central differences
  auto drives_mut = drives;
  auto objective_of_drives = [&] {
    layer.forward(drives_mut.data(), B, u.data());
    double s = 0.0;
    for (std::size_t k = 0; k < B * L; ++k) s += delta[k] * u[k];
    return s;
  };
  for (std::size_t k = 0; k < B * N; ++k) {
    const double p0 = drives_mut[k];
    drives_mut[k] = p0 + h;
    const double up = objective_of_drives();
    drives_mut[k] = p0 - h;
    const double down = objective_of_drives();
    drives_mut[k] = p0;
    CHECK(input_grad[k] == Approx((up - down) / (2 * h)).epsilon(1e-6).margin(1e-9));
  }
}

TEST_CASE("a measured table sampled from the polynomial reproduces it at the grid points", "[crossbar]") {
  network::crossbar<3, 2, device::measured_tms> measured(sampled_measurement());
  network::crossbar<3, 2, preset::response_type> polynomial(preset::response());
  for (auto* x : {&measured.normalized_currents(), &polynomial.normalized_currents()}) {
    (*x)(0, 0) = 0.25; (*x)(1, 0) = -0.5; (*x)(2, 0) = 1.0;
    (*x)(0, 1) = -1.0; (*x)(1, 1) = 0.75; (*x)(2, 1) = 0.0;
  }
  const std::vector<double> drives{0.2, 0.6, 1.0};
  std::vector<double> a(2), b(2);
  measured.forward(drives.data(), 1, a.data());
  polynomial.forward(drives.data(), 1, b.data());
  CHECK(a[0] == Approx(b[0]).epsilon(1e-12));
  CHECK(a[1] == Approx(b[1]).epsilon(1e-12));
}

TEST_CASE("the lit-row kernels equal the dense kernels (dark rows skipped)", "[crossbar][sparse]") {
  constexpr std::size_t N = 12, L = 3, B = 5;
  auto drives = random_drives(B, N, 8);
  for (std::size_t k = 0; k < drives.size(); k += 3) drives[k] = 0.0;  // a third of the rows dark
  const std::vector<double> delta{0.3, -1.0, 0.5, 1.0, 0.2, -0.7, -0.4, 0.9, 0.1, 0.6, -0.2, 0.8, 0.5, 0.5, -1.0};
  const auto all = network::lit_rows::of(drives.data(), B, N);
  CHECK(all.start[B] == B * N - (B * N + 2) / 3);  // every third drive is dark
  network::lit_rows batch;
  batch.reserve(3, N);
  const std::vector<std::size_t> pick{4, 0, 2};
  batch.gather(all, pick.data(), 3);
  std::vector<double> picked;
  for (auto i : pick) picked.insert(picked.end(), drives.begin() + long(i * N), drives.begin() + long((i + 1) * N));
  auto compare = [&](auto& layer) {
    randomize(layer, 9);
    typename std::remove_cvref_t<decltype(layer)>::kernels_type kernels;
    kernels.prepare(layer);
    std::vector<double> dense_u(3 * L), lit_u(3 * L), pair_u(3 * L), dense_in(3 * N), lit_in(3 * N);
    std::vector<double> dense_acc(kernels.accumulator_size(), 0.0), lit_acc(kernels.accumulator_size(), 0.0);
    kernels.forward_batch(picked.data(), 3, dense_u.data());
    auto lit = [&](std::size_t b) {
      const std::size_t e = batch.start[b];
      return network::lit_drives{batch.row.data() + e, batch.drive.data() + e, batch.start[b + 1] - e};
    };
    for (std::size_t b = 0; b < 3; ++b) {
      kernels.forward(lit(b), lit_u.data() + b * L);
      kernels.backward(network::dense_drives{picked.data() + b * N, N}, nullptr, delta.data() + b * L,
                       dense_in.data() + b * N, dense_acc.data());
      kernels.backward(lit(b), nullptr, delta.data() + b * L, lit_in.data() + b * N, lit_acc.data());
    }
    for (std::size_t k = 0; k < 3 * L; ++k) CHECK(lit_u[k] == Approx(dense_u[k]).epsilon(1e-13));
    for (std::size_t k = 0; k < 3 * N; ++k) CHECK(lit_in[k] == Approx(dense_in[k]).epsilon(1e-13).margin(1e-15));
    for (std::size_t d = 0; d < N * L; ++d)
      CHECK(kernels.template gradient_and_clear<0>(lit_acc.data(), d) ==
            Approx(kernels.template gradient_and_clear<0>(dense_acc.data(), d)).epsilon(1e-13).margin(1e-15));
    // two samples interleaved give two single calls bit for bit
    kernels.forward_pair(lit(0), pair_u.data(), nullptr, lit(1), pair_u.data() + L, nullptr);
    kernels.forward(lit(2), pair_u.data() + 2 * L);
    for (std::size_t k = 0; k < 3 * L; ++k) CHECK(pair_u[k] == lit_u[k]);
  };
  network::crossbar<N, L, preset::response_type> fixed(preset::response());
  network::crossbar<network::dynamic_extent, network::dynamic_extent, preset::response_type> dynamic(
      preset::response(), N, L);
  compare(fixed);
  compare(dynamic);
}
