// The Python side of the container imitation. It ships inside the bundle as text
// (ncc bundles JavaScript only) and is written next to the job's workspace before
// each run, so the action run from dist/ and the stand-in run from source execute
// the same program.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Set for the launcher only: the unpacked code (the container's customer_code/extracted). */
export const CODE_DIR_VARIABLE = 'BRAKET_CONTAINER_CODE_DIR'
/** Set for the launcher only: where the failure text goes (the container's /opt/ml/output/failure). */
export const FAILURE_FILE_VARIABLE = 'BRAKET_CONTAINER_FAILURE_FILE'

export const LAUNCHER_FILE_NAME = 'braket_container.py'

/**
 * Runs a Braket hybrid job's entry point the way the Braket job container does
 * (amazon-braket-containers, src/braket_container.py): the code directory is
 * appended to sys.path and is the working directory; `module:function` imports
 * the module and calls the function with the hyperparameters when
 * `inspect.signature(fn).bind(**hyperparameters)` accepts them (otherwise with no
 * arguments), each value cast with `inspect.getfullargspec(fn).annotations.get(name,
 * str)`, quirks included (bool("False") is True, a string annotation is called and
 * fails); a bare `module` runs as __main__ through runpy.run_module; an uncaught
 * exception is written to the failure file as "<Type>: <message>".
 * Differences, on purpose: the code runs in this process, not a multiprocessing
 * child; requirements are installed before the launcher starts (see
 * requirements-install.ts), not by it.
 */
export const LAUNCHER_SOURCE = String.raw`
import contextlib
import importlib
import inspect
import json
import os
import runpy
import sys
import traceback

CODE_DIR = os.environ["${CODE_DIR_VARIABLE}"]
FAILURE_FILE = os.environ["${FAILURE_FILE_VARIABLE}"]


def log_failure(text):
    os.makedirs(os.path.dirname(FAILURE_FILE), exist_ok=True)
    with open(FAILURE_FILE, "a") as failure:
        failure.write(text)


def extract_customer_code(entry_point):
    if entry_point.find(":") >= 0:
        str_module, _, str_method = entry_point.partition(":")
        customer_module = importlib.import_module(str_module)
        return getattr(customer_module, str_method)

    def customer_code():
        # equivalent to python -m entry_point
        return runpy.run_module(entry_point, run_name="__main__")

    return customer_code


def try_bind_hyperparameters_to_customer_method(customer_method):
    hp_file = os.getenv("AMZN_BRAKET_HP_FILE")
    if hp_file is None:
        return None
    with open(hp_file) as f:
        hyperparameters = json.load(f)
    try:
        inspect.signature(customer_method).bind(**hyperparameters)
    except TypeError:
        return None
    annotations = inspect.getfullargspec(customer_method).annotations
    return {param: annotations.get(param, str)(value) for param, value in hyperparameters.items()}


@contextlib.contextmanager
def in_code_dir():
    current_dir = os.getcwd()
    try:
        os.chdir(CODE_DIR)
        yield
    finally:
        os.chdir(current_dir)


def exception_text(error):
    exception_type = type(error).__name__
    return exception_type if not str(error) else f"{exception_type}: {error}"


def main():
    print("Beginning Setup")
    if CODE_DIR not in sys.path:
        sys.path.append(CODE_DIR)
    try:
        customer_code = extract_customer_code(os.environ["AMZN_BRAKET_SCRIPT_ENTRY_POINT"])
        kwargs = try_bind_hyperparameters_to_customer_method(customer_code) or {}
        print("Running Code As Process")
        with in_code_dir():
            customer_code(**kwargs)
    except Exception as error:  # SystemExit passes through with its exit code
        log_failure(exception_text(error))
        traceback.print_exc()
        sys.stdout.flush()
        sys.stderr.flush()
        sys.exit(1)
    print("Code Run Finished")


if __name__ == "__main__":
    main()
`

/** Writes the launcher into `dir` and returns its path. */
export async function writeLauncher(dir: string): Promise<string> {
  const path = join(dir, LAUNCHER_FILE_NAME)
  await writeFile(path, LAUNCHER_SOURCE)
  return path
}
