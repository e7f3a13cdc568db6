"""How accurate nashpy's replicator_dynamics is on the benchmark workload, so that the Swift side can be
timed at the same accuracy (README, Benchmarks).

Workload (as benchmark_replicator.py): A = [[0, -1, 2], [2, 0, -1], [-1, 2, 0]], y0 = (0.5, 0.3, 0.2),
timepoints numpy.linspace(0, 10, 1000). The reference solution is scipy's solve_ivp with DOP853,
rtol 1e-13, atol 1e-15 at the same points. Records the reference, nashpy's largest absolute error
against it over every point and strategy, and the number of right-hand-side evaluations odeint
(LSODA, nashpy's integrator) made.

Regenerate from the package root (Python 3.11, nashpy 0.0.43, numpy 2.4.6, scipy 1.17.1):
    python3 Tests/Fixtures/nashpy/make_replicator_accuracy.py > Tests/Fixtures/nashpy/replicator_accuracy.json
"""
import json

import nashpy
import numpy as np
import scipy.integrate

A = np.array([[0, -1, 2], [2, 0, -1], [-1, 2, 0]], dtype=float)
Y0 = np.array([0.5, 0.3, 0.2])
TIMES = np.linspace(0, 10, 1000)


def velocity(_, x):
    payoffs = A @ x
    return x * (payoffs - x @ payoffs)


def main():
    reference = scipy.integrate.solve_ivp(velocity, (0, 10), Y0, method="DOP853", t_eval=TIMES, rtol=1e-13, atol=1e-15).y.T
    nashpy_states = nashpy.Game(A).replicator_dynamics(y0=Y0, timepoints=TIMES)
    _, info = scipy.integrate.odeint(lambda x, t: velocity(t, x), Y0, TIMES, full_output=True)
    document = {
        "generator": f"nashpy {nashpy.__version__}, scipy {scipy.__version__} solve_ivp DOP853 rtol 1e-13 atol 1e-15",
        "matrix": A.tolist(),
        "initial": Y0.tolist(),
        "times": TIMES.tolist(),
        "reference": reference.tolist(),
        "nashpy_max_abs_error": float(np.abs(nashpy_states - reference).max()),
        "lsoda_rhs_evaluations": int(info["nfe"][-1]),
    }
    print(json.dumps(document))


if __name__ == "__main__":
    main()
