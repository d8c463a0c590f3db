export const id = 649;
export const ids = [649];
export const modules = {

/***/ 2649:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CANCELLED_REASON: () => (/* binding */ CANCELLED_REASON),
  maxRuntimeReason: () => (/* binding */ maxRuntimeReason),
  runOnRunner: () => (/* binding */ runOnRunner),
  runnerDevice: () => (/* binding */ runnerDevice)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/aws/input-channels.js
var input_channels = __webpack_require__(4225);
// EXTERNAL MODULE: ./.build/follow/metric-lines.js
var metric_lines = __webpack_require__(74);
// EXTERNAL MODULE: ./.build/follow/metric-series.js
var metric_series = __webpack_require__(2152);
// EXTERNAL MODULE: ./.build/follow/step-log.js
var step_log = __webpack_require__(2685);
// EXTERNAL MODULE: ./.build/follow/workflow-signals.js
var workflow_signals = __webpack_require__(4661);
// EXTERNAL MODULE: ./.build/plan/job-plan.js + 2 modules
var job_plan = __webpack_require__(3320);
;// CONCATENATED MODULE: ./.build/runner/container-launcher.js
// The Python side of the container imitation. It ships inside the bundle as text
// (ncc bundles JavaScript only) and is written next to the job's workspace before
// each run, so the action run from dist/ and the stand-in run from source execute
// the same program.


/** Set for the launcher only: the unpacked code (the container's customer_code/extracted). */
const CODE_DIR_VARIABLE = 'BRAKET_CONTAINER_CODE_DIR';
/** Set for the launcher only: where the failure text goes (the container's /opt/ml/output/failure). */
const FAILURE_FILE_VARIABLE = 'BRAKET_CONTAINER_FAILURE_FILE';
const LAUNCHER_FILE_NAME = 'braket_container.py';
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
const LAUNCHER_SOURCE = String.raw `
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
`;
/** Writes the launcher into `dir` and returns its path. */
async function writeLauncher(dir) {
    const path = (0,external_node_path_.join)(dir, LAUNCHER_FILE_NAME);
    await (0,promises_.writeFile)(path, LAUNCHER_SOURCE);
    return path;
}

;// CONCATENATED MODULE: ./.build/runner/container-environment.js
// The environment the entry point sees: the AMZN_BRAKET_* variables the Braket
// job container sets (names as in the container's braket_container.py and the
// Braket SDK's braket/jobs/environment_variables.py), pointing into the job's
// workspace, on top of the caller's environment less what must not reach a job.

/**
 * Never handed to a job: credentials and tokens (AWS, the OIDC request token, the runner's own), the action's
 * inputs (the GitHub token among them), its state, and the workflow-command files a job could write steps'
 * outputs or environment through.
 */
const NOT_INHERITED_PREFIX = /^(AWS_|AMZN_BRAKET_|ACTIONS_|BRAKET_CONTAINER_|BRAKET_STAND_IN_|INPUT_|STATE_)/;
const NOT_INHERITED_NAME = /^GITHUB_(TOKEN|OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/;
function inheritedEnvironment(source) {
    const inherited = {};
    for (const [name, value] of Object.entries(source))
        if (value !== undefined && !NOT_INHERITED_PREFIX.test(name) && !NOT_INHERITED_NAME.test(name))
            inherited[name] = value;
    return inherited;
}
/** The container's own variables for this job and workspace. */
function containerVariables(job, workspace) {
    const variables = {
        PYTHONUNBUFFERED: '1',
        AMZN_BRAKET_JOB_NAME: job.jobName,
        AMZN_BRAKET_DEVICE_ARN: job.deviceArn,
        AMZN_BRAKET_SCRIPT_ENTRY_POINT: job.entryPoint,
        AMZN_BRAKET_HP_FILE: workspace.hyperparametersFile,
        AMZN_BRAKET_INPUT_DIR: workspace.inputDataDir,
        AMZN_BRAKET_JOB_RESULTS_DIR: workspace.resultsDir,
        AMZN_BRAKET_CHECKPOINT_DIR: workspace.checkpointDir,
        [CODE_DIR_VARIABLE]: workspace.codeDir,
        [FAILURE_FILE_VARIABLE]: workspace.failureFile
    };
    if (job.compressionType !== undefined)
        variables.AMZN_BRAKET_SCRIPT_COMPRESSION_TYPE = job.compressionType;
    return variables;
}

// EXTERNAL MODULE: ./.build/facts/aws-facts.js
var aws_facts = __webpack_require__(9521);
// EXTERNAL MODULE: ./.build/common/errors.js
var errors = __webpack_require__(8983);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./.build/runner/container-process.js
// Runs the launcher as a child process and turns its stdout and stderr into
// log lines as they come, the way the container's log driver feeds CloudWatch.

/** Splits a byte stream into lines, holding back a partial last line until it completes or the stream ends. */
function forwardLines(stream, onLines) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
        const parts = (pending + chunk).split('\n');
        pending = parts.pop() ?? '';
        if (parts.length > 0)
            onLines(parts.map((line) => line.replace(/\r$/, '')));
    });
    return new Promise((resolve) => {
        stream.on('close', () => {
            if (pending !== '')
                onLines([pending.replace(/\r$/, '')]);
            pending = '';
            resolve();
        });
    });
}
/** How long to wait, once the launcher exited, for the last output still in the pipes. */
const OUTPUT_DRAIN_MS = 1000;
function startProcess(spec) {
    // Its own process group, so a stop reaches whatever the entry point started too.
    const child = (0,external_node_child_process_.spawn)(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const output = Promise.all([forwardLines(child.stdout, spec.onLines), forwardLines(child.stderr, spec.onLines)]);
    let running = true;
    const signalGroup = (signal) => {
        if (child.pid === undefined)
            return;
        try {
            process.kill(-child.pid, signal);
        }
        catch {
            // The group is gone already.
        }
    };
    const exited = new Promise((resolve) => {
        child.once('error', (error) => {
            running = false;
            resolve({ code: null, signal: null, startError: `Could not start ${spec.command}: ${error.message}` });
        });
        child.once('exit', (code, signal) => {
            running = false;
            // When the container's main process ends, the container and all it started go with it.
            signalGroup('SIGKILL');
            const drained = new Promise((done) => setTimeout(done, OUTPUT_DRAIN_MS).unref());
            void Promise.race([output, drained]).then(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                resolve({ code, signal });
            });
        });
    });
    return {
        exited,
        terminate(graceMs) {
            if (!running)
                return;
            signalGroup('SIGTERM');
            const kill = setTimeout(() => running && signalGroup('SIGKILL'), graceMs);
            kill.unref();
            void exited.then(() => clearTimeout(kill));
        }
    };
}

