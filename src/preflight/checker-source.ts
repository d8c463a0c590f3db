// The Python side of the pre-flight: reads the entry point's source with `ast`
// (never importing or running it), finds the function, binds the hyperparameters
// to a Signature built from the source the way the container binds them, and
// casts each value with the annotation as the container casts it, using Python's
// own int/float/bool. It ships inside the bundle as text (ncc bundles JavaScript
// only) and runs as `python3 -I -S -B -c <this>`, with the request on stdin and
// its findings as JSON on stdout.
//
// Hostile source: files are read as bytes (capped), parsed in a try that catches
// everything (a syntax error is a finding with file and line; deep nesting that
// exhausts the parser is a finding too), resolved paths must stay inside the tree,
// and nothing of the user's is ever imported, evaluated or executed.
export const CHECKER_SOURCE = String.raw`
import ast
import inspect
import json
import os
import sys

MAX_SOURCE_BYTES = 5 * 1024 * 1024
CASTS = {"int": int, "float": float, "str": str, "bool": bool}
FALSE_LOOKING = {"false", "0", "no", "off", "none", "n", "f"}
NOT_CALLABLE_TYPING = {"Optional", "Union", "Literal", "Any", "Annotated"}

findings = []


def finding(level, input_name, message):
    findings.append({"level": level, "input": input_name, "message": message})


def inside(root, path):
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root + os.sep)


def relative(root, path):
    return os.path.relpath(path, root).replace(os.sep, "/")


def parse_file(root, path):
    """The module's AST, or None after a finding naming the file (and line)."""
    shown = relative(root, path)
    if not inside(root, path) or not os.path.isfile(path):
        finding("error", "entry-point", f"{shown} is not a file inside source-dir.")
        return None
    if os.path.getsize(path) > MAX_SOURCE_BYTES:
        finding("note", "entry-point", f"{shown} is larger than {MAX_SOURCE_BYTES} bytes: it was not read.")
        return None
    with open(path, "rb") as handle:
        source = handle.read()
    try:
        return ast.parse(source, filename=shown)
    except SyntaxError as error:
        where = f"{shown}, line {error.lineno}" + (f", column {error.offset}" if error.offset else "")
        text = (error.text or "").strip()
        shown_text = f": {text[:200]}" if text else ""
        finding("error", "entry-point", f"{where}: {error.msg}{shown_text}. The job would fail on import.")
    except (ValueError, RecursionError, MemoryError, OverflowError) as error:
        finding("error", "entry-point", f"{shown} cannot be parsed: {type(error).__name__}: {error}.")
    return None


def locate_module(root, parts, function):
    """The files Python runs for the entry point: each package's __init__.py on the way, then the module."""
    files = []
    directory = root
    for part in parts[:-1]:
        directory = os.path.join(directory, part)
        init = os.path.join(directory, "__init__.py")
        if os.path.isfile(init):
            files.append(init)
    last = os.path.join(directory, parts[-1])
    package_init = os.path.join(last, "__init__.py")
    if os.path.isfile(package_init):
        files.append(package_init)
        # Without a function, the container runs the package like python -m: its __main__.py.
        return files, os.path.join(last, "__main__.py") if function is None else package_init
    return files, last + ".py"


def top_level_statements(body):
    """Statements run at import, looking into if/try/with blocks but not into functions or classes."""
    for node in body:
        yield node
        if isinstance(node, (ast.If, ast.For, ast.While, ast.With, ast.AsyncWith, ast.AsyncFor)):
            yield from top_level_statements(node.body)
            yield from top_level_statements(getattr(node, "orelse", []))
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            yield from top_level_statements(node.body)
            for handler in node.handlers:
                yield from top_level_statements(handler.body)
            yield from top_level_statements(node.orelse)
            yield from top_level_statements(node.finalbody)


def binding_of(tree, name):
    """The last top-level statement that binds name, and what kind of binding it is."""
    found = None
    for node in top_level_statements(tree.body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            found = node
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if (alias.asname or alias.name.split(".")[0]) == name or alias.name == "*":
                    found = node
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(name in {n.id for n in ast.walk(t) if isinstance(n, ast.Name)} for t in targets):
                found = node
    return found


def future_annotations(tree):
    return any(
        isinstance(node, ast.ImportFrom) and node.module == "__future__" and any(a.name == "annotations" for a in node.names)
        for node in tree.body
    )


def signature_of(function):
    """An inspect.Signature with the function's parameters, kinds and which have defaults: what bind() needs."""
    args = function.args
    has_default = object()
    positional = args.posonlyargs + args.args
    first_default = len(positional) - len(args.defaults)
    parameters = []
    for index, arg in enumerate(positional):
        kind = inspect.Parameter.POSITIONAL_ONLY if index < len(args.posonlyargs) else inspect.Parameter.POSITIONAL_OR_KEYWORD
        default = has_default if index >= first_default else inspect.Parameter.empty
        parameters.append(inspect.Parameter(arg.arg, kind, default=default))
    if args.vararg:
        parameters.append(inspect.Parameter(args.vararg.arg, inspect.Parameter.VAR_POSITIONAL))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        parameters.append(
            inspect.Parameter(arg.arg, inspect.Parameter.KEYWORD_ONLY, default=inspect.Parameter.empty if default is None else has_default)
        )
    if args.kwarg:
        parameters.append(inspect.Parameter(args.kwarg.arg, inspect.Parameter.VAR_KEYWORD))
    return inspect.Signature(parameters)


def annotations_of(function):
    """Parameter name -> annotation node, as getfullargspec(fn).annotations keys them (with 'return')."""
    args = function.args
    every = args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a]
    annotations = {arg.arg: arg.annotation for arg in every if arg.annotation is not None}
    if function.returns is not None:
        annotations["return"] = function.returns
    return annotations


def describe_parameters(function):
    signature = signature_of(function)
    shown = []
    for parameter in signature.parameters.values():
        text = parameter.name
        if parameter.kind == inspect.Parameter.VAR_POSITIONAL:
            text = "*" + text
        elif parameter.kind == inspect.Parameter.VAR_KEYWORD:
            text = "**" + text
        elif parameter.default is inspect.Parameter.empty:
            text += " (required)"
        shown.append(text)
    return ", ".join(shown) if shown else "none"


def cast_finding(name, value, annotation, stringified):
    shown_annotation = ast.unparse(annotation)
    if stringified or (isinstance(annotation, ast.Constant) and isinstance(annotation.value, str)):
        finding(
            "error",
            "hyperparameters",
            f"{name}: the container casts each value by calling the parameter's annotation, and the annotation of {name} is the "
            f"string {shown_annotation!r}"
            + (" (from __future__ import annotations makes every annotation a string)" if stringified else "")
            + ": calling it fails with TypeError: 'str' object is not callable. Remove the string annotation or the __future__ import.",
        )
        return
    if isinstance(annotation, ast.Name) and annotation.id in CASTS:
        try:
            cast = CASTS[annotation.id](value)
        except (ValueError, TypeError, OverflowError) as error:
            finding(
                "error",
                "hyperparameters",
                f"{name}: {value!r} cannot be cast the way the container casts it: {annotation.id}({value!r}) fails with "
                f"{type(error).__name__}: {error}. Give a value {annotation.id}() accepts.",
            )
            return
        if annotation.id == "bool" and value.strip().lower() in FALSE_LOOKING and cast is True:
            finding(
                "warning",
                "hyperparameters",
                f"{name}: {value!r} becomes True: the container casts with bool({value!r}), and every non-empty string is True. "
                f"Annotate {name} as str and compare the text, or pass an empty value for False.",
            )
        return
    is_typing_form = isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value).split(".")[-1] in NOT_CALLABLE_TYPING
    if is_typing_form or (isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr)):
        finding(
            "error",
            "hyperparameters",
            f"{name}: the container casts the value by calling the annotation {shown_annotation}({value!r}), which fails: "
            f"{shown_annotation} cannot be called. Annotate {name} as int, float, str or bool.",
        )
        return
    finding(
        "warning",
        "hyperparameters",
        f"{name}: the container casts the value by calling {shown_annotation}({value!r}); the pre-flight checks only int, float, "
        f"str and bool, so check that this call gives what the code expects.",
    )


def check_function(function, tree, qualified, hyperparameters, must_bind):
    if isinstance(function, ast.AsyncFunctionDef):
        finding(
            "error",
            "entry-point",
            f"{qualified} is an async function: the container calls it without awaiting it, so its body never runs. "
            "Make it a plain function (it may call asyncio.run).",
        )
        return
    if function.decorator_list:
        finding("note", "entry-point", f"{qualified} is decorated; its parameters are checked as written in the source.")
    signature = signature_of(function)
    if not signature.parameters:
        if hyperparameters:
            finding(
                "note",
                "hyperparameters",
                f"{qualified} takes no parameters: the container calls it with none, and the code reads the hyperparameters "
                "from the file AMZN_BRAKET_HP_FILE names (the classic Braket pattern).",
            )
        return
    try:
        signature.bind(**hyperparameters)
    except TypeError as error:
        names = ", ".join(sorted(hyperparameters)) or "none"
        finding(
            "error" if must_bind else "warning",
            "hyperparameters",
            f"{names} do not bind to {qualified}({describe_parameters(function)}): {error}. The container then calls {qualified} with no "
            "arguments at all, so every parameter keeps its default and the hyperparameters are silently "
            "unused. Pass only the function's parameters (and every required one)"
            + (", or set hyperparameters-must-bind: false if the code reads AMZN_BRAKET_HP_FILE itself." if must_bind else "."),
        )
        return
    stringified = future_annotations(tree)
    annotations = annotations_of(function)
    for name, value in hyperparameters.items():
        annotation = annotations.get(name)
        if annotation is not None:
            cast_finding(name, value, annotation, stringified)


def runs_something(tree):
    """Whether running the module as __main__ does more than define things."""
    defining = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign, ast.Pass)
    for node in tree.body:
        if isinstance(node, defining):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        return True
    return False


def check(request):
    root = request["root"]
    parts = request["module"].split(".")
    function_name = request.get("function")
    hyperparameters = request["hyperparameters"]
    init_files, module_file = locate_module(root, parts, function_name)
    for path in init_files:
        if path != module_file:
            parse_file(root, path)
    tree = parse_file(root, module_file)
    if tree is None:
        return
    shown = relative(root, module_file)
    if function_name is None:
        if not runs_something(tree):
            finding(
                "warning",
                "entry-point",
                f"{request['module']} runs as a script (python -m), but {shown} only defines things at its top level: the job would "
                f"do nothing. Add an if __name__ == \"__main__\": block, or name the function ({request['module']}:<function>).",
            )
        if hyperparameters:
            finding(
                "note",
                "hyperparameters",
                f"{request['module']} runs as a script: the container passes no arguments, so the code reads the hyperparameters "
                "from the file AMZN_BRAKET_HP_FILE names.",
            )
        return
    qualified = f"{request['module']}:{function_name}"
    node = binding_of(tree, function_name)
    if node is None:
        defined = sorted(n.name for n in top_level_statements(tree.body) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))
        listed = ", ".join(defined[:10]) if defined else "none"
        finding("error", "entry-point", f"{shown} defines no {function_name} at its top level (functions defined: {listed}).")
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        check_function(node, tree, qualified, hyperparameters, request["mustBind"])
    else:
        what = "a class" if isinstance(node, ast.ClassDef) else "imported" if isinstance(node, (ast.Import, ast.ImportFrom)) else "assigned"
        finding(
            "note",
            "entry-point",
            f"{qualified} is {what} (line {node.lineno}), not a function defined in {shown}: its parameters were not checked.",
        )


def main():
    sys.setrecursionlimit(10000)
    request = json.load(sys.stdin)
    check(request)
    json.dump({"findings": findings}, sys.stdout)


main()
`
