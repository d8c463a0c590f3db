"""A small variational quantum eigensolver, in plain Python.

Finds the ground-state energy of the one-qubit Hamiltonian H = Z + 0.5 X with the
ansatz RY(theta)|0>, by gradient descent on sampled expectation values (parameter
shift rule). It needs nothing but the standard library, so it runs in any Braket job
container and in the local stand-in, and it reports the way a Braket job does:
metrics lines in the log and results.json in the results directory.

It saves its state in the job's checkpoint directory after every iteration and,
when a checkpoint is there at the start (a job resumed from an earlier one's
checkpoints), goes on from it instead of starting over.
"""

import json
import math
import os
import random
import time


def log_metric(metric_name, value, iteration_number):
    # The line format of braket.jobs.metrics.log_metric, which Braket parses from the job's log.
    print(f"Metrics - timestamp={time.time()}; {metric_name}={value}; iteration_number={iteration_number};", flush=True)


def energy(theta, shots, rng):
    """Sampled <H> for RY(theta)|0>: <Z> = cos(theta), <X> = sin(theta)."""
    def sample(expectation):
        p_plus = (1 + expectation) / 2
        hits = sum(1 for _ in range(shots) if rng.random() < p_plus)
        return 2 * hits / shots - 1

    return sample(math.cos(theta)) + 0.5 * sample(math.sin(theta))


CHECKPOINT_FILE = "vqe-checkpoint.json"


def checkpoint_path():
    # The container syncs this directory with the job's checkpointConfig.s3Uri; outside a job there is none.
    checkpoint_dir = os.environ.get("AMZN_BRAKET_CHECKPOINT_DIR")
    return os.path.join(checkpoint_dir, CHECKPOINT_FILE) if checkpoint_dir else None


def load_checkpoint():
    path = checkpoint_path()
    if not path or not os.path.exists(path):
        return None
    with open(path) as handle:
        return json.load(handle)


def save_checkpoint(state):
    path = checkpoint_path()
    if not path:
        return
    # Written whole, then renamed: a sync while it is written never uploads half a checkpoint.
    partial = f"{path}.partial"
    with open(partial, "w") as handle:
        json.dump(state, handle)
    os.replace(partial, path)


def run(shots: int = 1000, iterations: int = 12, learning_rate: float = 0.4, seed: int = 7):
    rng = random.Random(seed)
    theta = 0.1
    history = []
    start = 0
    checkpoint = load_checkpoint()
    if checkpoint:
        start, theta, history = checkpoint["next_iteration"], checkpoint["theta"], checkpoint["history"]
        version, internal, gauss = checkpoint["rng_state"]
        rng.setstate((version, tuple(internal), gauss))
        print(f"resuming from iteration {start} (checkpoint {CHECKPOINT_FILE})", flush=True)
    for iteration in range(start, iterations):
        cost = energy(theta, shots, rng)
        gradient = (energy(theta + math.pi / 2, shots, rng) - energy(theta - math.pi / 2, shots, rng)) / 2
        theta -= learning_rate * gradient
        history.append(cost)
        log_metric("cost", round(cost, 4), iteration)
        print(f"iteration {iteration}: theta={theta:.4f} energy={cost:.4f}", flush=True)
        save_checkpoint({"next_iteration": iteration + 1, "theta": theta, "history": history, "rng_state": rng.getstate()})

    exact = -math.sqrt(1 + 0.25)
    final = history[-1] if history else energy(theta, shots, rng)
    results = {"theta": theta, "energy": final, "exact_ground_energy": exact, "history": history}
    results_dir = os.environ.get("AMZN_BRAKET_JOB_RESULTS_DIR", ".")
    with open(os.path.join(results_dir, "results.json"), "w") as handle:
        json.dump(results, handle, indent=2)
    print(f"done: energy {final:.4f}, exact {exact:.4f}", flush=True)
    return results