;// CONCATENATED MODULE: ./.build/runner/container-workspace.js
// The per-job directory that stands in for the Braket job container's
// filesystem (/opt/ml, /opt/braket): under the stand-in's data directory, or
// under RUNNER_TEMP when the action runs the job on the runner.


async function createWorkspace(root) {
    const workspace = {
        root,
        originalCodeDir: (0,external_node_path_.join)(root, 'code', 'customer_code', 'original'),
        codeDir: (0,external_node_path_.join)(root, 'code', 'customer_code', 'extracted'),
        hyperparametersFile: (0,external_node_path_.join)(root, 'input', 'config', 'hyperparameters.json'),
        inputDataDir: (0,external_node_path_.join)(root, 'input', 'data'),
        resultsDir: (0,external_node_path_.join)(root, 'model'),
        checkpointDir: (0,external_node_path_.join)(root, 'checkpoints'),
        failureFile: (0,external_node_path_.join)(root, 'output', 'failure'),
        launcherDir: (0,external_node_path_.join)(root, 'launcher')
    };
    for (const dir of [
        workspace.originalCodeDir,
        workspace.codeDir,
        (0,external_node_path_.join)(root, 'input', 'config'),
        workspace.inputDataDir,
        workspace.resultsDir,
        workspace.checkpointDir,
        (0,external_node_path_.join)(root, 'output'),
        workspace.launcherDir
    ]) {
        await (0,promises_.mkdir)(dir, { recursive: true });
    }
    return workspace;
}
async function removeWorkspace(workspace) {
    await (0,promises_.rm)(workspace.root, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./.build/runner/container-run.js
// One run of a hybrid job the way the Braket job container runs it, wherever the
// code comes from and the outputs go: the workspace laid out, the code and the
// inputs put in place by the caller's storage, checkpoints restored, the
// interpreter prepared (requirements), the launcher run in its own process group
// with the container's environment, its output turned into log lines as it is
// printed; then the outputs saved whatever the outcome, and the workspace removed.
// The stand-in's execute mode and the action's run-on-runner both run jobs here.







/** A step that failed the way the container reports it: the text goes to the log and becomes the failure reason. */
class ContainerSetupError extends errors/* ActionError */.lZ {
}
const FAILURE_REASON_MAX = aws_facts/* braketFacts */.hN.shapes[aws_facts/* braketFacts */.hN.shapes.GetJobResponse.members.failureReason.shape].max;
const failedWith = (reason) => ({
    outcome: 'FAILED',
    failureReason: reason.length > FAILURE_REASON_MAX ? `${reason.slice(0, FAILURE_REASON_MAX - 1)}…` : reason
});
function exitReason(entryPoint, exit) {
    if (exit.startError)
        return exit.startError;
    if (exit.signal)
        return `Job at ${entryPoint} was stopped by ${exit.signal}`;
    if (exit.code !== 0)
        return `Job at ${entryPoint} exited with exit code: ${exit.code}`;
    return undefined;
}
function runContainerJob(options) {
    const { job, storage, onLines } = options;
    let stoppedBecause;
    let current;
    const start = (spec) => {
        const also = spec.onLines;
        current = startProcess({ ...spec, onLines: also ? (lines) => (onLines(lines), also(lines)) : onLines });
        // A stop that raced the start.
        if (stoppedBecause !== undefined)
            current.terminate(options.stopGraceMs);
        return current;
    };
    const stopped = () => ({ ...failedWith(stoppedBecause ?? ''), stoppedBecause });
    const setUp = async (workspace) => {
        await storage.installCode(workspace);
        await (0,promises_.writeFile)(workspace.hyperparametersFile, JSON.stringify(job.hyperParameters));
        await storage.provideInputs(workspace);
        await storage.checkpoints?.restore(workspace);
        return options.interpreter(workspace, start, onLines);
    };
    const run = async (workspace) => {
        let python;
        try {
            python = await setUp(workspace);
        }
        catch (error) {
            if (stoppedBecause !== undefined)
                return stopped();
            if (!(error instanceof ContainerSetupError))
                throw error;
            onLines(error.message.split('\n'));
            return failedWith(error.message);
        }
        if (stoppedBecause !== undefined)
            return stopped();
        const launcher = await writeLauncher(workspace.launcherDir);
        const environment = { ...options.environment(workspace), ...containerVariables(job, workspace) };
        const running = start({ command: python, args: ['-u', launcher], cwd: workspace.codeDir, env: environment });
        const sync = periodicSync(storage.checkpoints, workspace);
        const exit = await running.exited;
        await sync.stop();
        if (exit.startError)
            onLines([exit.startError]);
        const failureText = (await (0,promises_.readFile)(workspace.failureFile, 'utf8').catch(() => '')).trim();
        try {
            // Stopped jobs keep what they saved, as SageMaker uploads the model directory on a stop too.
            await storage.saveResults(workspace);
            await storage.checkpoints?.save(workspace);
        }
        catch (error) {
            if (!(error instanceof ContainerSetupError))
                throw error;
            onLines(error.message.split('\n'));
            if (stoppedBecause === undefined && !failureText)
                return failedWith(error.message);
        }
        if (stoppedBecause !== undefined)
            return stopped();
        // The container exits 0 after writing the failure file for its own errors: the file decides.
        if (failureText)
            return failedWith(failureText);
        const reason = exitReason(job.entryPoint, exit);
        return reason ? failedWith(reason) : { outcome: 'COMPLETED' };
    };
    const finished = (async () => {
        let workspace;
        try {
            workspace = await createWorkspace(options.workspaceRoot);
            return await run(workspace);
        }
        catch (error) {
            const reason = `The job could not be run: ${(0,errors/* errorMessage */.gJ)(error)}`;
            onLines([reason]);
            return failedWith(reason);
        }
        finally {
            if (workspace)
                await removeWorkspace(workspace).catch(() => undefined);
        }
    })();
    return {
        stop(reason) {
            stoppedBecause ??= reason;
            current?.terminate(options.stopGraceMs);
        },
        finished
    };
}
/** Saves checkpoints every `syncEveryMs` while the entry point runs, one save at a time. */
function periodicSync(store, workspace) {
    if (!store?.syncEveryMs)
        return { stop: async () => undefined };
    let saving = Promise.resolve();
    const timer = setInterval(() => {
        saving = saving.then(() => store.save(workspace)).catch(() => undefined);
    }, store.syncEveryMs);
    return {
        async stop() {
            clearInterval(timer);
            await saving;
        }
    };
}

// EXTERNAL MODULE: ./.build/common/untrusted.js
var untrusted = __webpack_require__(2892);
// EXTERNAL MODULE: ./.build/follow/follow-outcome.js
var follow_outcome = __webpack_require__(2752);
// EXTERNAL MODULE: ./.build/follow/pr-comment.js
var pr_comment = __webpack_require__(7190);
// EXTERNAL MODULE: ./.build/follow/report-outcome.js + 3 modules
var report_outcome = __webpack_require__(6564);
// EXTERNAL MODULE: ./.build/follow/results-download.js + 1 modules
var results_download = __webpack_require__(5539);
// EXTERNAL MODULE: ./.build/report/format.js
var format = __webpack_require__(6141);
// EXTERNAL MODULE: ./.build/report/job-report.js
var job_report = __webpack_require__(8397);
// EXTERNAL MODULE: ./.build/report/run-reference.js
var run_reference = __webpack_require__(8924);
;// CONCATENATED MODULE: ./.build/runner/runner-report.js
// The end of a job run on the runner, told as a followed job's end is told
// (reportOutcome: outputs, summary, PR comment, annotations, the step's result),
// marked as run on the runner, with one line on what it could not do: compare
// with the base branch's record, which needs credentials.











const RAN_ON_RUNNER = 'Ran on the runner (run-on-runner): the code ran on this workflow run\u2019s runner as the Braket job container would run it; no AWS ' +
    'job was created and nothing was billed.';
const NO_COMPARISON = "No comparison with the base branch's last run: reading its record needs AWS credentials, which run-on-runner does not use.";
/** The run as the GetJob answer a real job would have given, for the shared report. */
function jobRecord(run) {
    const status = run.signal ? 'CANCELLED' : run.outcome.outcome;
    return {
        $metadata: {},
        status,
        jobArn: undefined,
        jobName: run.jobName,
        roleArn: run.spec.executionRoleArn,
        ...(status === 'FAILED' && run.outcome.failureReason ? { failureReason: run.outcome.failureReason } : {}),
        hyperParameters: run.spec.hyperParameters,
        outputDataConfig: undefined,
        algorithmSpecification: undefined,
        instanceConfig: undefined,
        // Nothing queues on the runner.
        createdAt: undefined,
        startedAt: run.startedAt,
        endedAt: run.endedAt
    };
}
async function savedResults(dir) {
    const entries = await (0,promises_.readdir)(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
    if (!entries)
        return undefined;
    const files = entries.filter((entry) => entry.isFile()).map((entry) => (0,external_node_path_.join)(entry.parentPath, entry.name).slice(dir.length + 1));
    const results = { s3Uri: 'AMZN_BRAKET_JOB_RESULTS_DIR', dir, files, skipped: [] };
    if (files.includes('results.json'))
        results.resultsPreview = await (0,results_download/* previewOf */.oW)((0,external_node_path_.join)(dir, 'results.json'));
    return results;
}
/** The job's report as a submission's would start, with the runner's facts and its note. */
function runnerJobReport(run) {
    const { spec } = run;
    const report = new job_report/* JobReport */.YS({ name: run.jobName, arn: '', consoleUrl: '' }, (0,run_reference/* currentRun */.x)(run.identity, run.env), { status: 'RUNNING', message: `Running ${run.jobName} on the runner.` }, run.startedAt.getTime());
    const hyperParameters = Object.entries(spec.hyperParameters).map(([name, value]) => (0,untrusted/* codeText */.ph)(`${name}=${value}`, 200));
    report.setFact({ label: 'Job', value: `${(0,untrusted/* codeText */.ph)(run.jobName)} (ran on the runner: no AWS job)`, order: job_report/* FACT_ORDER */.Ge.job });
    report.setFact({ label: 'Device', value: (0,untrusted/* codeText */.ph)(run.device), order: job_report/* FACT_ORDER */.Ge.device });
    report.setFact({
        label: 'Instance',
        value: `this runner, with ${(0,untrusted/* codeText */.ph)(run.python)}, stops after ${(0,format/* formatDuration */.a3)(spec.maxRuntimeInSeconds)}`,
        order: job_report/* FACT_ORDER */.Ge.instance
    });
    report.setFact({ label: 'Entry point', value: (0,untrusted/* codeText */.ph)(spec.entryPoint), order: job_report/* FACT_ORDER */.Ge.entryPoint });
    if (hyperParameters.length > 0)
        report.setFact({ label: 'Hyperparameters', value: hyperParameters.join(' '), order: job_report/* FACT_ORDER */.Ge.hyperparameters });
    report.addNote('ran-on-runner', `<b>${(0,untrusted/* escapeHtml */.ZD)(RAN_ON_RUNNER)}</b> ${(0,untrusted/* escapeHtml */.ZD)(NO_COMPARISON)}`);
    return report;
}
async function reportRunnerOutcome(run) {
    const job = jobRecord(run);
    const outcome = {
        jobArn: '',
        jobName: run.jobName,
        consoleUrl: '',
        job,
        end: run.signal ? 'workflow-cancel' : 'job-ended',
        ...(run.signal ? { signal: run.signal, cancel: { reason: 'workflow-cancel', cancellationStatus: 'CANCELLED' } } : {}),
        waitTimeoutMinutes: run.spec.follow.waitTimeoutMinutes,
        cancelOnWorkflowCancel: true
    };
    const verdict = (0,follow_outcome/* verdictOf */.Vj)(outcome, run.endedAt.getTime());
    const results = verdict.status === 'COMPLETED' ? await savedResults(run.resultsDir) : undefined;
    const count = results?.files.length ?? 0;
    if (results)
        core/* info */.pq(`Results: the job's results directory was copied to ${run.resultsDir} (${count} file${count === 1 ? '' : 's'})`);
    const fetch = results ? { kind: 'downloaded', results } : { kind: 'not-asked' };
    const report = {
        outcome,
        verdict,
        metrics: run.metrics,
        ...(results ? { results } : {}),
        lastLines: run.lastLines,
        outputS3Path: run.resultsDir,
        now: run.endedAt.getTime()
    };
    core/* info */.pq(NO_COMPARISON);
    const { spec, identity } = run;
    await (0,report_outcome/* reportOutcome */.R)(report, fetch, {
        report: runnerJobReport(run),
        ...(spec.follow.commentOnPr
            ? {
                comment: async (body) => {
                    const result = await (0,pr_comment/* upsertPrComment */.Z)(spec.follow.githubToken, (0,pr_comment/* commentMarker */.Q)(identity, spec.idempotencyKey), body);
                    core/* info */.pq(result.action === 'skipped' ? `comment-on-pr: no comment (${result.why}).` : `comment-on-pr: ${result.action} the comment`);
                }
            }
            : {})
    });
}

// EXTERNAL MODULE: ./.build/runner/requirements-files.js
var requirements_files = __webpack_require__(5483);
;// CONCATENATED MODULE: ./.build/runner/runner-interpreter.js
// The job's Python on the runner: a fresh virtual environment made with the
// runner's python3, and every requirements.txt in the code installed into it with
// pip, as the container does, from the code directory. Unlike the container,
// pip's failure fails the run, with pip's last lines.
//
// The environment sees the runner's own packages (--system-site-packages): the
// job container comes with the Braket SDK and its friends installed, and a
// workflow can install them in an earlier step instead of in requirements.txt.
// That also lends the environment the runner's pip, so no pip is copied into it
// unless the runner has none. pip's own settings apply (PIP_INDEX_URL,
// PIP_FIND_LINKS, PIP_NO_INDEX, …).



/** Lines of pip's output repeated in the failure reason. */
const PIP_TAIL_LINES = 12;
function venvPython(venvDir) {
    return process.platform === 'win32' ? (0,external_node_path_.join)(venvDir, 'Scripts', 'python.exe') : (0,external_node_path_.join)(venvDir, 'bin', 'python');
}
/** Runs a command to its end; its lines go to the job's log, the last few are kept. */
async function runStep(start, command, args, cwd, env) {
    const tail = [];
    const keep = (lines) => {
        tail.push(...lines);
        tail.splice(0, Math.max(0, tail.length - PIP_TAIL_LINES));
    };
    const exit = await start({ command, args, cwd, env, onLines: keep }).exited;
    const why = exit.startError ?? (exit.signal ? `it was stopped by ${exit.signal}` : `it exited with code ${exit.code}`);
    return { ok: !exit.startError && !exit.signal && exit.code === 0, tail, why };
}
const failure = (what, step, hint = '') => new ContainerSetupError(`${what}: ${step.why}.${hint}${step.tail.length > 0 ? `\n${step.tail.join('\n')}` : ''}`);
function runnerInterpreter(options) {
    return async (workspace, start, log) => {
        const { env } = options;
        const made = await runStep(start, options.python, ['-m', 'venv', '--system-site-packages', '--without-pip', options.venvDir], workspace.root, env);
        if (!made.ok)
            throw failure(`Could not create a virtual environment with ${options.python} -m venv`, made, ' On Debian and Ubuntu the venv module is the python3-venv package; actions/setup-python includes it.');
        const python = venvPython(options.venvDir);
        log(['Checking for Additional Requirements']);
        const files = await (0,requirements_files/* requirementsFiles */.G)(workspace.codeDir);
        if (files.length > 0 && !(await runStep(start, python, ['-m', 'pip', '--version'], workspace.codeDir, env)).ok) {
            const bootstrapped = await runStep(start, python, ['-m', 'ensurepip', '--default-pip'], workspace.codeDir, env);
            if (!bootstrapped.ok)
                throw failure('The runner has no pip, and ensurepip could not add one', bootstrapped);
        }
        for (const file of files) {
            const pipArgs = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-r', file];
            const installed = await runStep(start, python, pipArgs, workspace.codeDir, env);
            if (!installed.ok)
                throw failure(`pip could not install ${file}`, installed);
        }
        log(['Additional Requirements Check Finished']);
        return python;
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./.build/archive/package-source.js + 7 modules
var package_source = __webpack_require__(9106);
// EXTERNAL MODULE: ./.build/archive/exclude-patterns.js + 9 modules
var exclude_patterns = __webpack_require__(9517);
// EXTERNAL MODULE: ./.build/archive/walk-source.js + 1 modules
var walk_source = __webpack_require__(9380);
// EXTERNAL MODULE: ./.build/archive/safe-extract.js
var safe_extract = __webpack_require__(5349);
;// CONCATENATED MODULE: ./.build/runner/container-code.js
// The job's code in the workspace, as the container puts it there: a GZIP (or
// ZIP-labelled) archive unpacked, safely, into customer_code/extracted; any other
// compression type copied as the one file it is.






/** Returns the unpacked files, relative to the code directory. */
async function unpackCode(localFile, compressionType, workspace) {
    const compression = compressionType?.trim().toLowerCase();
    if (compression === 'gzip' || compression === 'zip') {
        try {
            const { files } = await (0,safe_extract/* extractTarGz */.Ce)((0,external_node_fs_.createReadStream)(localFile), workspace.codeDir);
            return files;
        }
        catch (error) {
            throw new ContainerSetupError(`Got an exception while trying to unpack archive: ${localFile} of type: ${compressionType}.\nException: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    const name = (0,external_node_path_.basename)(localFile);
    await (0,promises_.copyFile)(localFile, (0,external_node_path_.join)(workspace.codeDir, name));
    return [name];
}

;// CONCATENATED MODULE: ./.build/runner/runner-storage.js
// Where a job run on the runner gets its code and inputs and leaves its results:
// the source archive (made from the digested tree, byte for byte the one a real
// run uploads) unpacked as the container unpacks it, each local
// input-data path laid out as the container would find it after the action's
// upload (a folder's contents in input/data/<channel>/, a file as
// input/data/<channel>/<name>), and the results directory copied out to where
// later steps can read it. Checkpoints live and die with the run.










/** Copies the files of a local channel the way the action would upload them (links inside kept to their files, none outside). */
async function provideChannel(localPath, channelDir) {
    await (0,promises_.mkdir)(channelDir, { recursive: true });
    if ((await (0,promises_.stat)(localPath)).isFile())
        return (0,promises_.copyFile)(localPath, (0,external_node_path_.join)(channelDir, (0,external_node_path_.basename)(localPath)));
    const listing = await (0,walk_source/* walkSource */.j)(localPath, (0,exclude_patterns/* compileExcludePatterns */.X)([]));
    for (const entry of listing.entries) {
        if (entry.kind !== 'file')
            continue;
        const target = (0,external_node_path_.join)(channelDir, ...entry.relativePath.split('/'));
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        await (0,promises_.copyFile)((0,external_node_path_.join)(localPath, ...entry.relativePath.split('/')), target);
    }
}
function runnerStorage(source, channels, resultsDir) {
    return {
        installCode: async (workspace) => {
            // The container downloads the source object into customer_code/original, then unpacks it from there.
            const original = (0,external_node_path_.join)(workspace.originalCodeDir, source.fileName);
            await (0,external_node_stream_promises_.pipeline)((0,package_source/* archiveStream */.l2)(source), (0,external_node_fs_.createWriteStream)(original));
            await unpackCode(original, source.compressionType, workspace);
        },
        provideInputs: async (workspace) => {
            for (const channel of channels) {
                if (channel.localPath === undefined)
                    continue;
                try {
                    await provideChannel(channel.localPath, (0,external_node_path_.join)(workspace.inputDataDir, channel.channelName));
                }
                catch (error) {
                    throw new ContainerSetupError(`Unable to provide input channel ${channel.channelName}.\nException: ${(0,errors/* errorMessage */.gJ)(error)}`);
                }
            }
        },
        saveResults: async (workspace) => {
            try {
                await (0,promises_.mkdir)(resultsDir, { recursive: true });
                // Links are left out: a result is a file the job wrote, and a link could point anywhere on the runner.
                await (0,promises_.cp)(workspace.resultsDir, resultsDir, {
                    recursive: true,
                    verbatimSymlinks: true,
                    filter: async (path) => !(await (0,promises_.lstat)(path)).isSymbolicLink()
                });
            }
            catch (error) {
                throw new ContainerSetupError(`Unable to save results to ${resultsDir}.\nException: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
    };
}

;// CONCATENATED MODULE: ./.build/runner/run-on-runner.js
// run-on-runner: the job run on the workflow's runner the way the Braket job
// container runs it, with no credentials and no AWS call (pull requests from
// forks get no OIDC token). The job's output streams into the step log, its
// max-runtime-seconds is enforced, a workflow cancel stops its whole process
// tree, and its end is reported as a followed job's is.















/** Between SIGTERM and SIGKILL: the runner itself sends SIGTERM 7.5 s after SIGINT on a cancel. */
const STOP_GRACE_MS = 2_000;
const CANCELLED_REASON = 'The workflow run was cancelled.';
function maxRuntimeReason(seconds) {
    return `MaxRuntimeExceeded: The job ran longer than its maximum runtime of ${seconds} seconds (max-runtime-seconds) and was stopped.`;
}
/** A local: device runs as given; any other is replaced by local-device, which the job's code must run itself. */
function runnerDevice(spec) {
    if (spec.device.startsWith('local:'))
        return spec.device;
    core/* notice */.lm(`device ${spec.device} needs AWS; on the runner the job gets AMZN_BRAKET_DEVICE_ARN=${spec.localDevice} (local-device) instead. ` +
        `The code must run local: devices itself with LocalSimulator, as Braket's embedded-simulator jobs do.`, { title: 'run-on-runner' });
    return spec.localDevice;
}
async function runOnRunner(request) {
    const { spec, identity, source, env } = request;
    const python = request.python ?? 'python3';
    if (spec.follow.commentOnPr && spec.follow.githubToken)
        core/* setSecret */.Pq(spec.follow.githubToken);
    const device = runnerDevice(spec);
    // The name a real run of this request would get (the account left as a placeholder, as in a dry run).
    const channels = await (0,input_channels/* resolveInputChannels */.N)(spec, spec.bucket ?? (0,job_plan/* defaultBucket */.Qn)(spec.region, '{account-id}'), undefined);
    const { jobName } = (0,job_plan/* planJob */.b1)(spec, identity, source, channels, '{account-id}', identity.runAttempt);
    const temp = env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const root = await (0,promises_.mkdtemp)((0,external_node_path_.join)(temp, 'braket-runner-'));
    const resultsDir = spec.follow.downloadResults ?? (0,external_node_path_.join)(temp, 'braket-results', jobName);
    core/* info */.pq(`Running ${jobName} on this runner as the Braket job container would: no credentials, no AWS call.`);
    const stepLog = new step_log/* StepLog */.J(false, spec.follow.streamLogs);
    const metrics = new metric_series/* MetricCollector */.k();
    const onLines = (lines) => {
        const timestamp = Date.now();
        stepLog.logLines(lines.map((message) => ({ timestamp, message, instance: 'algo-1' })));
        for (const line of lines)
            metrics.add((0,metric_lines/* parseMetricLine */.M)(line));
    };
    const inherited = inheritedEnvironment(env);
    const run = runContainerJob({
        job: {
            jobName,
            entryPoint: spec.entryPoint,
            deviceArn: device,
            hyperParameters: spec.hyperParameters,
            compressionType: source.compressionType
        },
        workspaceRoot: (0,external_node_path_.join)(root, 'job'),
        storage: runnerStorage(source, spec.inputChannels, resultsDir),
        interpreter: runnerInterpreter({ python, venvDir: (0,external_node_path_.join)(root, 'venv'), env: inherited }),
        environment: () => inherited,
        onLines,
        stopGraceMs: STOP_GRACE_MS
    });
    const startedAt = new Date();
    const signals = new workflow_signals/* WorkflowSignals */.F(request.signals);
    signals.signal.addEventListener('abort', () => run.stop(CANCELLED_REASON));
    const overrun = setTimeout(() => run.stop(maxRuntimeReason(spec.maxRuntimeInSeconds)), spec.maxRuntimeInSeconds * 1000);
    let outcome;
    try {
        outcome = await run.finished;
    }
    finally {
        clearTimeout(overrun);
        signals.dispose();
        stepLog.closeGroup();
        await (0,promises_.rm)(root, { recursive: true, force: true });
    }
    await reportRunnerOutcome({
        spec,
        identity,
        env,
        jobName,
        device,
        python,
        outcome,
        ...(signals.received ? { signal: signals.received } : {}),
        startedAt,
        endedAt: new Date(),
        metrics,
        lastLines: stepLog.lastLines(),
        resultsDir
    });
}


/***/ })

};
