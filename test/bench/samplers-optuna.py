#!/usr/bin/python3
"""Reference figures for test/bench/samplers.ts from Optuna (optional; no test depends on it).

Runs Optuna's samplers on the same problems, budgets and seeds and prints the median over seeds
of HV(all evaluated points) / HV(true front), reference point (1.1, 1.1).

    apt-get install -y python3-optuna   # Debian bookworm: Optuna 3.1
    /usr/bin/python3 test/bench/samplers-optuna.py [--budgets 50,100,200] [--seeds 10]
"""

import argparse
import math
import statistics
import warnings

import optuna

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)
REF = (1.1, 1.1)


def dtlz2(x):
    g = sum((v - 0.5) ** 2 for v in x[1:])
    a = x[0] * math.pi / 2
    return (1 + g) * math.cos(a), (1 + g) * math.sin(a)


def zdt_g(x):
    return 1 + 9 * sum(x[1:]) / (len(x) - 1)


def zdt1(x):
    g = zdt_g(x)
    return x[0], g * (1 - math.sqrt(x[0] / g))


def zdt3(x):
    g = zdt_g(x)
    r = x[0] / g
    return x[0], g * (1 - math.sqrt(r) - r * math.sin(10 * math.pi * x[0]))


def hv2d(points):
    inside = sorted(p for p in points if p[0] < REF[0] and p[1] < REF[1])
    area, floor = 0.0, REF[1]
    for x, y in inside:
        if y < floor:
            area += (REF[0] - x) * (floor - y)
            floor = y
    return area


def zdt3_front_hv():
    n = 200_000
    pts = []
    for i in range(n + 1):
        f1 = i / n
        pts.append((f1, 1 - math.sqrt(f1) - f1 * math.sin(10 * math.pi * f1)))
    return hv2d(pts)


PROBLEMS = {
    "DTLZ2": (7, dtlz2, 1.21 - math.pi / 4),
    "ZDT1": (10, zdt1, 1.21 - 1 / 3),
    "ZDT3": (10, zdt3, zdt3_front_hv()),
}

SAMPLERS = {
    "random": lambda s: optuna.samplers.RandomSampler(seed=s),
    "tpe": lambda s: optuna.samplers.TPESampler(seed=s),
    "tpe-mv": lambda s: optuna.samplers.TPESampler(seed=s, multivariate=True),
    "motpe": lambda s: optuna.samplers.MOTPESampler(seed=s),
    "nsga2": lambda s: optuna.samplers.NSGAIISampler(seed=s),
}
try:  # Optuna's QMC sampler needs SciPy (python3-scipy).
    import scipy  # noqa: F401

    SAMPLERS["qmc"] = lambda s: optuna.samplers.QMCSampler(seed=s, warn_independent_sampling=False)
except ImportError:
    pass


def run(problem, sampler, budget, seed):
    n, f, front = PROBLEMS[problem]
    study = optuna.create_study(directions=["minimize", "minimize"], sampler=SAMPLERS[sampler](seed))
    study.optimize(lambda t: f([t.suggest_float(f"x{i}", 0, 1) for i in range(n)]), n_trials=budget)
    return hv2d([tuple(t.values) for t in study.trials]) / front


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--budgets", default="50,100,200")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--problems", default="DTLZ2,ZDT1,ZDT3")
    parser.add_argument("--samplers", default=",".join(SAMPLERS))
    args = parser.parse_args()
    names = args.samplers.split(",")
    print("problem budget " + " ".join(f"{s:>7}" for s in names) + "    best")
    for problem in args.problems.split(","):
        for budget in map(int, args.budgets.split(",")):
            medians = [statistics.median(run(problem, s, budget, seed) for seed in range(args.seeds)) for s in names]
            print(f"{problem:7} {budget:6} " + " ".join(f"{m:7.3f}" for m in medians) + f" {max(medians):7.3f}", flush=True)


if __name__ == "__main__":
    main()
