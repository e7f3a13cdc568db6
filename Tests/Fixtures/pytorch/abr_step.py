"""One ABR training step of the SimilarityCooperation learning experiment in PyTorch (CPU), for the speed
comparison in the README (never a run-time dependency of the package).

The same work as `reproduce bench sbc.learning.step-paper`: n = 10 inputs, m = 10 outputs, policy networks
11-100-50-50-10 with Leaky ReLU (slope 0.01), 64 games and 32 probes per step; sampling of the situations
(x ~ N(0, I), f_D and f_C from two random tanh maps of width 16), the cooperation-level diff (RMS over the
probes), both players' play at diff + U[0, 0.1] noise, the payoff G·c̄₋ᵢ + 1 − c̄ᵢ − β·d², its gradient
through the diff (autograd; the opponent's weights frozen), and one Adam step.

Command (single-threaded, as the Swift code runs each seed):
    pip install torch --index-url https://download.pytorch.org/whl/cpu
    python3 Tests/Fixtures/pytorch/abr_step.py
"""
import time

import torch

torch.set_num_threads(1)
N, M, WIDTH, GAMES, PROBES = 10, 10, 16, 64, 32
G, BETA, NOISE, PROBE_MAX, LR = 3.0, 1.0, 0.1, 0.2, 1e-3


def policy(dtype):
    layers = []
    sizes = [N + 1, 100, 50, 50]
    for a, b in zip(sizes, sizes[1:]):
        layers += [torch.nn.Linear(a, b, dtype=dtype), torch.nn.LeakyReLU(0.01)]
    layers.append(torch.nn.Linear(50, M, dtype=dtype))
    return torch.nn.Sequential(*layers)


def feature_map(dtype):
    return (torch.randn(WIDTH, N, dtype=dtype) / N**0.5, torch.randn(WIDTH, dtype=dtype) * 0.5,
            torch.randn(M, WIDTH, dtype=dtype) / WIDTH**0.5)


def apply(fmap, x):
    w1, b1, w2 = fmap
    return torch.tanh(x @ w1.T + b1) @ w2.T


def situations(count, base, direction, dtype):
    x = torch.randn(count, N, dtype=dtype)
    u = apply(direction, x)
    u = u / u.norm(dim=1, keepdim=True).clamp_min(1e-12)
    half = M**0.5 / 2
    return x, apply(base, x) - half * u, 2 * half * u


def level(o, defect, difference):
    return (((o - defect) * difference).sum(1) / M).clamp(0, 1)


def step(trainee, opponent, optimiser, base, direction, dtype):
    px, pd, pdiff = situations(PROBES, base, direction, dtype)
    py = torch.rand(PROBES, 1, dtype=dtype) * PROBE_MAX
    probe_inputs = torch.cat([px, py], 1)
    diff = ((level(trainee(probe_inputs), pd, pdiff) - level(opponent(probe_inputs), pd, pdiff)) ** 2).mean().clamp_min(1e-300).sqrt()
    ox, od, odiff = situations(GAMES, base, direction, dtype)
    tx, td, tdiff = situations(GAMES, base, direction, dtype)
    own = trainee(torch.cat([ox, diff + torch.rand(GAMES, 1, dtype=dtype) * NOISE], 1))
    other = opponent(torch.cat([tx, diff + torch.rand(GAMES, 1, dtype=dtype) * NOISE], 1))
    own_level = level(own, od, odiff)
    residual = own - (od + own_level.unsqueeze(1) * odiff)
    payoff = (G * level(other, td, tdiff) + 1 - own_level - BETA * (residual**2).sum(1)).mean()
    optimiser.zero_grad()
    (-payoff).backward()
    optimiser.step()
    return payoff.item()


def measure(dtype, steps=500, repeats=5):
    torch.manual_seed(1)
    trainee, opponent = policy(dtype), policy(dtype)
    for p in opponent.parameters():
        p.requires_grad_(False)
    base, direction = feature_map(dtype), feature_map(dtype)
    optimiser = torch.optim.Adam(trainee.parameters(), lr=LR)
    for _ in range(50):
        step(trainee, opponent, optimiser, base, direction, dtype)
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(steps):
            step(trainee, opponent, optimiser, base, direction, dtype)
        best = min(best, (time.process_time() - start) / steps)
    return best


if __name__ == "__main__":
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    for dtype in (torch.float64, torch.float32):
        seconds = measure(dtype)
        print(f"{dtype}: {seconds * 1e6:.0f} µs CPU per step, {1 / seconds:.0f} steps/s (best of 5 × 500)")
