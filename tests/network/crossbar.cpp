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

#include "../support/sampled_measurement.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;
using paper_layer = network::crossbar<64, 10, preset::response_type>;

namespace {
/// A measured sweep sampled from the paper's polynomial surface on a 6 x 9 grid.
device::measured_tms sampled_measurement() { return testing::sampled_measurement(5, 4); }

template <class Layer>
void randomise(Layer& layer, unsigned seed) {
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
  randomise(layer, 1);
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

TEST_CASE("dynamic extents compute what compile-time extents compute", "[crossbar]") {
  paper_layer fixed(preset::response());
  network::crossbar<network::dynamic_extent, network::dynamic_extent, preset::response_type> dynamic(
      preset::response(), 64, 10);
  randomise(fixed, 3);
  randomise(dynamic, 3);
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
  randomise(layer, 5);
  const auto drives = random_drives(B, N, 6);
  const std::vector<double> delta{0.3, -1.0, 0.5, 1.0, 0.2, -0.7, -0.4, 0.9, 0.1, 0.6, -0.2, 0.8};
  std::vector<double> grad(N * L, 0.0), u(B * L);
  layer.prepare();
  layer.backward_prepared(drives.data(), delta.data(), B, grad.data());
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
    randomise(layer, 9);
    layer.prepare();
    std::vector<double> dense_u(3 * L), lit_u(3 * L), dense_g(N * L, 0.0), lit_g(N * L, 0.0), scratch(layer.lit_scratch_size());
    layer.forward_prepared(picked.data(), 3, dense_u.data());
    layer.forward_lit(batch, 0, 3, lit_u.data());
    layer.backward_prepared(picked.data(), delta.data(), 3, dense_g.data());
    layer.backward_lit(batch, 0, 3, delta.data(), scratch.data(), lit_g.data());
    for (std::size_t k = 0; k < 3 * L; ++k) CHECK(lit_u[k] == Approx(dense_u[k]).epsilon(1e-13));
    for (std::size_t k = 0; k < N * L; ++k) CHECK(lit_g[k] == Approx(dense_g[k]).epsilon(1e-13).margin(1e-15));
    std::vector<double> second(L);  // a sub-range: the last sample alone
    layer.forward_lit(batch, 2, 1, second.data());
    for (std::size_t l = 0; l < L; ++l) CHECK(second[l] == Approx(dense_u[2 * L + l]).epsilon(1e-13));
    // the per-sample pieces the trainer fuses give the batch kernels' results bit for bit
    std::vector<double> pair_u(3 * L), fused_g(N * L, 0.0), fused_scratch(layer.lit_scratch_size(), 0.0);
    auto entries = [&](std::size_t b) {
      const std::size_t e = batch.start[b];
      return std::tuple(batch.row.data() + e, batch.drive.data() + e, batch.start[b + 1] - e);
    };
    const auto [rows0, p0, n0] = entries(0);
    const auto [rows1, p1, n1] = entries(1);
    const auto [rows2, p2, n2] = entries(2);
    layer.lit_column_sums_pair(rows0, p0, n0, pair_u.data(), rows1, p1, n1, pair_u.data() + L);
    layer.lit_column_sums(rows2, p2, n2, pair_u.data() + 2 * L);
    for (std::size_t k = 0; k < 3 * L; ++k) CHECK(pair_u[k] == lit_u[k]);
    for (std::size_t b = 0; b < 3; ++b) {
      const auto [rows, p, n] = entries(b);
      layer.accumulate_lit(rows, p, n, delta.data() + b * L, fused_g.data(), fused_scratch.data());
    }
    for (std::size_t d = 0; d < N * L; ++d)
      CHECK(layer.lit_gradient_at(d, fused_g.data(), fused_scratch.data()) == lit_g[d]);
  };
  network::crossbar<N, L, preset::response_type> fixed(preset::response());
  network::crossbar<network::dynamic_extent, network::dynamic_extent, preset::response_type> dynamic(
      preset::response(), N, L);
  compare(fixed);
  compare(dynamic);
}
