// spinaptic/device/stack.hpp: geometry and layer sequence of an MTJ pillar, and the paper's stack.
#pragma once

#include <array>
#include <numbers>
#include <string_view>

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// One layer: material and thickness.
struct layer {
  /// The layer's material, e.g. "MgO" or "CoFeB".
  std::string_view material;
  /// Layer thickness t [m].
  units::length thickness;
};

/// Elliptical (or circular) pillar cross-section with principal diameters a >= b.
struct pillar_geometry {
  /// Long axis of the elliptical pillar [m].
  units::length major_diameter;
  /// Short axis of the elliptical pillar [m] (equal to major_diameter for a circle).
  units::length minor_diameter;

  /// A circular pillar of diameter d.
  static pillar_geometry circular(units::length d) { return pillar_geometry{d, d}.validated(); }

  /// This geometry after range checks (positive diameters, minor <= major).
  [[nodiscard]] pillar_geometry validated() const {
    detail::require_positive("pillar major diameter [m]", units::in_si(major_diameter));
    detail::require_positive("pillar minor diameter [m]", units::in_si(minor_diameter));
    return *this;
  }
  /// A = pi a b / 4 [m^2].
  [[nodiscard]] units::area area() const {
    (void)validated();
    return std::numbers::pi / 4.0 * major_diameter * minor_diameter;
  }
};

/// The layer sequence of the paper's CoFeB/MgO junction (Oberbauer et al., Commun. Phys. 2025,
/// "Device architecture and measurement setup"; thicknesses in nm).
namespace oberbauer2025 {
using namespace spinaptic::literals;
/// Free layer: CoFe40B20(2)/Ta(0.21)/Ni80Fe20(7)/Ta(10)/Ru(7).
inline const std::array<layer, 5> free_layer{{{"Co40Fe40B20", 2.0_nm},
                                              {"Ta", 0.21_nm},
                                              {"Ni80Fe20", 7.0_nm},
                                              {"Ta", 10.0_nm},
                                              {"Ru", 7.0_nm}}};
/// Reference side (synthetic antiferromagnet, exchange-biased by IrMn):
/// Ta(5)/Ru(5)/IrMn(6)/CoFe30(2)/Ru(0.7)/CoFe40B20(2.6).
inline const std::array<layer, 6> reference_layer{{{"Ta", 5.0_nm},
                                                   {"Ru", 5.0_nm},
                                                   {"IrMn", 6.0_nm},
                                                   {"Co70Fe30", 2.0_nm},
                                                   {"Ru", 0.7_nm},
                                                   {"Co40Fe40B20", 2.6_nm}}};
/// Barrier: crystalline MgO; the paper's thermal estimate uses t = 2 nm.
inline const layer barrier{"MgO", 2.0_nm};
/// Top contact stack: TiWN(15)/AlSiCu(100), with an ITO window for optical access.
inline const std::array<layer, 2> top_contact{{{"TiWN", 15.0_nm}, {"AlSiCu", 100.0_nm}}};
}  // namespace oberbauer2025

}  // namespace spinaptic::device
