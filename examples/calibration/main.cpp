// examples/calibration: fit the response models to a measured lock-in sweep V_AC(P, I) per state.
// Without --sweep it makes a synthetic measurement from known parameters (the physics preset's
// stack with other thermoelectric and temperature coefficients) plus Gaussian noise, writes it in
// the CSV format measured_tms reads, and fits it back:
//   * the physics-derived response by Levenberg-Marquardt (S_P, S_AP, beta_P, beta_TMR, beta_h),
//   * the calibrated polynomial surface (M = 2) by linear least squares,
// printing every parameter with its standard error (and the truth, for the synthetic sweep), the
// residual RMS, and a residual plot (residuals.png, gnuplot).
//
//   calibration [--sweep FILE.csv] [--noise-uV SIGMA] [--seed S] [--out DIR] [--no-plots]
//
// Needs the optional Eigen component (CMake target spinaptic::calibration). The last line is
// machine-readable: fit_rms_residual=<volts> of the physics fit.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

#include <spinaptic/calibration.hpp>
#include <spinaptic/device/presets.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;
using device::magnetic_state;
using physics = device::presets::physics_mgo_800nm;

int main(int argc, char** argv) try {
  example::command_line cli{"Fit the response models to a measured lock-in sweep V_AC(P, I) (synthetic without --sweep)"};
  std::string out_arg = "out/calibration", sweep_file;
  double noise_uV = 20.0;
  std::uint64_t seed = 5;
  bool plots = true;
  cli.add_output_folder(out_arg);
  cli.add("--sweep", sweep_file, "your measured sweep (CSV: state,power_W,current_A,voltage_V)").existing_file();
  cli.add("--noise-uV", noise_uV, "noise of the synthetic sweep [uV rms]").range(0.0, 1e6).show_default();
  cli.add("--seed", seed, "seed of the synthetic sweep's noise").show_default();
  cli.flag("!--no-plots", plots, "write CSV files only");
  if (const int code = cli.parse(argc, argv); code >= 0) return code;
  const double sigma = noise_uV * 1e-6;
  const std::string out = example::make_output_folder(out_arg).string();

  const auto which = calibration::all_physics_parameters();
  Eigen::VectorXd truth(5);
  truth << -45e-6, -65e-6, -1.2e-3, 3.5e-3, 1.2e-2;  // S_P, S_AP [V/K], beta_P, beta_TMR, beta_h [1/K]
  const bool synthetic = sweep_file.empty();
  const std::string path = synthetic ? out + "/sweep.csv" : sweep_file;
  if (synthetic) {
    const auto truth_junction = calibration::detail_physics_fit::with(physics::junction(), which, truth);
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> noise(0.0, sigma);
    device::measured_sweep s;
    for (auto state : {magnetic_state::parallel, magnetic_state::antiparallel})
      for (int i = 0; i <= 6; ++i)
        for (int k = -6; k <= 6; ++k) {
          const double p = 0.025 * i, current = 0.5e-3 * k;
          s.add(state, p, current,
                units::in_si(truth_junction.response.thermovoltage(state, units::as<units::power>(p),
                                                         units::as<units::current>(current),
                                                         truth_junction.resistance_model, truth_junction.heating)) +
                    noise(engine));
        }
    device::write_sweep(path, s);
    std::printf("synthetic sweep: %zu points (7 powers x 13 currents x 2 states), noise %.1f uV, seed %llu -> %s\n",
                s.size(), sigma * 1e6, static_cast<unsigned long long>(seed), path.c_str());
  }
  const auto sweep = device::read_sweep(path);

  const auto phys = calibration::fit_physics_response(sweep, physics::junction());
  std::printf("\nphysics-derived response, Levenberg-Marquardt (%zu iterations):\n", phys.fit.iterations);
  std::printf("  %-9s %14s %12s %14s %8s\n", "parameter", "fit", "std. error", synthetic ? "truth" : "", synthetic ? "z" : "");
  for (Eigen::Index n = 0; n < phys.fit.values.size(); ++n) {
    std::printf("  %-9s %14.6g %12.3g", phys.fit.names[std::size_t(n)].c_str(), phys.fit.values[n], phys.fit.standard_errors[n]);
    if (synthetic)
      std::printf(" %14.6g %8.2f", truth[n], (phys.fit.values[n] - truth[n]) / phys.fit.standard_errors[n]);
    std::printf("  %s\n", phys.fit.units[std::size_t(n)].c_str());
  }
  std::printf("  residual RMS %.3f uV (%zu degrees of freedom)\n", phys.fit.rms_residual * 1e6, phys.fit.degrees_of_freedom);

  const auto poly = calibration::fit_polynomial_surface<2>(sweep, physics::response().scale());
  std::printf("\ncalibrated polynomial surface (M = 2), linear least squares: %zu coefficients c_mk, "
              "residual RMS %.3f uV\n", std::size_t(poly.fit.values.size()), poly.fit.rms_residual * 1e6);
  for (Eigen::Index n = 0; n < poly.fit.values.size(); ++n)
    std::printf("  %-8s %12.6f +- %.6f\n", poly.fit.names[std::size_t(n)].c_str(), poly.fit.values[n],
                poly.fit.standard_errors[n]);

  {
    std::ofstream csv(out + "/residuals.csv");
    csv << "state,power_mW,current_mA,measured_mV,physics_residual_uV,polynomial_residual_uV\n";
    for (std::size_t n = 0; n < sweep.size(); ++n)
      csv << (sweep.state[n] == magnetic_state::parallel ? "P" : "AP") << ',' << sweep.power[n] * 1e3 << ','
          << sweep.current[n] * 1e3 << ',' << sweep.voltage[n] * 1e3 << ',' << phys.fit.residuals[Eigen::Index(n)] * 1e6
          << ',' << poly.fit.residuals[Eigen::Index(n)] * 1e6 << '\n';
  }
  if (plots) {
    std::ostringstream gp;
    gp << "set terminal pngcairo size 1000,460 noenhanced\nset datafile separator ','\n"
          "set output '" << out << "/residuals.png'\nset multiplot layout 1,2\n"
          "set xlabel 'I (mA)'; set ylabel 'residual (uV)'; set grid; set key top left\n"
          "set title 'physics-derived fit (rms " << phys.fit.rms_residual * 1e6 << " uV)'\n"
          "plot '" << out << "/residuals.csv' skip 1 using (strcol(1) eq 'AP' ? $3 : 1/0):5 with points pt 7 ps 0.6 title 'AP', "
          "'' skip 1 using (strcol(1) eq 'P' ? $3 : 1/0):5 with points pt 6 ps 0.6 title 'P'\n"
          "set title 'polynomial surface M = 2 (rms " << poly.fit.rms_residual * 1e6 << " uV)'\n"
          "plot '" << out << "/residuals.csv' skip 1 using (strcol(1) eq 'AP' ? $3 : 1/0):6 with points pt 7 ps 0.6 title 'AP', "
          "'' skip 1 using (strcol(1) eq 'P' ? $3 : 1/0):6 with points pt 6 ps 0.6 title 'P'\nunset multiplot\n";
    example::plot(out, "residuals", gp.str());
  }
  std::printf("\noutputs in %s (sweep.csv, residuals.csv%s)\n", out.c_str(), plots ? ", residuals.png/.svg" : "");
  std::printf("fit_rms_residual=%.6g\n", phys.fit.rms_residual);
  return 0;
} catch (const std::exception& e) {  // spinaptic::error included (examples/common/guarded_main.hpp)
  std::cerr << "calibration: " << e.what() << '\n';
  return 1;
} catch (...) {
  std::cerr << "calibration: unknown error\n";
  return 1;
}
