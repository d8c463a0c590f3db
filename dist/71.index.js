export const id = 71;
export const ids = [71];
export const modules = {

/***/ 7071:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  attachAndFollow: () => (/* binding */ attachAndFollow)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./.build/aws/aws-session.js + 1 modules
var aws_session = __webpack_require__(3834);
// EXTERNAL MODULE: ./.build/aws/clients.js + 1 modules
var clients = __webpack_require__(8498);
// EXTERNAL MODULE: ./.build/follow/follow-job.js + 6 modules
var follow_job = __webpack_require__(8356);
// EXTERNAL MODULE: ./.build/follow/follow-state.js
var follow_state = __webpack_require__(3745);
// EXTERNAL MODULE: ./.build/follow/follow-target.js
var follow_target = __webpack_require__(2183);
// EXTERNAL MODULE: ./.build/inputs/attach-section.js + 1 modules
var attach_section = __webpack_require__(9548);
// EXTERNAL MODULE: ./.build/inputs/credentials-section.js
var credentials_section = __webpack_require__(6314);
// EXTERNAL MODULE: ./.build/inputs/experiment-section.js
var experiment_section = __webpack_require__(2273);
// EXTERNAL MODULE: ./.build/inputs/follow-section.js
var follow_section = __webpack_require__(5547);
// EXTERNAL MODULE: ./.build/inputs/input-error.js
var input_error = __webpack_require__(9505);
// EXTERNAL MODULE: ./.build/inputs/job-arn.js
var job_arn = __webpack_require__(1503);
// EXTERNAL MODULE: ./.build/inputs/region-section.js
var region_section = __webpack_require__(890);
;// CONCATENATED MODULE: ./.build/inputs/attach-spec.js







function buildAttachSpec(raw, identity, env, now = Date.now()) {
    const problems = [];
    const report = (problem) => problems.push(problem);
    const attach = (0,attach_section/* readAttachSection */.X0)(raw, now, report);
    const region = attach.jobArn ? jobRegion(attach.jobArn, raw, report) : (0,region_section/* readRegion */.X)(raw, env, report);
    const credentials = (0,credentials_section/* readCredentials */.L1)(raw, identity, report);
    const experiment = (0,experiment_section/* readExperiment */.s)(raw, identity, report);
    const follow = (0,follow_section/* readFollowSection */.r)(raw, identity.workspace, report, true);
    if (problems.length > 0)
        throw new input_error/* InputError */.d(problems);
    return { ...attach, region, credentials, experiment, idempotencyKey: raw['idempotency-key'], follow };
}
/** A job is reached in its own region, whatever the environment's default; an explicit aws-region must agree. */
function jobRegion(jobArn, raw, report) {
    const region = (0,job_arn/* parseJobArn */.a)(jobArn)?.region ?? '';
    const given = raw['aws-region'];
    if (region && given && given !== region) {
        report({
            input: 'aws-region',
            message: `is ${given}, but job-arn names a job of ${region}: leave aws-region empty (the job's region comes from its ARN) or set ` +
                `it to ${region}.`
        });
    }
    return region;
}

// EXTERNAL MODULE: ./.build/report/run-reference.js
var run_reference = __webpack_require__(8924);
// EXTERNAL MODULE: ./.build/report/step-summary.js
var step_summary = __webpack_require__(3962);
// EXTERNAL MODULE: ./.build/common/errors.js
var errors = __webpack_require__(8983);
// EXTERNAL MODULE: ./.build/common/untrusted.js
var untrusted = __webpack_require__(2892);
// EXTERNAL MODULE: ./.build/cost/cost-phase.js + 13 modules
var cost_phase = __webpack_require__(1377);
// EXTERNAL MODULE: ./.build/cost/cost-section.js
var cost_section = __webpack_require__(531);
;// CONCATENATED MODULE: ./.build/attach/attached-spend.js
// An attached job's cost and quantum tasks, followed as a submitted job's are:
// the rates of its instance type and device, its running total while it runs,
// its tasks counted and its cost estimated at the end, in the report and the
// outputs. What the job was created with comes from GetJob, not from inputs.





/** The cost inputs of a submission, as the job was created. */
function spendSpecOf(job, region, wait) {
    const reservation = job.associations?.find((association) => association.type === 'RESERVATION_TIME_WINDOW_ARN')?.arn;
    return {
        region,
        device: job.deviceConfig?.device ?? '',
        instanceType: job.instanceConfig?.instanceType ?? '',
        instanceCount: job.instanceConfig?.instanceCount ?? 1,
        volumeSizeInGb: job.instanceConfig?.volumeSizeInGb ?? 0,
        maxRuntimeInSeconds: job.stoppingCondition?.maxRuntimeInSeconds ?? 0,
        ...(reservation ? { reservationArn: reservation } : {}),
        follow: { wait }
    };
}
/** The observer that tracks the job's spend and tasks; none, with a warning, when its rates cannot be set up. */
async function attachedSpend(job, region, wait, deps) {
    const spec = spendSpecOf(job, region, wait);
    try {
        const plan = await (0,cost_phase/* estimateCost */.a3)(spec, deps.session);
        deps.report.addSection((0,cost_section/* estimateSection */.Kt)(spec, plan));
        return [(0,cost_phase/* trackSpend */.KK)(plan, spec, deps.session, job.jobArn, deps.env, deps.report)];
    }
    catch (error) {
        core/* warning */.$e(`The job's cost and quantum tasks are not followed: ${(0,untrusted/* logText */.kc)((0,errors/* errorMessage */.gJ)(error), 2000)}`);
        return [];
    }
}

// EXTERNAL MODULE: ./.build/follow/job-progress.js
var job_progress = __webpack_require__(8813);
// EXTERNAL MODULE: ./.build/inputs/tags-section.js
var tags_section = __webpack_require__(603);
// EXTERNAL MODULE: ./.build/report/job-report.js
var job_report = __webpack_require__(8397);
// EXTERNAL MODULE: ./.build/report/log-layout.js
var log_layout = __webpack_require__(1398);
// EXTERNAL MODULE: ./.build/report/submission-report.js
var submission_report = __webpack_require__(6940);
;// CONCATENATED MODULE: ./.build/attach/attach-report.js
// What the step log, outputs and summary say about a job this step attached to:
// which job, where it stands, and who submitted it (from its provenance tags,
// which are the job's text: escaped wherever they are shown).







/** "workflow run 4242 (attempt 2) of octo/quantum-lab", from the job's github:* tags; undefined for a job submitted otherwise. */
function provenanceOf(job, identity) {
    const tag = (name) => job.tags?.[`${tags_section/* PROVENANCE_TAG_PREFIX */.KF}${name}`];
    const repository = tag('repository');
    const runId = tag('run-id');
    if (!repository || !runId)
        return undefined;
    const attempt = tag('run-attempt');
    const workflow = tag('workflow');
    const ofAttempt = attempt && attempt !== '1' ? ` (attempt ${attempt})` : '';
    const text = `${workflow ? `"${workflow}" ` : ''}run ${runId}${ofAttempt} of ${repository}`;
    const linkable = /^[\w.-]+\/[\w.-]+$/.test(repository) && /^\d+$/.test(runId);
    return { text, ...(linkable ? { url: `${identity.serverUrl}/${repository}/actions/runs/${runId}` } : {}) };
}
function logAttached(job, target, identity) {
    const provenance = provenanceOf(job, identity);
    (0,log_layout/* logHeading */.v)('Job (attached: submitted elsewhere, followed here)');
    (0,log_layout/* logRow */.O)('job name', (0,untrusted/* logText */.kc)(target.jobName));
    (0,log_layout/* logRow */.O)('job ARN', (0,untrusted/* logText */.kc)(target.jobArn));
    (0,log_layout/* logRow */.O)('status', `${(0,untrusted/* logText */.kc)(target.status)}${job.createdAt ? `, created ${(0,job_progress/* stamp */.iE)(job.createdAt)}` : ''}`);
    (0,log_layout/* logRow */.O)('device', (0,untrusted/* logText */.kc)(target.deviceLabel));
    (0,log_layout/* logRow */.O)('instance', `${target.instanceCount} × ${(0,untrusted/* logText */.kc)(target.instanceType)}`);
    (0,log_layout/* logRow */.O)('submitted by', provenance ? (0,untrusted/* logText */.kc)(provenance.text) : 'not this action (the job has no github:* tags)');
    (0,log_layout/* logRow */.O)('log', target.logsSince === undefined ? "from the job's start" : `from ${(0,job_progress/* stamp */.iE)(target.logsSince)} (logs-since)`);
    core/* notice */.lm(`Following Braket hybrid job ${(0,untrusted/* logText */.kc)(target.jobName)} (${(0,untrusted/* logText */.kc)(target.status)}): ${target.consoleUrl}`, {
        title: 'Amazon Braket hybrid job (attached)'
    });
}
function setAttachedOutputs(job, target) {
    (0,submission_report/* setOutputs */.n0)({
        'job-arn': target.jobArn,
        'job-name': target.jobName,
        'source-s3-uri': job.algorithmSpecification?.scriptModeConfig?.s3Uri,
        'output-s3-path': target.outputS3Path || undefined,
        'console-url': target.consoleUrl,
        status: target.status
    });
}
/** The report of an attached job (summary and PR comment): who submitted it, what it runs on; following completes it. */
function attachedReport(job, target, identity, run, wait, now) {
    const provenance = provenanceOf(job, identity);
    const by = provenance ? `, submitted by ${provenance.text}` : ', submitted without this action';
    const next = wait
        ? 'This step follows it to its end.'
        : 'This step does not wait for it (wait: false): the Braket console shows how it ends.';
    const report = new job_report/* JobReport */.YS({ name: target.jobName, arn: target.jobArn, consoleUrl: target.consoleUrl }, run, { status: target.status, message: `Attached to ${target.jobName}${by}. ${next}` }, now);
    const submittedBy = provenance
        ? provenance.url
            ? `<a href="${(0,untrusted/* escapeHtml */.ZD)(provenance.url)}">${(0,untrusted/* markdownText */.p7)(provenance.text)}</a>`
            : (0,untrusted/* markdownText */.p7)(provenance.text)
        : 'not this action (the job has no github:* tags)';
    const facts = [
        {
            label: 'Job',
            value: `<a href="${(0,untrusted/* escapeHtml */.ZD)(target.consoleUrl)}">${(0,untrusted/* markdownText */.p7)(target.jobName)}</a> in the Braket console`,
            order: job_report/* FACT_ORDER */.Ge.job
        },
        { label: 'Job ARN', value: (0,untrusted/* codeText */.ph)(target.jobArn), order: job_report/* FACT_ORDER */.Ge.job + 1, only: 'summary' },
        { label: 'Device', value: (0,untrusted/* codeText */.ph)(target.deviceLabel), order: job_report/* FACT_ORDER */.Ge.device },
        { label: 'Instance', value: `${target.instanceCount} × ${(0,untrusted/* markdownText */.p7)(target.instanceType)}`, order: job_report/* FACT_ORDER */.Ge.instance },
        { label: 'Submitted by', value: submittedBy, order: job_report/* FACT_ORDER */.Ge.source },
        ...(target.outputS3Path
            ? [{ label: 'Output', value: (0,untrusted/* codeText */.ph)(target.outputS3Path), order: job_report/* FACT_ORDER */.Ge.output, only: 'summary' }]
            : [])
    ];
    for (const fact of facts)
        report.setFact(fact);
    return report;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-braket/dist-cjs/index.js
var dist_cjs = __webpack_require__(3118);
// EXTERNAL MODULE: ./.build/aws/aws-call.js
var aws_call = __webpack_require__(7730);
;// CONCATENATED MODULE: ./.build/attach/latest-job.js
// attach: latest — the newest job of an experiment of this repository, found with
// SearchJobs (its filters are jobArn and createdAt only) and the provenance tags
// every job this action submits carries (github:repository, github:experiment).




class LatestJobError extends errors/* ActionError */.lZ {
}
const DAY_MS = 24 * 60 * 60 * 1000;
/** Searched newest first, one window after the other, so a busy account is not read back a year to find yesterday's job. */
const WINDOWS_DAYS = [7, 30, 365];
function matches(job, query) {
    const tags = job.tags ?? {};
    return tags[`${tags_section/* PROVENANCE_TAG_PREFIX */.KF}repository`] === query.repository && tags[`${tags_section/* PROVENANCE_TAG_PREFIX */.KF}experiment`] === query.experiment;
}
/** Every job created in [from, to), read page by page, keeping the newest that matches. */
async function newestIn(braket, query, from, to) {
    let newest;
    let nextToken;
    do {
        const page = await braket.send(new dist_cjs.SearchJobsCommand({
            filters: [{ name: 'createdAt', operator: 'BETWEEN', values: [new Date(from).toISOString(), new Date(to).toISOString()] }],
            maxResults: 100,
            nextToken
        }));
        for (const job of page.jobs ?? []) {
            if (!matches(job, query) || !job.jobArn)
                continue;
            if (!newest || (job.createdAt?.getTime() ?? 0) > (newest.createdAt?.getTime() ?? 0))
                newest = job;
        }
        nextToken = page.nextToken;
    } while (nextToken);
    return newest;
}
async function findLatestJob(braket, query, now) {
    let to = now;
    for (const days of WINDOWS_DAYS) {
        const from = now - days * DAY_MS;
        const call = { service: 'Braket', operation: 'SearchJobs', target: `jobs of ${query.region}`, permission: 'braket:SearchJobs' };
        const found = await (0,aws_call/* awsCall */.uF)(call, () => newestIn(braket, query, from, to));
        if (found?.jobArn)
            return found.jobArn;
        to = from;
    }
    throw new LatestJobError(`Input "attach": no job of experiment "${query.experiment}" of ${query.repository} was created in ${query.region} in the last ` +
        `${WINDOWS_DAYS.at(-1)} days. attach: latest looks for the ${tags_section/* PROVENANCE_TAG_PREFIX */.KF}experiment tag this action puts on the jobs ` +
        `it submits: set experiment to the name the submitting step uses (its default is that step's workflow name, job id and step ` +
        `id), or give job-arn.`);
}

// EXTERNAL MODULE: ./.build/attach/read-job.js
var read_job = __webpack_require__(5854);
// EXTERNAL MODULE: ./.build/attach/runner-limits.js
var runner_limits = __webpack_require__(4671);
;// CONCATENATED MODULE: ./.build/attach/attach-and-follow.js
// A job submitted elsewhere (job-arn, or attach: latest), followed exactly as the
// action follows its own: nothing is packaged, uploaded or created.














async function attachAndFollow(raw, identity, env) {
    // 1. The inputs, all checked before any AWS call; the job's region from its ARN.
    const spec = buildAttachSpec(raw, identity, env);
    (0,runner_limits/* warnIfRunnerStopsFirst */.PZ)(spec.follow, env, true);
    // 2. The job: the one named, or the experiment's newest.
    const session = await (0,aws_session/* openAwsSession */.a)(spec.credentials, spec.region, { getIdToken: (audience) => core/* getIDToken */.V9(audience), env });
    const braket = (0,clients/* braketClient */.JD)(session);
    const query = { repository: identity.repository, experiment: spec.experiment, region: spec.region };
    const jobArn = spec.jobArn ?? (await findLatestJob(braket, query, Date.now()));
    const job = await (0,read_job/* readJob */.c)(braket, jobArn, spec.region, spec.jobArn ? 'job-arn' : 'attach');
    const target = (0,follow_target/* attachedTarget */.U)(job, spec.region, spec.logsSince);
    // Cancelled by the post step only when this step was asked to cancel it (cancel-on-workflow-cancel: true).
    (0,follow_state/* rememberJobForPost */.eF)(target.jobArn, spec.follow);
    setAttachedOutputs(job, target);
    logAttached(job, target, identity);
    const report = attachedReport(job, target, identity, (0,run_reference/* currentRun */.x)(identity, env), spec.follow.wait, Date.now());
    await (0,step_summary/* writeStepSummary */.o)(report);
    // 3. Followed to its end as a submitted job is: logs, metrics, cost and quantum tasks, results, PR comment, the step's outcome.
    const observers = spec.follow.wait ? await attachedSpend(job, spec.region, true, { session, env, report }) : [];
    await (0,follow_job/* followIfAsked */.X)(target, spec, { identity, report, session, braket, s3: (0,clients/* s3Client */.oD)(session), env, observers });
}


/***/ })

};
