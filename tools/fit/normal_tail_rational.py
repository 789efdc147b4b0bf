#!/usr/bin/env python3
"""Fits m(a) = erfcx(a/sqrt 2)*(1 + c*a) - 1 on a in [0, A] by a rational N/D in powers of a (D(0) = 1),
(or m/K-shifted: erfcx*(1 + c*a)/K - 1, K a float near the middle of its range, so that |m| is smallest),
minimax for the absolute error (the correction m of FloatNormalTail: see its remarks).
Method: Loeb's linearization N - m*D with Lawson's iteratively reweighted least squares, reference values
from mpmath (30 digits); then the coefficients are rounded to float32 and the error re-measured.
Run: /usr/bin/python3 tools/fit/normal_tail_rational.py [degN] [degD] [c] [A] [K]   (needs numpy and mpmath)
"""
import sys
import numpy as np
import mpmath as mp

mp.mp.dps = 30
dn = int(sys.argv[1]) if len(sys.argv) > 1 else 4
dd = int(sys.argv[2]) if len(sys.argv) > 2 else 4
c = float(sys.argv[3]) if len(sys.argv) > 3 else 1.125
A = float(sys.argv[4]) if len(sys.argv) > 4 else 13.25
K = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0      # the bulk's numerator: b = K*a/2/(1 + c*a)

def m_exact(a):
    z = mp.mpf(a) / mp.sqrt(2)
    return float(mp.erfc(z) * mp.exp(z * z) * (1 + mp.mpf(c) * a) / mp.mpf(K) - 1)

# Dense below 3 (where m turns), Chebyshev-like spread above.
xs = np.concatenate([np.linspace(0, 3, 3000), np.linspace(3, A, 3000)[1:]])
ms = np.array([m_exact(a) for a in xs])

def evaluate(nc, dc, x):
    return np.polyval(nc[::-1], x) / np.polyval(np.concatenate([[1.0], dc])[::-1], x)

w = np.ones_like(xs)
D = np.ones_like(xs)
best = None
for it in range(400):
    # columns: a^0..a^dn for N, then -m*a^1..a^dd for D; divide by the current D (Loeb)
    cols = [xs ** k for k in range(dn + 1)] + [-ms * xs ** k for k in range(1, dd + 1)]
    M = np.stack(cols, axis=1) / D[:, None]
    rhs = ms / D
    sw = np.sqrt(w)
    sol, *_ = np.linalg.lstsq(M * sw[:, None], rhs * sw, rcond=None)
    nc, dc = sol[:dn + 1], sol[dn + 1:]
    D = np.polyval(np.concatenate([[1.0], dc])[::-1], xs)
    err = evaluate(nc, dc, xs) - ms
    e = np.max(np.abs(err))
    if best is None or e < best[0]:
        best = (e, nc.copy(), dc.copy())
    w = w * np.abs(err)
    w /= w.sum()
e, nc, dc = best
print(f"({dn},{dd}) c={c} A={A} K={K}: max |N/D - m| = {e:.3e} = 2^{np.log2(e):.2f}  (double coefficients)")
ncf, dcf = nc.astype(np.float32).astype(np.float64), dc.astype(np.float32).astype(np.float64)
ef = np.max(np.abs(evaluate(ncf, dcf, xs) - ms))
print(f"  float coefficients: 2^{np.log2(ef):.2f};  max |m| = {np.max(np.abs(ms)):.4f}")
print("  N:", " ".join(f"{v:.9g}" for v in ncf.astype(np.float32)))
print("  D: 1", " ".join(f"{v:.9g}" for v in dcf.astype(np.float32)))

# The float evaluation as the kernel does it: Estrin in −a and h = −a²/2 with FMAs (emulated in double, each
# rounded to float32: a double FMA of float inputs is exact in the product, so this matches to within double's
# own rounding), then the division.
f32 = np.float32
def fma(x, y, z):
    return f32(np.float64(x) * np.float64(y) + np.float64(z))
xa = np.concatenate([np.linspace(0, 3, 20000), np.linspace(3, A, 20000)]).astype(np.float32)
na = -xa.astype(np.float64)
half = f32(-0.5) * na.astype(np.float32)
h = f32(half * na.astype(np.float32))
sg = lambda i, v: f32(-v if i % 2 else v)
Nf = [sg(i, v) for i, v in enumerate(ncf)]
Df = [f32(1.0)] + [sg(i, v) for i, v in enumerate(dcf) if True][0:0] + [sg(i + 1, v) for i, v in enumerate(dcf)]
def estrin(C):
    c45 = fma(f32(4 * C[5]), na, f32(4 * C[4]))
    c23 = fma(f32(-2 * C[3]), na, f32(-2 * C[2]))
    return fma(fma(c45, h, c23), h, fma(C[1], na, C[0]))
mf = f32(estrin(Nf) / estrin(Df))
mref = np.array([m_exact(float(v)) for v in xa[::40]])
ev = np.abs(mf[::40].astype(np.float64) - mref) * 2.0 ** 24
print(f"  float32 evaluation, max |m_float - m| = {ev.max():.3f} * 2^-24 at a = {xa[::40][ev.argmax()]:.4f}")
