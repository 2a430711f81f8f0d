#!/usr/bin/env python3
"""Reference values of the magnetometric axial demagnetising factor N_z(gamma) of a uniformly
magnetised circular cylinder (gamma = length / diameter), for tests/device/demagnetization.cpp.

Two independent evaluations in 40-digit arithmetic (mpmath):
  * the Fourier (Beleggia et al. 2005) integral
      N_z = (1/gamma) int_0^inf J1(k)^2 (1 - exp(-2 gamma k)) / k^2 dk
          = (1/gamma) [4/(3 pi) - int_0^inf J1(k)^2 exp(-2 gamma k) / k^2 dk],
    with the damped integral summed over the half-periods of J1^2 by mpmath.quadosc;
  * the closed form with complete elliptic integrals of modulus k = 1/sqrt(1 + gamma^2)
    (Chen, Brug & Goldfarb, IEEE Trans. Magn. 27, 3601 (1991); Beleggia et al., J. Phys. D 38,
    3333 (2005), at beta = 1):
      N_z = 1 + 4/(3 pi gamma) [1 - sqrt(1 + gamma^2) ((1 - gamma^2) E(k) + gamma^2 K(k))].
The script stops if they differ by more than 1e-25 and prints N_z to 17 significant digits.
Run: python3 scripts/cylinder_demag_reference.py   (needs python3-mpmath)
"""
from mpmath import mp, mpf, besselj, ellipe, ellipk, exp, inf, pi, quadosc, sqrt

mp.dps = 40


def closed_form(gamma):
    m = 1 / (1 + gamma * gamma)  # parameter m = k^2 (mpmath's convention)
    return 1 + 4 / (3 * pi * gamma) * (1 - sqrt(1 + gamma * gamma) *
                                       ((1 - gamma * gamma) * ellipe(m) + gamma * gamma * ellipk(m)))


def fourier_integral(gamma):
    damped = quadosc(lambda k: besselj(1, k) ** 2 * exp(-2 * gamma * k) / k ** 2, [0, inf], period=pi)
    return (4 / (3 * pi) - damped) / gamma


for text in ["0.0025", "0.01", "0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10"]:
    gamma = mpf(text)
    a, b = closed_form(gamma), fourier_integral(gamma)
    assert abs(a - b) < mpf("1e-25"), (text, a, b)
    print(f"{{{text}, {mp.nstr(a, 17)}}},")
