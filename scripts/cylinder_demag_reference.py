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
It then prints (b/a, t/a, N_x, N_y, N_z) of elliptic cylinders (see elliptic_cylinder below).
Run: python3 scripts/cylinder_demag_reference.py   (needs python3-mpmath; about 11 minutes on one
core, mostly the direct Bessel-integral checks of the thick elliptic cylinders)
"""
from mpmath import mp, mpf, besselj, cos, ellipe, ellipk, exp, inf, pi, quadosc, sin, sqrt

mp.dps = 40


def closed_form(gamma):
    m = 1 / (1 + gamma * gamma)  # parameter m = k^2 (mpmath's convention)
    return 1 + 4 / (3 * pi * gamma) * (1 - sqrt(1 + gamma * gamma) *
                                       ((1 - gamma * gamma) * ellipe(m) + gamma * gamma * ellipk(m)))


def fourier_integral(gamma):
    damped = quadosc(lambda k: besselj(1, k) ** 2 * exp(-2 * gamma * k) / k ** 2, [0, inf], period=pi)
    return (4 / (3 * pi) - damped) / gamma


def damped(s):
    """D(s) = int_0^inf J1(k)^2 exp(-s k) / k^2 dk for s >= 1, panel by panel up to exp(-s k) < 1e-45."""
    edges = [mpf(0)] + [pi / 2 * n for n in range(1, int(110 / s / (pi / 2)) + 2)]
    return mp.quad(lambda k: besselj(1, k) ** 2 * exp(-s * k) / k ** 2, edges)


def elliptic_cylinder(b, t, direct=False):
    """(N_x, N_y, N_z) of an elliptic cylinder with semi-axes 1 >= b and thickness t (units of a = 1).

    In the Fourier integral (Beleggia et al. 2005) the k integral at fixed phi is the circular one,
    int J1^2 (1 - exp(-k g t)) / k^2 dk = (g t / 2) N_circ(g t / 2), so
      N_z = (1/2pi) int_0^2pi N_circ(g t/2) dphi,
      N_x = (1/2pi) int_0^2pi cos^2(phi)/g^2 (1 - N_circ(g t/2)) dphi   (sin^2/(b^2 g^2) for N_y),
    g^2 = cos^2 + sin^2/b^2. With direct=True the k integral is done with Bessel functions instead
    (D(s) above), which checks that reduction."""
    g = lambda p: sqrt(cos(p) ** 2 + sin(p) ** 2 / (b * b))
    if direct:
        inner = lambda p: (2 / (g(p) * t)) * (4 / (3 * pi) - damped(g(p) * t))
    else:
        inner = lambda p: closed_form(g(p) * t / 2)
    quarter = [0, pi / 8, pi / 4, 3 * pi / 8, pi / 2]
    nz = 4 * mp.quad(inner, quarter) / (2 * pi)
    nx = 4 * mp.quad(lambda p: cos(p) ** 2 / g(p) ** 2 * (1 - inner(p)), quarter) / (2 * pi)
    ny = 4 * mp.quad(lambda p: sin(p) ** 2 / (b * b * g(p) ** 2) * (1 - inner(p)), quarter) / (2 * pi)
    return nx, ny, nz


for text in ["0.0025", "0.01", "0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10"]:
    gamma = mpf(text)
    a, b = closed_form(gamma), fourier_integral(gamma)
    assert abs(a - b) < mpf("1e-25"), (text, a, b)
    print(f"{{{text}, {mp.nstr(a, 17)}}},")

# Elliptic cylinders: semi-axis ratio b/a and thickness t/a (t/a = 0.04, b/a = 0.5 is the
# 100 x 50 x 2 nm free layer); for the thickest one the direct Bessel integral is checked too.
for b_text, t_text in [("0.5", "0.04"), ("0.5", "1"), ("0.25", "0.1"), ("0.5", "20")]:
    b, t = mpf(b_text), mpf(t_text)
    nx, ny, nz = elliptic_cylinder(b, t)
    assert abs(nx + ny + nz - 1) < mpf("1e-25"), (b_text, t_text, nx + ny + nz)
    if t >= 1:
        dx, dy, dz = elliptic_cylinder(b, t, direct=True)
        assert max(abs(nx - dx), abs(ny - dy), abs(nz - dz)) < mpf("1e-25"), (b_text, t_text, nx - dx, nz - dz)
    print(f"{{{b_text}, {t_text}, {mp.nstr(nx, 17)}, {mp.nstr(ny, 17)}, {mp.nstr(nz, 17)}}},")
