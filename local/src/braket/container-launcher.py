# Runs a Braket hybrid job's entry point the way the Braket job container does
# (amazon-braket-containers, src/braket_container.py), for the local stand-in.
#
# The stand-in has already downloaded and unpacked the source into
# BRAKET_STAND_IN_CODE_DIR (the container's customer_code/extracted) and set the
# AMZN_BRAKET_* variables. Like the container, this launcher:
# - appends the code directory to sys.path and runs the code from inside it;
# - `module:function` imports the module and calls the function, binding the
#   hyperparameters to its parameters when its signature accepts them, each cast
#   with its annotation (str when unannotated; a **kwargs parameter gets every
#   hyperparameter, as str);
# - a bare `module` runs as __main__ (runpy.run_module), with no arguments;
# - an uncaught exception is written to the failure file as
#   "<ExceptionType>: <message>" and its traceback goes to stderr.
# Differences, on purpose: the code runs in this process rather than a
# multiprocessing child; requirements.txt is not pip-installed; the failure file
# is BRAKET_STAND_IN_FAILURE_FILE instead of /opt/ml/output/failure; string
# annotations (from __future__ import annotations) are resolved before casting.
import contextlib
import importlib
import inspect
import json
import os
import runpy
import sys
import traceback
import typing

CODE_DIR = os.environ["BRAKET_STAND_IN_CODE_DIR"]
FAILURE_FILE = os.environ["BRAKET_STAND_IN_FAILURE_FILE"]


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
        # equivalent to `python -m entry_point`
        return runpy.run_module(entry_point, run_name="__main__")

    return customer_code


def annotations_of(customer_method):
    annotations = dict(inspect.getfullargspec(customer_method).annotations)
    if any(isinstance(annotation, str) for annotation in annotations.values()):
        with contextlib.suppress(Exception):
            annotations.update(typing.get_type_hints(customer_method))
    return annotations


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
    annotations = annotations_of(customer_method)
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
    print("Checking for Additional Requirements")
    for root, _, files in os.walk(CODE_DIR):
        if "requirements.txt" in files:
            print(f"{os.path.join(root, 'requirements.txt')}: not installed by the local stand-in")
    print("Additional Requirements Check Finished")
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
