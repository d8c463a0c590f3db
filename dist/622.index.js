export const id = 622;
export const ids = [622];
export const modules = {

/***/ 5854:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ readJob)
/* harmony export */ });
/* unused harmony export JobLookupError */
/* harmony import */ var _aws_sdk_client_braket__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3118);
/* harmony import */ var _aws_aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7730);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8983);
// GetJob for a job this step did not submit (job-arn, copy-checkpoints-from-job),
// with each way it can fail said in words: which input, what is wrong, what to do.



class JobLookupError extends _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ {
}
async function readJob(braket, jobArn, region, input) {
    const call = { service: 'Braket', operation: 'GetJob', target: jobArn, permission: 'braket:GetJob' };
    try {
        const job = await braket.send(new _aws_sdk_client_braket__WEBPACK_IMPORTED_MODULE_2__.GetJobCommand({ jobArn }));
        return { ...job, jobArn: job.jobArn ?? jobArn };
    }
    catch (error) {
        if ((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error) === 'ResourceNotFoundException' || (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error) === 'ValidationException') {
            throw new JobLookupError(`Input "${input}": there is no hybrid job ${jobArn} in ${region} (${(0,_aws_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCall */ .GC)(call)} ` +
                `${(0,_aws_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)((0,_aws_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .callFailure */ .zL)(error))}). Check the ARN: pass it from the step that submitted the job (its job-arn output), ` +
                `and use credentials of the account that owns it.`);
        }
        const denied = (0,_aws_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .callFailure */ .zL)(error).kind === 'denied';
        throw (0,_aws_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCallError */ .Id)(call, error, denied
            ? { advice: 'Allow braket:GetJob on the job in the policy of the role the step uses; a job of another account cannot be read.' }
            : {});
    }
}


/***/ }),

/***/ 3834:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ openAwsSession)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./.build/common/untrusted.js
var untrusted = __webpack_require__(2892);
// EXTERNAL MODULE: ./.build/report/log-layout.js
var log_layout = __webpack_require__(1398);
// EXTERNAL MODULE: ./.build/aws/aws-call.js
var aws_call = __webpack_require__(7730);
// EXTERNAL MODULE: ./.build/aws/clients.js + 1 modules
var clients = __webpack_require__(8498);
// EXTERNAL MODULE: ./.build/aws/retry.js
var retry = __webpack_require__(494);
// EXTERNAL MODULE: ./.build/common/errors.js
var errors = __webpack_require__(8983);
;// CONCATENATED MODULE: ./.build/aws/web-identity.js
// Exchanges the workflow's OIDC token for the role's temporary credentials.







/** A failure the workflow's author can fix, with what to change. */
class CredentialsError extends errors/* ActionError */.lZ {
}
/** The claims of a JWT, read without verifying it: only to explain a refusal. */
function tokenClaims(token) {
    try {
        return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
}
/** What to do about a refusal STS gives for a reason of the workflow's set-up; undefined for the rest. */
function refusalAdvice(code, request, token) {
    const claims = token ? tokenClaims(token) : {};
    const subject = claims.sub ? `This run's token has sub "${claims.sub}" and aud "${claims.aud ?? request.audience}". ` : '';
    switch (code) {
        case 'AccessDenied':
        case 'AccessDeniedException':
            return (`AWS refused to let this workflow assume ${request.roleArn}. ${subject}The role's trust policy must allow ` +
                `sts:AssumeRoleWithWebIdentity for the federated principal token.actions.githubusercontent.com with ` +
                `"token.actions.githubusercontent.com:aud": "${request.audience}" and a "token.actions.githubusercontent.com:sub" condition ` +
                `matching that subject (for pull requests: repo:OWNER/REPO:pull_request).`);
        case 'InvalidIdentityToken':
        case 'InvalidIdentityTokenException':
            return (`AWS rejected the workflow's OIDC token for ${request.roleArn}. ${subject}Check that the account has the IAM OIDC provider ` +
                `token.actions.githubusercontent.com with client ID (audience) "${request.audience}", and that the audience input matches it.`);
        case 'ExpiredTokenException':
            return (`The workflow's OIDC token had expired when AWS checked it. Check the runner's clock; the token is fetched fresh for each ` +
                `attempt.`);
        case 'ValidationError':
            return (`AWS did not accept the role request for ${request.roleArn}. If it is about DurationSeconds, lower role-duration-seconds to ` +
                `the role's maximum session duration (IAM default: 3600) or raise that maximum.`);
        default:
            return undefined;
    }
}
/**
 * core.getIDToken failed: GitHub's token service, not AWS. The toolkit's message
 * ("Failed to get ID Token. Error Code : 500 Error Message: …") is the only place
 * its status is found; the step log gets "HTTP 500: …".
 */
class TokenRequestError extends Error {
    original;
    status;
    constructor(original) {
        const text = (0,errors/* errorMessage */.gJ)(original).replace(/\s+/g, ' ').trim();
        const status = /Error Code\s*:\s*(\d{3})/.exec(text)?.[1];
        const detail = /Error Message:\s*(.*)$/.exec(text)?.[1] ?? text;
        super(status ? `HTTP ${status}: ${detail}` : detail);
        this.original = original;
        if (status)
            this.status = Number(status);
    }
    /** 429 and 5xx (which the toolkit retries only for 502–504), and dropped connections, can pass when asked again. */
    get retryable() {
        return this.status === undefined ? (0,aws_call/* isNetworkFailure */.NQ)(this.original) : this.status === 429 || this.status >= 500;
    }
}
function tokenFailureMessage(error, audience, attempts) {
    const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
    const what = `GitHub's OIDC token request (core.getIDToken, audience "${audience}") failed after ${tries}`;
    const detail = (0,untrusted/* logText */.kc)(error.message, 300);
    if (error.retryable)
        return (`${what}: ${detail}. The token comes from GitHub, not AWS: re-run the step. ${aws_call/* RERUN_IS_SAFE */.Wz} If it keeps failing, check ` +
            `https://www.githubstatus.com (Actions).`);
    return `${what}: ${detail}. Check that the job has "permissions: { id-token: write, contents: read }".`;
}
async function assumeRoleWithWebIdentity(request, deps) {
    if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        const fork = deps.env.GITHUB_EVENT_NAME === 'pull_request'
            ? ' Pull requests from forks get no OIDC token at all: run with dry-run: true there, or submit from a workflow that runs on the ' +
                'base repository.'
            : '';
        throw new CredentialsError(`role-to-assume is set but the job has no OIDC token to exchange for it. Give the job "permissions: { id-token: write, contents: ` +
            `read }".${fork}`);
    }
    const sts = (0,clients/* stsClient */.Km)(request.region, 1);
    const call = { service: 'STS', operation: 'AssumeRoleWithWebIdentity', target: `role ${request.roleArn}` };
    let lastToken;
    let attempts = 0;
    try {
        const response = await (0,retry/* withRetry */.bD)(async (attempt) => {
            attempts = attempt;
            // A fresh token for every attempt: a token STS saw once may not be accepted again.
            const token = await deps.getIdToken(request.audience).catch((error) => {
                throw new TokenRequestError(error);
            });
            core/* setSecret */.Pq(token);
            lastToken = token;
            return sts.send(new dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
                RoleArn: request.roleArn,
                RoleSessionName: request.sessionName,
                WebIdentityToken: token,
                DurationSeconds: request.durationSeconds
            }));
        }, {
            attempts: deps.attempts ?? 5,
            baseDelayMs: 1000,
            maxDelayMs: 16000,
            sleep: deps.sleep,
            ...(deps.random ? { random: deps.random } : {}),
            isRetryable: (error) => (error instanceof TokenRequestError ? error.retryable : (0,retry/* isTransient */.dg)(error)),
            onRetry: (error, attempt, delayMs) => {
                const what = error instanceof TokenRequestError ? 'The OIDC token request' : 'AssumeRoleWithWebIdentity';
                const why = error instanceof TokenRequestError ? (error.status ?? 'no answer') : (0,errors/* errorName */.Is)(error);
                core/* info */.pq(`${what} attempt ${attempt} failed (${(0,untrusted/* logText */.kc)(String(why), 100)}); retrying in ${(delayMs / 1000).toFixed(1)}s`);
            }
        });
        const credentials = response.Credentials;
        const assumedRoleArn = response.AssumedRoleUser?.Arn ?? '';
        if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
            throw new CredentialsError(`${(0,aws_call/* describeCall */.GC)(call)} returned no credentials.`);
        }
        for (const secret of [credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken])
            core/* setSecret */.Pq(secret);
        return {
            accessKeyId: credentials.AccessKeyId,
            secretAccessKey: credentials.SecretAccessKey,
            sessionToken: credentials.SessionToken,
            expiration: credentials.Expiration ?? new Date(Date.now() + request.durationSeconds * 1000),
            assumedRoleArn,
            accountId: assumedRoleArn.split(':')[4] ?? ''
        };
    }
    catch (error) {
        if (error instanceof CredentialsError)
            throw error;
        if (error instanceof TokenRequestError)
            throw new CredentialsError(tokenFailureMessage(error, request.audience, attempts), { cause: error });
        const advice = refusalAdvice((0,errors/* errorName */.Is)(error), request, lastToken);
        if (!advice)
            throw (0,aws_call/* awsCallError */.Id)(call, error, { attempts });
        const failure = { ...(0,aws_call/* callFailure */.zL)(error), attempts };
        throw new CredentialsError(`${(0,aws_call/* describeCall */.GC)(call)} ${(0,aws_call/* describeFailure */.Ic)(failure)}. ${advice}`, { cause: error });
    }
    finally {
        sts.destroy();
    }
}

;// CONCATENATED MODULE: ./.build/aws/aws-session.js
// The credentials every S3 and Braket call uses, and the account they belong to.








const NO_CREDENTIALS = 'No usable AWS credentials in the environment. Set role-to-assume (with "permissions: id-token: write") or configure credentials ' +
    'in an earlier step, e.g. aws-actions/configure-aws-credentials.';
/** Re-assume this long before the role's credentials run out, so a long wait never hits ExpiredToken. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
async function openAwsSession(source, region, deps) {
    if (source.kind === 'web-identity') {
        const request = {
            roleArn: source.roleArn,
            audience: source.audience,
            sessionName: source.sessionName,
            durationSeconds: source.durationSeconds,
            region
        };
        const assume = () => assumeRoleWithWebIdentity(request, {
            getIdToken: (audience) => deps.getIdToken(audience),
            sleep: deps.sleep ?? retry/* realSleep */.uk,
            env: deps.env
        });
        let current = await assume();
        (0,log_layout/* logHeading */.v)('AWS');
        (0,log_layout/* logRow */.O)('role', `${current.assumedRoleArn} (credentials until ${current.expiration.toISOString()})`);
        const session = { region, accountId: current.accountId, callerArn: current.assumedRoleArn, expiration: current.expiration };
        session.credentials = async () => {
            if (current.expiration.getTime() - Date.now() < REFRESH_MARGIN_MS) {
                current = await assume();
                session.expiration = current.expiration;
                core/* info */.pq(`Re-assumed ${(0,untrusted/* logText */.kc)(current.assumedRoleArn)} until ${current.expiration.toISOString()}`);
            }
            return {
                accessKeyId: current.accessKeyId,
                secretAccessKey: current.secretAccessKey,
                sessionToken: current.sessionToken,
                expiration: current.expiration
            };
        };
        return session;
    }
    const sts = (0,clients/* stsClient */.Km)(region);
    const call = { service: 'STS', operation: 'GetCallerIdentity', target: 'the credentials in the environment' };
    try {
        const caller = await (0,aws_call/* awsCall */.uF)(call, () => sts.send(new dist_cjs/* GetCallerIdentityCommand */.zI({})), 
        // Throttling and outages get the generic advice; anything else means there are no credentials to use.
        (failure) => (['credentials', 'denied', 'rejected'].includes(failure.kind) ? NO_CREDENTIALS : undefined));
        (0,log_layout/* logHeading */.v)('AWS');
        (0,log_layout/* logRow */.O)('credentials', `${caller.Arn} (from the environment)`);
        return { region, accountId: caller.Account ?? '', callerArn: caller.Arn ?? '' };
    }
    finally {
        sts.destroy();
    }
}


/***/ }),

/***/ 6448:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jw: () => (/* binding */ checkDevice),
/* harmony export */   Uw: () => (/* binding */ ENDED_UNSUCCESSFULLY),
/* harmony export */   Wr: () => (/* binding */ getJobCall),
/* harmony export */   _S: () => (/* binding */ createJob),
/* harmony export */   hx: () => (/* binding */ describeJob),
/* harmony export */   nx: () => (/* binding */ SubmissionError)
/* harmony export */ });
/* unused harmony exports createJobAdvice, explainCreateJobError */
/* harmony import */ var _aws_sdk_client_braket__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3118);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8983);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7730);
// Talks to Braket for the submission: the device pre-check, CreateJob exactly
// once, and the job's state right after.



class SubmissionError extends _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
}
/** Fails fast on a device that can't take the job; local simulators run inside the job and need no check. */
async function checkDevice(braket, device, region) {
    if (device.startsWith('local:'))
        return undefined;
    const call = { service: 'Braket', operation: 'GetDevice', target: device, permission: 'braket:GetDevice' };
    let response;
    try {
        response = await braket.send(new _aws_sdk_client_braket__WEBPACK_IMPORTED_MODULE_2__.GetDeviceCommand({ deviceArn: device }));
    }
    catch (error) {
        const name = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error);
        if (name === 'ResourceNotFoundException' || name === 'ValidationException') {
            throw new SubmissionError(`Input "device": ${device} is not a Braket device in ${region} (input "aws-region") ` +
                `(${(0,_aws_call_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCall */ .GC)(call)} ${(0,_aws_call_js__WEBPACK_IMPORTED_MODULE_1__/* .describeFailure */ .Ic)((0,_aws_call_js__WEBPACK_IMPORTED_MODULE_1__/* .callFailure */ .zL)(error))}). Check both inputs; list the devices with "aws braket ` +
                `search-devices --filters name=deviceStatus,values=ONLINE --region ${region}".`);
        }
        throw (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCallError */ .Id)(call, error);
    }
    const summary = {
        deviceArn: response.deviceArn ?? device,
        deviceName: response.deviceName ?? '',
        providerName: response.providerName ?? '',
        deviceType: response.deviceType ?? '',
        deviceStatus: response.deviceStatus ?? '',
        queueSize: response.deviceQueueInfo?.find((q) => q.queue === 'JOBS_QUEUE')?.queueSize
    };
    if (summary.deviceStatus === 'RETIRED')
        throw new SubmissionError(`Input "device": ${summary.providerName} ${summary.deviceName} (${device}) is RETIRED and takes no more jobs. Pick another device; ` +
            `see the Braket console's Devices page.`);
    if (summary.deviceStatus === 'OFFLINE')
        throw new SubmissionError(`Input "device": ${summary.providerName} ${summary.deviceName} (${device}) is OFFLINE right now. Check its availability window in ` +
            `the Braket console and re-run then, or pick another device.`);
    return summary;
}
/** What to do about each CreateJob error the API defines. */
function createJobAdvice(code, request) {
    switch (code) {
        case 'ValidationException':
            return 'Braket rejected the job request: its message says which field.';
        case 'AccessDeniedException':
            return (`The submitting role needs braket:CreateJob, and iam:PassRole on the execution role ${request.roleArn} (see the README's ` +
                `policy).`);
        case 'ConflictException':
            return (`Braket already has a different job under clientToken ${request.clientToken}: the same run and step asked for a different job ` +
                `before. To submit another job from this step, set idempotency-key (e.g. to the matrix values), or set client-token explicitly.`);
        case 'DeviceOfflineException':
            return `Device ${request.deviceConfig?.device} is offline: check its availability in the Braket console, or pick another device.`;
        case 'DeviceRetiredException':
            return `Device ${request.deviceConfig?.device} is retired: pick another device.`;
        case 'ServiceQuotaExceededException':
            return (`Braket's quota for hybrid jobs is used up: wait for running jobs to end, or request a quota increase (Service Quotas → ` +
                `Amazon Braket).`);
        case 'ThrottlingException':
        case 'InternalServiceException':
            // What every throttled or failing call is told: re-run; the clientToken keeps it one job.
            return undefined;
        default:
            return undefined;
    }
}
function createJobCall(request) {
    return { service: 'Braket', operation: 'CreateJob', target: `job ${request.jobName}`, permission: 'braket:CreateJob' };
}
/** Turns a CreateJob failure into what happened and what to do about it. */
function explainCreateJobError(error, request) {
    const advice = createJobAdvice((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error), request);
    return (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCallError */ .Id)(createJobCall(request), error, advice ? { advice } : {});
}
async function createJob(braket, request) {
    let response;
    try {
        response = await braket.send(new _aws_sdk_client_braket__WEBPACK_IMPORTED_MODULE_2__.CreateJobCommand(request));
    }
    catch (error) {
        throw explainCreateJobError(error, request);
    }
    if (!response.jobArn)
        throw new SubmissionError(`${(0,_aws_call_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCall */ .GC)(createJobCall(request))} returned no jobArn.`);
    return response.jobArn;
}
function getJobCall(jobArn) {
    return { service: 'Braket', operation: 'GetJob', target: jobArn, permission: 'braket:GetJob' };
}
async function describeJob(braket, jobArn) {
    return (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)(getJobCall(jobArn), () => braket.send(new _aws_sdk_client_braket__WEBPACK_IMPORTED_MODULE_2__.GetJobCommand({ jobArn })));
}
const ENDED_UNSUCCESSFULLY = new Set(['FAILED', 'CANCELLED']);


/***/ }),

/***/ 8498:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JD: () => (/* binding */ braketClient),
  RU: () => (/* binding */ logsClient),
  CX: () => (/* binding */ pricingClient),
  oD: () => (/* binding */ s3Client),
  Km: () => (/* binding */ stsClient)
});

// UNUSED EXPORTS: PRICING_ENDPOINT_REGION

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-braket/dist-cjs/index.js
var dist_cjs = __webpack_require__(3118);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(2684);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-pricing/dist-cjs/index.js
var client_pricing_dist_cjs = __webpack_require__(4453);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./.build/aws/aws-call.js
var aws_call = __webpack_require__(7730);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./.build/common/errors.js
var errors = __webpack_require__(8983);
// EXTERNAL MODULE: ./.build/common/untrusted.js
var untrusted = __webpack_require__(2892);
;// CONCATENATED MODULE: ./.build/aws/call-trace.js
// One debug line per AWS call, shown when the runner's debug logging is on (a
// re-run with "Enable debug logging", or ACTIONS_STEP_DEBUG): which call, its
// HTTP status, attempts, time and request id — what a user needs to tell a slow
// or throttled run from a broken one, and what AWS Support asks for. Never the
// request or response bodies: they carry credentials and the repository's data.



function metadataOf(value) {
    const metadata = value?.$metadata;
    return typeof metadata === 'object' && metadata !== null ? metadata : {};
}
/** `S3 HeadObject: HTTP 404 (NotFound), 1 attempt, 12 ms, request id ABC`. */
function describeTrace(call, metadata, elapsedMs, errorCode) {
    const parts = [
        `HTTP ${metadata.httpStatusCode ?? '—'}${errorCode ? ` (${errorCode})` : ''}`,
        `${metadata.attempts ?? 1} attempt${(metadata.attempts ?? 1) === 1 ? '' : 's'}`,
        `${Math.round(elapsedMs)} ms${metadata.totalRetryDelay ? ` (${metadata.totalRetryDelay} ms of it waiting to retry)` : ''}`,
        ...(metadata.requestId ? [`request id ${metadata.requestId}`] : [])
    ];
    return (0,untrusted/* logText */.kc)(`${call}: ${parts.join(', ')}`, 400);
}
function traceCalls(service) {
    return {
        applyToStack(stack) {
            stack.add((next, context) => async (args) => {
                if (!core/* isDebug */._o())
                    return next(args);
                const call = `${service} ${context.commandName?.replace(/Command$/, '') ?? 'call'}`;
                const started = performance.now();
                try {
                    const result = await next(args);
                    core/* debug */.Yz(describeTrace(call, metadataOf(result.output), performance.now() - started));
                    return result;
                }
                catch (error) {
                    core/* debug */.Yz(describeTrace(call, metadataOf(error), performance.now() - started, (0,errors/* errorName */.Is)(error)));
                    throw error;
                }
            }, 
            // Outside the retries, as nameFailedCalls: one line per call, with its attempts counted.
            { step: 'initialize', name: 'traceCalls', override: true });
        }
    };
}

;// CONCATENATED MODULE: ./.build/aws/clients.js







const USER_AGENT = 'braket-hybrid-job-action/1';
/**
 * Every client retries throttling, server faults and dropped connections in the SDK's
 * standard mode: exponential back-off with full jitter (each delay drawn at random
 * below the bound), so the legs of a matrix that hit the same fault spread out
 * instead of retrying in lock-step. Six attempts ride out a blip of tens of seconds.
 */
const RETRIES = { maxAttempts: 6, retryMode: 'standard' };
/** Failed calls named in their errors; every call traced in the debug log. */
function instrument(stack, service) {
    stack.use((0,aws_call/* nameFailedCalls */.oP)());
    stack.use(traceCalls(service));
}
/** Braket calls are safe to retry: CreateJob's clientToken makes it idempotent. */
function braketClient(session, region = session.region) {
    const client = new dist_cjs.BraketClient({ region, credentials: session.credentials, ...RETRIES, customUserAgent: USER_AGENT });
    instrument(client.middlewareStack, 'Braket');
    return client;
}
function s3Client(session, region = session.region) {
    const client = new client_s3_dist_cjs/* S3Client */.YxF({ region, credentials: session.credentials, ...RETRIES, customUserAgent: USER_AGENT });
    instrument(client.middlewareStack, 'S3');
    return client;
}
/** Reads of the job's logs retry throttling and server faults, as the Braket and S3 clients do. */
function logsClient(session) {
    const client = new client_cloudwatch_logs_dist_cjs/* CloudWatchLogsClient */.TFr({
        region: session.region,
        credentials: session.credentials,
        ...RETRIES,
        customUserAgent: USER_AGENT
    });
    instrument(client.middlewareStack, 'CloudWatch Logs');
    return client;
}
/**
 * STS with the credentials of the environment, or unsigned for the web identity
 * exchange, which retries on its own (`maxAttempts: 1`): each attempt needs a fresh OIDC token.
 */
function stsClient(region, maxAttempts = RETRIES.maxAttempts) {
    const client = new client_sts_dist_cjs/* STSClient */.iM({ region, maxAttempts, retryMode: RETRIES.retryMode, customUserAgent: USER_AGENT });
    instrument(client.middlewareStack, 'STS');
    return client;
}
/**
 * The Price List Query API has endpoints in us-east-1 and a few other regions only, unrelated to
 * where the job runs: its own region, not the session's. AWS_ENDPOINT_URL_PRICING still redirects it.
 */
const PRICING_ENDPOINT_REGION = 'us-east-1';
function pricingClient(session, endpointRegion = PRICING_ENDPOINT_REGION) {
    const client = new client_pricing_dist_cjs/* PricingClient */.c4({ region: endpointRegion, credentials: session.credentials, ...RETRIES, customUserAgent: USER_AGENT });
    instrument(client.middlewareStack, 'Pricing');
    return client;
}


/***/ }),

/***/ 494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   uk: () => (/* binding */ realSleep)
/* harmony export */ });
/* unused harmony export backoffDelay */
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3609);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7730);
// Retry with exponential back-off and full jitter for the calls the SDK doesn't
// retry for us (the web identity exchange needs a fresh OIDC token per attempt).
// Jitter as in the SDK's standard mode: each delay is drawn between zero and the
// exponential bound, so matrix legs that failed together don't retry in lock-step.


const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The delay before retry number `retry` (1 for the first): random below min(max, base × 2^(retry-1)). */
function backoffDelay(retry, options) {
    const bound = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
    return Math.floor((options.random ?? Math.random)() * bound);
}
async function withRetry(operation, options) {
    for (let attempt = 1;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            if (attempt >= options.attempts || !options.isRetryable(error))
                throw error;
            const delayMs = backoffDelay(attempt, options);
            options.onRetry?.(error, attempt, delayMs);
            await options.sleep(delayMs);
        }
    }
}
/** STS's answer when it could not reach the identity provider: worth another try. */
const RETRYABLE_CODES = new Set(['IDPCommunicationError', 'IDPCommunicationErrorException']);
/** Throttling, server faults and network failures: what can succeed when tried again (the SDK's own classification). */
function isTransient(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const sdkError = error;
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__.isThrottlingError)(sdkError) || (0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__.isTransientError)(sdkError) || (0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__.isServerError)(sdkError))
        return true;
    if (RETRYABLE_CODES.has(sdkError.name))
        return true;
    // A network failure can reach us re-wrapped as a plain Error; its text still names it.
    return (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .isNetworkFailure */ .NQ)(error);
}


/***/ }),

/***/ 8944:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ markdownTable)
/* harmony export */ });
// A Markdown table. Its cells must be neutralised already (markdownText escapes `|`,
// codeText writes it as an entity), so no value can add a column; line breaks are
// folded, since a table row is one line. Pure.
function markdownTable(header, rows, align = []) {
    const rule = header.map((_, index) => (align[index] === 'right' ? '--:' : '---'));
    return [header, rule, ...rows].map((cells) => `| ${cells.map((text) => text.replace(/\r?\n/g, ' ')).join(' | ')} |`).join('\n');
}


/***/ }),

/***/ 1377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a3: () => (/* binding */ estimateCost),
  ZQ: () => (/* binding */ spendOfEndedJob),
  KK: () => (/* binding */ trackSpend)
});

// EXTERNAL MODULE: ./.build/aws/clients.js + 1 modules
var aws_clients = __webpack_require__(8498);
// EXTERNAL MODULE: ./.build/follow/clock.js
var clock = __webpack_require__(3248);
// EXTERNAL MODULE: ./.build/follow/poll-schedule.js
var poll_schedule = __webpack_require__(7575);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./.build/aws/aws-call.js
var aws_call = __webpack_require__(7730);
// EXTERNAL MODULE: ./.build/common/errors.js
var errors = __webpack_require__(8983);
// EXTERNAL MODULE: ./.build/common/untrusted.js
var untrusted = __webpack_require__(2892);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-braket/dist-cjs/index.js
var dist_cjs = __webpack_require__(3118);
// EXTERNAL MODULE: ./.build/aws/retry.js
var retry = __webpack_require__(494);
;// CONCATENATED MODULE: ./.build/tasks/search-tasks.js
// A hybrid job's quantum tasks: SearchQuantumTasks with the jobArn filter, every
// page. Throttling and blips are tolerated the way the follow loop tolerates
// them for GetJob (the SDK's own retries first, then a few more tries with a
// pause); only a run of failures, or a failure that retrying cannot help, ends it.


/** Consecutive failures of one page (each already retried by the SDK) before the search gives up. */
const MAX_CONSECUTIVE_FAILURES = 8;
/** The pause before trying a page again, doubled each time up to 30 s. */
const FIRST_PAUSE_MS = 1000;
const MAX_PAUSE_MS = 30_000;
/** SearchQuantumTasks' largest page (the model's maxResults maximum). */
const PAGE_SIZE = 100;
async function searchJobTasks(options) {
    const tasks = [];
    let nextToken;
    do {
        const page = await searchPage(options, nextToken);
        tasks.push(...(page.quantumTasks ?? []));
        nextToken = page.nextToken;
    } while (nextToken);
    return tasks;
}
async function searchPage(options, nextToken) {
    const command = new dist_cjs.SearchQuantumTasksCommand({
        filters: [{ name: 'jobArn', operator: 'EQUAL', values: [options.jobArn] }],
        maxResults: PAGE_SIZE,
        ...(nextToken ? { nextToken } : {})
    });
    for (let failures = 0;;) {
        try {
            return await options.braket.send(command, options.abort ? { abortSignal: options.abort } : {});
        }
        catch (error) {
            failures += 1;
            if (!(0,retry/* isTransient */.dg)(error) || failures >= (options.maxTries ?? MAX_CONSECUTIVE_FAILURES) || options.abort?.aborted)
                throw error;
            options.onRetry?.(error, failures);
            await options.clock.sleep(Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (failures - 1)), options.abort);
        }
    }
}

;// CONCATENATED MODULE: ./.build/tasks/job-tasks.js
// The followed job's quantum tasks, kept up to date while following: searched in
// the job's region and in its device's (a QPU's tasks live in the QPU's region),
// no more often than the follower polls at its slowest. A denied search is said
// once and turns the search off; another failure keeps the last answer.





/**
 * One try per search (the SDK's own retries inside it): while following, the next poll's
 * search is the next try, as GetJob's failures are ridden out across polls. Several tries
 * in a row held the step for minutes when SearchQuantumTasks was throttled for good.
 */
const TRIES_PER_SEARCH = 1;
class JobTasks {
    options;
    found = [];
    searchedAt;
    denied = false;
    /** Why the tasks are not (fully) known, once a search was denied or failed. */
    unavailable;
    constructor(options) {
        this.options = options;
    }
    get tasks() {
        return this.found;
    }
    /** Searches again unless one was made less than the interval ago (or `force`); the tasks as last found. */
    async refresh(force = false) {
        const now = this.options.clock.now();
        const due = this.searchedAt === undefined || now - this.searchedAt >= this.options.minIntervalMs;
        if (this.denied || (!force && !due))
            return this.found;
        this.searchedAt = now;
        try {
            const perRegion = await Promise.all(this.options.clients.map((braket) => searchJobTasks({
                braket,
                jobArn: this.options.jobArn,
                clock: this.options.clock,
                maxTries: TRIES_PER_SEARCH
            })));
            const byArn = new Map(perRegion.flat().map((task) => [task.quantumTaskArn ?? '', task]));
            this.found = [...byArn.values()];
            this.unavailable = undefined;
        }
        catch (error) {
            const call = {
                service: 'Braket',
                operation: 'SearchQuantumTasks',
                target: `the tasks of ${this.options.jobArn}`,
                permission: 'braket:SearchQuantumTasks'
            };
            if ((0,errors/* errorName */.Is)(error) === 'AccessDeniedException') {
                this.denied = true;
                const denied = (0,aws_call/* awsCallError */.Id)(call, error, { advice: "Allow it in the role's policy to see the job's quantum tasks and their cost." });
                this.unavailable = denied instanceof aws_call/* AwsCallError */.iQ ? denied.summary : denied.message;
                core/* warning */.$e((0,untrusted/* logText */.kc)(`The job's quantum tasks cannot be counted: ${denied.message}`, 2000), { title: 'quantum tasks' });
            }
            else if (!this.unavailable) {
                const failed = (0,aws_call/* awsCallError */.Id)(call, error, { advice: 'The counts shown are from the last search that answered.' });
                this.unavailable = failed instanceof aws_call/* AwsCallError */.iQ ? failed.summary : failed.message;
                core/* warning */.$e((0,untrusted/* logText */.kc)(failed.message, 2000), { title: 'quantum tasks' });
            }
        }
        return this.found;
    }
}

;// CONCATENATED MODULE: ./.build/tasks/task-counts.js
// Counts of a job's quantum tasks, for the summary table and the
// `quantum-tasks` output: total, by status, by device (tasks and requested
// shots), and the ARNs of the failed ones.
const increment = (counts, key, by = 1) => {
    counts[key] = (counts[key] ?? 0) + by;
};
function countTasks(tasks) {
    const counts = { total: 0, byStatus: {}, byDevice: {}, shots: 0, failedArns: [] };
    for (const task of tasks) {
        const status = task.status ?? 'UNKNOWN';
        const device = task.deviceArn ?? 'unknown device';
        const shots = task.shots ?? 0;
        counts.total += 1;
        counts.shots += shots;
        increment(counts.byStatus, status);
        const perDevice = (counts.byDevice[device] ??= { tasks: 0, shots: 0, byStatus: {} });
        perDevice.tasks += 1;
        perDevice.shots += shots;
        increment(perDevice.byStatus, status);
        if (status === 'FAILED' && task.quantumTaskArn)
            counts.failedArns.push(task.quantumTaskArn);
    }
    counts.failedArns.sort();
    return counts;
}
/** The `quantum-tasks` output: {"total", "byStatus", "byDevice": {<arn>: {"tasks", "shots"}}, "shots", "failedArns"}. */
function quantumTasksOutput(counts) {
    const byDevice = Object.fromEntries(Object.entries(counts.byDevice)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([device, { tasks, shots }]) => [device, { tasks, shots }]));
    return JSON.stringify({ total: counts.total, byStatus: counts.byStatus, byDevice, shots: counts.shots, failedArns: counts.failedArns });
}

// EXTERNAL MODULE: ./.build/report/format.js
var format = __webpack_require__(6141);
// EXTERNAL MODULE: ./.build/report/log-layout.js
var log_layout = __webpack_require__(1398);
// EXTERNAL MODULE: ./.build/cost/cost-section.js
var cost_section = __webpack_require__(531);
// EXTERNAL MODULE: ./.build/cost/describe.js
var describe = __webpack_require__(2233);
// EXTERNAL MODULE: ./.build/cost/devices.js
var devices = __webpack_require__(6585);
;// CONCATENATED MODULE: ./.build/cost/rates.js
// A rate read from the AWS Price List, or why there is none. A rate is never
// made up and never zero: what cannot be read is "unknown" with its reason, and
// every figure built on it stays unknown too.
function unknownRate(reason, deniedPermission) {
    return deniedPermission ? { known: false, reason, deniedPermission } : { known: false, reason };
}
/** The unknown rates among these, once each. */
function unknownRates(rates) {
    const seen = new Set();
    const out = [];
    for (const rate of rates) {
        if (rate.known || seen.has(rate.reason))
            continue;
        seen.add(rate.reason);
        out.push(rate);
    }
    return out;
}

;// CONCATENATED MODULE: ./.build/cost/arithmetic.js


const BILLABLE_DURATION_READING = 'per-instance';
/** The month the volume's GB-month rate is prorated over. */
const HOURS_PER_MONTH = 730;
/** The least an on-demand simulator task is billed for (the Braket SDK's cost tracker, MIN_SIMULATOR_DURATION). */
const SIMULATOR_MINIMUM_MS = 3000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
function instanceCostUsd(usage, usdPerMinute, reading = BILLABLE_DURATION_READING) {
    const instances = reading === 'per-instance' ? usage.instanceCount : 1;
    return (usage.billableDurationMs / MS_PER_MINUTE) * usdPerMinute * instances;
}
/** The volume's cost; with the 'all-instances' reading the duration is already summed over instances. */
function volumeCostUsd(usage, usdPerGbMonth, reading = BILLABLE_DURATION_READING) {
    const instances = reading === 'per-instance' ? usage.instanceCount : 1;
    return usage.volumeSizeInGb * instances * (usage.billableDurationMs / MS_PER_HOUR / HOURS_PER_MONTH) * usdPerGbMonth;
}
const NOT_CHARGED = new Set(['FAILED', 'CANCELLED', 'CANCELLING']);
const ENDED = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
function qpuTaskCostUsd(task, perTaskUsd, perShotUsd) {
    if (NOT_CHARGED.has(task.status))
        return 0;
    return perTaskUsd + perShotUsd * task.shots;
}
/** Billed milliseconds of a simulator task: COMPLETED ones, and ones still going (so far), at least the minimum. */
function simulatorBilledMs(task, now) {
    if (NOT_CHARGED.has(task.status) || !task.createdAt)
        return 0;
    const end = ENDED.has(task.status) ? (task.endedAt ?? now) : now;
    return Math.max(SIMULATOR_MINIMUM_MS, end.getTime() - task.createdAt.getTime());
}
function simulatorTaskCostUsd(task, usdPerMinute, now) {
    return (simulatorBilledMs(task, now) / MS_PER_MINUTE) * usdPerMinute;
}
/** Billable instance time so far: GetJob's billableDuration once there, else the time since the job started. */
function billableSoFarMs(job, now) {
    if (job.billableDuration !== undefined)
        return job.billableDuration;
    if (!job.startedAt)
        return 0;
    return Math.max(0, (job.endedAt ?? now).getTime() - job.startedAt.getTime());
}
const amount = (rate, usd) => rate.known ? { known: true, usd: usd(rate) } : { known: false, unknown: rate };
function deviceCost(deviceArn, tasks, input) {
    const shots = tasks.reduce((sum, task) => sum + task.shots, 0);
    const charged = tasks.filter((task) => !NOT_CHARGED.has(task.status));
    const base = { deviceArn, tasks: tasks.length, shots, chargedTasks: charged.length, simulatorMinutes: 0 };
    const chargedShots = charged.reduce((sum, task) => sum + task.shots, 0);
    if (input.job.reservationArn && deviceArn === input.job.deviceArn)
        return { ...base, kind: 'reserved', chargedTasks: 0, chargedShots: 0, cost: { known: true, usd: 0 } };
    const rates = input.rates.devices[deviceArn];
    if (!rates || (0,devices/* deviceKind */.fz)(deviceArn) === 'local' || rates.kind === 'local')
        return rates?.kind === 'local' || (0,devices/* deviceKind */.fz)(deviceArn) === 'local'
            ? { ...base, kind: 'local', chargedTasks: 0, chargedShots: 0, cost: { known: true, usd: 0 } }
            : { ...base, kind: 'qpu', chargedShots, cost: { known: false, unknown: unknownRate(`no rates were looked up for ${deviceArn}`) } };
    if (rates.kind === 'simulator') {
        const billedMs = charged.reduce((sum, task) => sum + simulatorBilledMs(task, input.now), 0);
        const cost = amount(rates.perMinute, (rate) => charged.reduce((sum, task) => sum + simulatorTaskCostUsd(task, rate.usd, input.now), 0));
        return { ...base, kind: 'simulator', chargedShots, simulatorMinutes: billedMs / MS_PER_MINUTE, cost };
    }
    const missing = [rates.perTask, rates.perShot].find((rate) => !rate.known);
    const cost = missing
        ? { known: false, unknown: missing }
        : {
            known: true,
            usd: charged.reduce((sum, task) => sum + qpuTaskCostUsd(task, rates.perTask.usd, rates.perShot.usd), 0)
        };
    return { ...base, kind: 'qpu', chargedShots, cost };
}
/** The job's cost so far (or in the end), part by part; unknown rates leave their parts unknown, never zero. */
function jobCost(input) {
    const reading = input.reading ?? BILLABLE_DURATION_READING;
    const instance = amount(input.rates.instance, (rate) => instanceCostUsd(input.job, rate.usd, reading));
    const volume = amount(input.rates.volume, (rate) => volumeCostUsd(input.job, rate.usd, reading));
    const byDevice = new Map();
    for (const task of input.tasks)
        byDevice.set(task.deviceArn, [...(byDevice.get(task.deviceArn) ?? []), task]);
    const devices = [...byDevice.entries()].map(([arn, tasks]) => deviceCost(arn, tasks, input));
    const parts = [instance, volume, ...devices.map((device) => device.cost)];
    const missing = unknownRates(parts.flatMap((part) => (part.known ? [] : [part.unknown])));
    return {
        instance,
        volume,
        devices,
        knownUsd: parts.reduce((sum, part) => sum + (part.known ? part.usd : 0), 0),
        complete: missing.length === 0,
        unknown: missing
    };
}

;// CONCATENATED MODULE: ./.build/cost/estimate.js
// Before submitting: the worst case of the instance part (every instance for
// the whole max runtime, plus its volume), the runtime a cap would allow, and
// the decision a running total leads to against a cap.


/** rate × instance count × max runtime, plus the volume for as long. */
function worstCase(plan, instanceRate, volumeRate) {
    if (!instanceRate.known || !volumeRate.known)
        return { known: false, unknown: unknownRates([instanceRate, volumeRate]) };
    const usage = {
        billableDurationMs: plan.maxRuntimeSeconds * 1000,
        instanceCount: plan.instanceCount,
        volumeSizeInGb: plan.volumeSizeInGb
    };
    const instanceUsd = instanceCostUsd(usage, instanceRate.usd, BILLABLE_DURATION_READING);
    const volumeUsd = volumeCostUsd(usage, volumeRate.usd, BILLABLE_DURATION_READING);
    return { known: true, instanceUsd, volumeUsd, totalUsd: instanceUsd + volumeUsd };
}
/** The longest max runtime (whole seconds) whose worst case stays within the cap; 0 when not even a second fits. */
function maxRuntimeWithin(capUsd, plan, usdPerMinute, usdPerGbMonth) {
    const perSecond = worstCase({ ...plan, maxRuntimeSeconds: 1 }, known(usdPerMinute), known(usdPerGbMonth));
    if (!perSecond.known || perSecond.totalUsd <= 0)
        return 0;
    return Math.max(0, Math.floor(capUsd / perSecond.totalUsd));
}
const known = (usd) => ({ known: true, usd, unit: '', sku: '' });
/** Given a running total and a cap: cancel or not. Unknown parts can only add, so a known total at the cap is enough. */
function capDecision(breakdown, capUsd) {
    return { cancel: breakdown.knownUsd >= capUsd, capUsd, totalUsd: breakdown.knownUsd, complete: breakdown.complete, breakdown };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-pricing/dist-cjs/index.js
var client_pricing_dist_cjs = __webpack_require__(4453);
;// CONCATENATED MODULE: ./.build/cost/price-list.js
// Reads the Price List API's `aws_v1` products: the JSON strings of
// GetProducts' PriceList, each
//   { product: { productFamily, attributes, sku },
//     terms: { OnDemand: { <term>: { priceDimensions: { <rate>: { unit, pricePerUnit: { USD }, description } } } } } }
// and turns the one product a query should find into a rate, or says why not.

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
/** The SDK hands PriceList items over as JSON strings (or string-like wrappers of them). */
function asJson(item) {
    if (typeof item === 'string')
        return JSON.parse(item);
    if (isObject(item) && typeof item.toString === 'function' && item.toString !== Object.prototype.toString)
        return JSON.parse(item.toString());
    return item;
}
/** One PriceList item, or undefined when it is not a product of the `aws_v1` shape. */
function parsePriceListItem(item) {
    let parsed;
    try {
        parsed = asJson(item);
    }
    catch {
        return undefined;
    }
    if (!isObject(parsed) || !isObject(parsed.product) || typeof parsed.product.sku !== 'string')
        return undefined;
    const { product } = parsed;
    const sku = parsed.product.sku;
    const attributes = {};
    if (isObject(product.attributes))
        for (const [name, value] of Object.entries(product.attributes))
            if (typeof value === 'string')
                attributes[name] = value;
    const onDemand = [];
    const terms = isObject(parsed.terms) && isObject(parsed.terms.OnDemand) ? Object.values(parsed.terms.OnDemand) : [];
    for (const term of terms) {
        if (!isObject(term) || !isObject(term.priceDimensions))
            continue;
        for (const dimension of Object.values(term.priceDimensions)) {
            if (!isObject(dimension))
                continue;
            const usd = isObject(dimension.pricePerUnit) && typeof dimension.pricePerUnit.USD === 'string' ? dimension.pricePerUnit.USD : undefined;
            onDemand.push({
                unit: typeof dimension.unit === 'string' ? dimension.unit : '',
                ...(usd !== undefined ? { usd } : {}),
                ...(typeof dimension.description === 'string' ? { description: dimension.description } : {})
            });
        }
    }
    return {
        sku,
        ...(typeof product.productFamily === 'string' ? { productFamily: product.productFamily } : {}),
        attributes,
        onDemand
    };
}
/** Units the rates are expected in; another unit means the list changed and the figure would be wrong. */
const UNITS = {
    perMinute: { pattern: /^min(ute)?s?$/i, words: 'per minute' },
    perGbMonth: { pattern: /^GB-?Mo(nth)?s?$/i, words: 'per GB-month' },
    perTask: { pattern: /^(quantum[ -]?)?tasks?$/i, words: 'per task' },
    perShot: { pattern: /^shots?$/i, words: 'per shot' }
};
/**
 * The rate of the one product `what` names, in the expected unit. Unknown when
 * no product or several were found, the price is not a single on-demand USD
 * figure, the unit differs, or the figure is not a positive number.
 */
function rateOf(products, unit, what) {
    if (products.length === 0)
        return unknownRate(`the AWS Price List has no ${what}`);
    if (products.length > 1)
        return unknownRate(`the AWS Price List has ${products.length} products for ${what}, not one`);
    const [product] = products;
    if (product.onDemand.length !== 1)
        return unknownRate(`the AWS Price List gives ${product.onDemand.length} on-demand prices for ${what} (SKU ${product.sku}), not one`);
    const [dimension] = product.onDemand;
    const expected = UNITS[unit];
    if (!expected.pattern.test(dimension.unit))
        return unknownRate(`the AWS Price List prices ${what} per "${dimension.unit}", not ${expected.words} (SKU ${product.sku})`);
    const usd = Number(dimension.usd);
    if (dimension.usd === undefined || !Number.isFinite(usd) || usd <= 0)
        return unknownRate(`the AWS Price List has no usable USD price for ${what} (SKU ${product.sku}: ${JSON.stringify(dimension.usd ?? null)})`);
    return {
        known: true,
        usd,
        unit: dimension.unit,
        sku: product.sku,
        ...(dimension.description !== undefined ? { description: dimension.description } : {})
    };
}

;// CONCATENATED MODULE: ./.build/cost/product-families.js
// The AmazonBraket price list's product families for hybrid jobs and the
// quantum tasks they create (the Price List API's `productFamily` values).
// Tasks created outside a job are priced under other families ("Quantum Task",
// "Quantum Task-Shot", "Simulator Task"), which a job's cost never uses.
const PRICE_LIST_SERVICE_CODE = 'AmazonBraket';
const PRODUCT_FAMILIES = {
    /** Hybrid job instance time, per minute per instance, by `instanceType`. */
    instance: 'Braket Managed Jobs Instance',
    /** Hybrid job storage, per GB-month. */
    volume: 'Braket Managed Jobs Volume',
    /** A QPU task created by a job, per task, by `devicename`. */
    qpuTask: 'Braket Managed Jobs QPU Task',
    /** A shot of such a task, per shot, by `devicename`. */
    qpuShot: 'Braket Managed Jobs QPU Task Shot',
    /** An on-demand simulator task created by a job, per minute, by `usagetype`. */
    simulatorTask: 'Braket Managed Jobs Simulator Task'
};

;// CONCATENATED MODULE: ./.build/cost/price-book.js
// Rates from the AWS Price List Query API (service code AmazonBraket), looked
// up once each and kept: GetProducts with TERM_MATCH filters on productFamily,
// regionCode and the product's own attribute (instanceType, devicename,
// usagetype), all pages; GetAttributeValues for the price list's QPU names.
// A rate that cannot be read is an UnknownRate that says why; an IAM denial
// names the permission to add.






/** What a Price List call failed with, as an unknown rate; AccessDenied names the permission. */
function priceListFailure(action, error) {
    if ((0,errors/* errorName */.Is)(error) === 'AccessDeniedException')
        return unknownRate(`the AWS Price List API refused ${action} (AccessDeniedException): allow ${action} in the role's policy`, action);
    return unknownRate(`${action.slice('pricing:'.length)} failed (${(0,errors/* describeError */.Uc)(error)})`);
}
const isUnknown = (value) => value?.known === false;
class PriceBook {
    pricing;
    memo = new Map();
    constructor(pricing) {
        this.pricing = pricing;
    }
    /** Every rate a job's cost needs; lookups already made are not repeated. */
    async rateCard(needs) {
        const unique = [...new Set(needs.deviceArns)];
        const [instance, volume, ...devices] = await Promise.all([
            this.instanceRate(needs.region, needs.instanceType),
            this.volumeRate(needs.region),
            ...unique.map((arn) => this.deviceRates(arn, needs.region, needs.deviceNames?.[arn]))
        ]);
        return { instance, volume, devices: Object.fromEntries(devices.map((rates) => [rates.deviceArn, rates])) };
    }
    instanceRate(region, instanceType) {
        return this.once(`instance ${region} ${instanceType}`, async () => {
            const found = await this.products({ productFamily: PRODUCT_FAMILIES.instance, regionCode: region, instanceType });
            return isUnknown(found) ? found : rateOf(found, 'perMinute', `${instanceType} hybrid job instance time in ${region}`);
        });
    }
    volumeRate(region) {
        return this.once(`volume ${region}`, async () => {
            const found = await this.products({ productFamily: PRODUCT_FAMILIES.volume, regionCode: region });
            return isUnknown(found) ? found : rateOf(found, 'perGbMonth', `hybrid job storage in ${region}`);
        });
    }
    /** A device's rates: QPUs in their own region, on-demand simulators in the job's region. */
    deviceRates(deviceArn, jobRegion, deviceName) {
        return this.once(`device ${deviceArn} ${jobRegion}`, async () => {
            const kind = (0,devices/* deviceKind */.fz)(deviceArn);
            if (kind === 'local')
                return { kind: 'local', deviceArn };
            if (kind === 'qpu')
                return this.qpuRates(deviceArn, (0,devices/* regionOfArn */.b2)(deviceArn) ?? jobRegion, deviceName);
            const region = (0,devices/* regionOfArn */.b2)(deviceArn) ?? jobRegion;
            if (kind === 'other')
                return { kind: 'simulator', deviceArn, perMinute: unknownRate(`${deviceArn} is not a Braket device ARN`) };
            return { kind: 'simulator', deviceArn, perMinute: await this.simulatorRate(deviceArn, region) };
        });
    }
    async qpuRates(deviceArn, region, deviceName) {
        const devicename = await this.priceListName(deviceArn, region, deviceName);
        if (isUnknown(devicename))
            return { kind: 'qpu', deviceArn, perTask: devicename, perShot: devicename };
        const [tasks, shots] = await Promise.all([
            this.products({ productFamily: PRODUCT_FAMILIES.qpuTask, regionCode: region, devicename }),
            this.products({ productFamily: PRODUCT_FAMILIES.qpuShot, regionCode: region, devicename })
        ]);
        const where = `${devicename} in ${region}`;
        return {
            kind: 'qpu',
            deviceArn,
            devicename,
            perTask: isUnknown(tasks) ? tasks : rateOf(tasks, 'perTask', `tasks on ${where}`),
            perShot: isUnknown(shots) ? shots : rateOf(shots, 'perShot', `shots on ${where}`)
        };
    }
    /** On-demand simulators share one product family; their `usagetype` names them (…-SV1-…). */
    async simulatorRate(deviceArn, region) {
        const name = (0,devices/* deviceArnName */.B_)(deviceArn).toUpperCase();
        const found = await this.products({ productFamily: PRODUCT_FAMILIES.simulatorTask, regionCode: region });
        if (isUnknown(found))
            return found;
        const named = found.filter((product) => (product.attributes.usagetype ?? '').toUpperCase().split('-').includes(name));
        return rateOf(named, 'perMinute', `${name} simulator tasks of hybrid jobs in ${region}`);
    }
    /**
     * The price list's name for a QPU (it may differ from GetDevice's): from GetAttributeValues
     * `devicename`, or, where that is denied, from the region's QPU task products.
     */
    async priceListName(deviceArn, region, deviceName) {
        let listed = await this.once('devicenames', () => this.attributeValues('devicename'));
        if (isUnknown(listed) && listed.deniedPermission) {
            const products = await this.products({ productFamily: PRODUCT_FAMILIES.qpuTask, regionCode: region });
            listed = isUnknown(products) ? products : products.flatMap((product) => product.attributes.devicename ?? []);
        }
        if (isUnknown(listed))
            return listed;
        const match = (0,devices/* matchDeviceName */.hx)(listed, deviceArn, deviceName);
        return match ?? unknownRate(`the AWS Price List has no devicename for ${deviceArn}${deviceName ? ` (${deviceName})` : ''}`);
    }
    async attributeValues(attribute) {
        try {
            const values = [];
            const pages = (0,client_pricing_dist_cjs/* paginateGetAttributeValues */.YO)({ client: this.pricing }, { ServiceCode: PRICE_LIST_SERVICE_CODE, AttributeName: attribute });
            for await (const page of pages)
                for (const entry of page.AttributeValues ?? [])
                    if (entry.Value)
                        values.push(entry.Value);
            return values;
        }
        catch (error) {
            return priceListFailure('pricing:GetAttributeValues', error);
        }
    }
    products(terms) {
        const Filters = Object.entries(terms).map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value }));
        return this.once(`products ${JSON.stringify(terms)}`, async () => {
            try {
                const products = [];
                const request = { ServiceCode: PRICE_LIST_SERVICE_CODE, FormatVersion: 'aws_v1', Filters };
                for await (const page of (0,client_pricing_dist_cjs/* paginateGetProducts */.yo)({ client: this.pricing }, request))
                    for (const item of page.PriceList ?? []) {
                        const product = parsePriceListItem(item);
                        if (product)
                            products.push(product);
                    }
                return products;
            }
            catch (error) {
                return priceListFailure('pricing:GetProducts', error);
            }
        });
    }
    once(key, lookup) {
        let pending = this.memo.get(key);
        if (!pending) {
            pending = lookup();
            this.memo.set(key, pending);
        }
        return pending;
    }
}

;// CONCATENATED MODULE: ./.build/cost/spending-limits.js
// A device's Braket spending limit (SearchSpendingLimits), to show next to the
// estimate: the limit and what is queued and spent on the device in its period.
// Informational only: a denied call is a debug line, any other failure a
// warning line, and neither changes the step's outcome.



const usd = (text) => text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
/** The device's spending limit, or undefined when it has none or it cannot be read. */
async function spendingLimitFor(braket, deviceArn, log) {
    try {
        const answer = await braket.send(new dist_cjs.SearchSpendingLimitsCommand({ filters: [{ name: 'deviceArn', operator: 'EQUAL', values: [deviceArn] }] }));
        const limit = answer.spendingLimits?.find((entry) => entry.deviceArn === deviceArn);
        if (!limit)
            return undefined;
        return {
            deviceArn,
            spendingLimitArn: limit.spendingLimitArn ?? '',
            ...optional('limitUsd', usd(limit.spendingLimit)),
            ...optional('queuedSpendUsd', usd(limit.queuedSpend)),
            ...optional('totalSpendUsd', usd(limit.totalSpend)),
            ...optional('periodStart', limit.timePeriod?.startAt),
            ...optional('periodEnd', limit.timePeriod?.endAt)
        };
    }
    catch (error) {
        if ((0,errors/* errorName */.Is)(error) === 'AccessDeniedException')
            log.debug(`SearchSpendingLimits was denied (${(0,errors/* errorMessage */.gJ)(error)}); the device's spending limit is not shown.`);
        else
            log.warning((0,aws_call/* awsCallError */.Id)({ service: 'Braket', operation: 'SearchSpendingLimits', target: deviceArn, permission: 'braket:SearchSpendingLimits' }, error, {
                advice: "The device's spending limit is not shown (it is for information only)."
            }).message);
        return undefined;
    }
}
function optional(key, value) {
    return value === undefined ? {} : { [key]: value };
}

;// CONCATENATED MODULE: ./.build/cost/cost-plan.js
// Before anything is spent: the job's rates from the AWS Price List, the worst
// case of its instance part (every instance for the whole max runtime, plus
// storage) in the plan and as `estimated-max-cost-usd`, the device's spending
// limit, and what max-cost-usd allows. A set cap fails closed: without rates, or
// (without wait) when the instance part alone may exceed it, nothing is uploaded.











class CostCapError extends errors/* ActionError */.lZ {
}
const rateText = (rate, unit) => (rate.known ? `${(0,describe/* formatUsd */.UK)(rate.usd)}/${unit}` : 'unknown');
async function planCost(spec, pricing, deviceBraket) {
    const book = new PriceBook(pricing);
    const [instance, volume, spendingLimit] = await Promise.all([
        book.instanceRate(spec.region, spec.instanceType),
        book.volumeRate(spec.region),
        (0,devices/* deviceKind */.fz)(spec.device) === 'qpu'
            ? spendingLimitFor(deviceBraket, spec.device, {
                debug: (text) => core/* debug */.Yz((0,untrusted/* logText */.kc)(text, 2000)),
                warning: (text) => core/* warning */.$e((0,untrusted/* logText */.kc)(text, 2000))
            })
            : Promise.resolve(undefined)
    ]);
    const plan = {
        book,
        instance,
        volume,
        worst: worstCase(planOf(spec), instance, volume),
        ...(spendingLimit ? { spendingLimit } : {})
    };
    logCostPlan(spec, plan);
    checkCap(spec, plan);
    if (plan.worst.known)
        core/* setOutput */.uH('estimated-max-cost-usd', String(Number(plan.worst.totalUsd.toFixed(6))));
    return plan;
}
const planOf = (spec) => ({
    instanceCount: spec.instanceCount,
    volumeSizeInGb: spec.volumeSizeInGb,
    maxRuntimeSeconds: spec.maxRuntimeInSeconds
});
function logCostPlan(spec, plan) {
    (0,log_layout/* logHeading */.v)('Cost (estimate from AWS list prices; the bill is authoritative)');
    (0,log_layout/* logRow */.O)('rates', `${spec.instanceType} ${rateText(plan.instance, 'minute')} per instance, storage ${rateText(plan.volume, 'GB-month')}`);
    if (plan.worst.known) {
        (0,log_layout/* logRow */.O)('worst case', `${(0,describe/* formatUsd */.UK)(plan.worst.totalUsd)}: ${spec.instanceCount} × ${spec.instanceType} for max-runtime-seconds ` +
            `(${(0,format/* formatDuration */.a3)(spec.maxRuntimeInSeconds)}) ${(0,describe/* formatUsd */.UK)(plan.worst.instanceUsd)} + ${spec.volumeSizeInGb} GB storage ` +
            `${(0,describe/* formatUsd */.UK)(plan.worst.volumeUsd)}; quantum tasks come on top`);
    }
    else {
        for (const unknown of plan.worst.unknown)
            (0,log_layout/* logRow */.O)('worst case', `unknown: ${(0,untrusted/* logText */.kc)(unknown.reason)}`);
    }
    if (plan.spendingLimit)
        (0,log_layout/* logRow */.O)('spending limit', (0,untrusted/* logText */.kc)((0,cost_section/* spendingLimitWords */.ZM)(plan.spendingLimit), 600));
    if (spec.maxCostUsd !== undefined)
        (0,log_layout/* logRow */.O)('max-cost-usd', spec.follow.wait
            ? `${(0,describe/* formatSetUsd */.O1)(spec.maxCostUsd)}: the job is cancelled once its instance time and quantum tasks so far reach it`
            : `${(0,describe/* formatSetUsd */.O1)(spec.maxCostUsd)} (without wait, for the instance time only)`);
}
function checkCap(spec, plan) {
    const cap = spec.maxCostUsd;
    if (cap === undefined)
        return;
    const { worst } = plan;
    if (!worst.known) {
        const denied = [...new Set(worst.unknown.flatMap((unknown) => unknown.deniedPermission ?? []))];
        const fix = denied.length ? `Allow ${denied.join(' and ')} in the role's policy` : 'Try again later';
        throw new CostCapError(`max-cost-usd is set (${(0,describe/* formatSetUsd */.O1)(cap)}), but the job's rates could not be read: ` +
            `${worst.unknown.map((unknown) => unknown.reason).join('; ')}. Without them the cap cannot be kept, so nothing was uploaded ` +
            `and no job was created. ${fix}, or remove max-cost-usd.`);
    }
    if (spec.follow.wait)
        return;
    if (worst.totalUsd > cap) {
        const fits = plan.instance.known && plan.volume.known ? maxRuntimeWithin(cap, planOf(spec), plan.instance.usd, plan.volume.usd) : 0;
        const fit = fits > 0
            ? `set max-runtime-seconds to at most ${fits} (${(0,format/* formatDuration */.a3)(fits)}), which fits the cap`
            : 'not even one second of the instance time fits it';
        throw new CostCapError(`max-cost-usd (${(0,describe/* formatSetUsd */.O1)(cap)}) is below what the instance time alone may cost: ${(0,describe/* formatUsd */.UK)(worst.totalUsd)} for ` +
            `${spec.instanceCount} × ${spec.instanceType} running max-runtime-seconds (${spec.maxRuntimeInSeconds}) with ` +
            `${spec.volumeSizeInGb} GB of storage. Without wait the action cannot stop the job at the cap: ${fit}, or set wait: true ` +
            `to have the job cancelled when it reaches the cap. Nothing was uploaded and no job was created.`);
    }
    core/* warning */.$e(`max-cost-usd (${(0,describe/* formatSetUsd */.O1)(cap)}) covers the instance time (at most ${(0,describe/* formatUsd */.UK)(worst.totalUsd)}), but not the job's quantum ` +
        `tasks: without wait the action can neither count them nor stop the job. Set wait: true to have them counted and the job ` +
        `cancelled at the cap.`, { title: 'max-cost-usd' });
}

// EXTERNAL MODULE: ./.build/common/markdown-table.js
var markdown_table = __webpack_require__(8944);
// EXTERNAL MODULE: ./.build/report/job-report.js
var job_report = __webpack_require__(8397);
;// CONCATENATED MODULE: ./.build/tasks/tasks-section.js
// The job's quantum tasks in the report: per device the tasks, requested shots and
// statuses, and the failed tasks' ARNs. Pure.



const FAILED_SHOWN = { summary: 20, comment: 3 };
const statusText = (byStatus) => Object.entries(byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${count} ${(0,untrusted/* markdownText */.p7)(status, 40)}`)
    .join(', ');
function failedList(counts, channel) {
    const shown = counts.failedArns.slice(0, FAILED_SHOWN[channel]).map((arn) => `- ${(0,untrusted/* codeText */.ph)(arn)}`);
    const more = counts.failedArns.length - shown.length;
    const rest = more > 0 ? [`- and ${more} more${channel === 'comment' ? ' (in the step summary)' : ''}`] : [];
    return [`Failed tasks (${counts.failedArns.length}):`, '', ...shown, ...rest].join('\n');
}
/** The tasks as counted at the end; `unavailable` says why they could not be counted. */
function quantumTasksSection(counts, unavailable) {
    const render = (channel) => {
        if (!counts)
            return `Not counted: ${(0,untrusted/* markdownText */.p7)(unavailable ?? 'the search did not answer', 400)}.`;
        if (counts.total === 0)
            return channel === 'summary' ? 'The job created no quantum tasks.' : undefined;
        const rows = Object.entries(counts.byDevice)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([device, perDevice]) => [(0,untrusted/* codeText */.ph)(device), String(perDevice.tasks), String(perDevice.shots), statusText(perDevice.byStatus)]);
        const total = ['**All**', `**${counts.total}**`, `**${counts.shots}**`, statusText(counts.byStatus)];
        const table = (0,markdown_table/* markdownTable */.Q)(['Device', 'Tasks', 'Shots', 'Status'], rows.length > 1 ? [...rows, total] : rows, [
            'left',
            'right',
            'right',
            'left'
        ]);
        return counts.failedArns.length > 0 ? `${table}\n\n${failedList(counts, channel)}` : table;
    };
    return {
        id: 'quantum-tasks',
        title: 'Quantum tasks',
        order: job_report/* SECTION_ORDER */.t9.quantumTasks,
        render,
        compact: () => (counts ? `${counts.total} quantum tasks, ${counts.shots} shots: ${statusText(counts.byStatus)}.` : undefined)
    };
}

// EXTERNAL MODULE: ./.build/follow/follow-outcome.js
var follow_outcome = __webpack_require__(2752);
;// CONCATENATED MODULE: ./.build/cost/spend-tracker.js
// While following: the job's quantum tasks and its running cost (billable
// instance time so far + its tasks so far, by list prices), cancelled once when
// the cost reaches max-cost-usd; at the end, the final figures as outputs and in
// the step log, and the cap's breakdown as the step's failure.










const ACTIVE = new Set(['RUNNING', 'CANCELLING']);
function usage(task) {
    if (!task.deviceArn || !task.status)
        return [];
    return [
        {
            ...(task.quantumTaskArn ? { quantumTaskArn: task.quantumTaskArn } : {}),
            deviceArn: task.deviceArn,
            status: task.status,
            shots: task.shots ?? 0,
            ...(task.createdAt ? { createdAt: task.createdAt } : {}),
            ...(task.endedAt ? { endedAt: task.endedAt } : {})
        }
    ];
}
/** The cost of a job as GetJob describes it and of these tasks, at `now`. */
async function costOfJob(book, spec, job, tasks, now) {
    const used = tasks.flatMap(usage);
    const rates = await book.rateCard({
        region: spec.region,
        instanceType: spec.instanceType,
        deviceArns: [...new Set([spec.device, ...used.map((task) => task.deviceArn)])]
    });
    return jobCost({
        job: {
            billableDurationMs: billableSoFarMs(job, now),
            instanceCount: spec.instanceCount,
            volumeSizeInGb: spec.volumeSizeInGb,
            deviceArn: spec.device,
            ...(spec.reservationArn ? { reservationArn: spec.reservationArn } : {})
        },
        tasks: used,
        rates,
        now
    });
}
function countsText(counts) {
    const statuses = Object.entries(counts.byStatus)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, count]) => `${count} ${status}`);
    return `${counts.total} (${statuses.join(', ') || 'none'}), ${counts.shots} shots`;
}
class SpendTracker {
    plan;
    spec;
    tasks;
    clock;
    report;
    name = 'cost and quantum tasks';
    capReached = false;
    lastCounts = '';
    final;
    constructor(plan, spec, tasks, clock, 
    /** The job's report, which the final cost and tasks are added to. */
    report) {
        this.plan = plan;
        this.spec = spec;
        this.tasks = tasks;
        this.clock = clock;
        this.report = report;
    }
    costOf(job, tasks, now) {
        return costOfJob(this.plan.book, this.spec, job, tasks, now);
    }
    async onJob(job, control) {
        if (!ACTIVE.has(job.status ?? ''))
            return;
        const tasks = await this.tasks.refresh();
        const cap = this.spec.maxCostUsd;
        const cost = cap !== undefined && !this.capReached ? await this.costOf(job, tasks, new Date(this.clock.now())) : undefined;
        this.logProgress(countTasks(tasks), cost);
        if (cap === undefined || !cost || !capDecision(cost, cap).cancel)
            return;
        this.capReached = true;
        await control.cancel('cost-cap', `The estimated cost so far, ${(0,describe/* formatUsd */.UK)(cost.knownUsd)}, reached max-cost-usd (${(0,describe/* formatSetUsd */.O1)(cap)})`);
    }
    log(cost, counts) {
        (0,log_layout/* logHeading */.v)('Cost and quantum tasks');
        for (const line of (0,describe/* describeCost */.P9)(cost))
            (0,log_layout/* logRow */.O)('cost', (0,untrusted/* logText */.kc)(line));
        (0,log_layout/* logRow */.O)('quantum tasks', counts ? countsText(counts) : `unknown: ${(0,untrusted/* logText */.kc)(this.tasks.unavailable ?? '')}`);
        for (const arn of counts?.failedArns ?? [])
            (0,log_layout/* logRow */.O)('failed task', (0,untrusted/* logText */.kc)(arn));
    }
    /** A line when the job's tasks change: a cap's running total goes with it. */
    logProgress(counts, cost) {
        const text = countsText(counts);
        if (counts.total === 0 || text === this.lastCounts)
            return;
        this.lastCounts = text;
        const so = cost ? ` · estimated cost so far ${(0,describe/* formatUsd */.UK)(cost.knownUsd)} of max-cost-usd ${(0,describe/* formatSetUsd */.O1)(this.spec.maxCostUsd ?? 0)}` : '';
        core/* info */.pq((0,untrusted/* logText */.kc)(`quantum tasks: ${text}${so}`, 2000));
    }
    async onEnd(report) {
        const { job } = report.outcome;
        const tasks = await this.tasks.refresh(true);
        const counts = this.tasks.unavailable && tasks.length === 0 ? undefined : countTasks(tasks);
        const cost = await this.costOf(job, tasks, job.endedAt ?? new Date(this.clock.now()));
        this.final = { cost, ...(counts ? { tasks: counts } : {}) };
        if (counts)
            core/* setOutput */.uH('quantum-tasks', quantumTasksOutput(counts));
        if (cost.complete)
            core/* setOutput */.uH('cost-usd', String(Number(cost.knownUsd.toFixed(6))));
        this.log(cost, counts);
        this.report?.addSection((0,cost_section/* finalCostSection */.Rm)(this.spec, this.plan, cost, (0,follow_outcome/* seconds */.YA)(job.billableDuration)));
        this.report?.setFact((0,cost_section/* costFact */.un)(cost, this.spec.maxCostUsd));
        this.report?.addSection(quantumTasksSection(counts, this.tasks.unavailable));
        if (!this.capReached)
            return;
        return {
            failure: `max-cost-usd (${(0,describe/* formatSetUsd */.O1)(this.spec.maxCostUsd ?? 0)}) was reached and the job cancelled. ` + (0,untrusted/* logText */.kc)((0,describe/* costSentence */.Lp)(cost), 3000)
        };
    }
}

;// CONCATENATED MODULE: ./.build/cost/cost-phase.js








/** The device's region when its ARN names one (a QPU's), else the job's. */
const deviceRegion = (spec) => spec.device.startsWith('local:') ? spec.region : ((0,devices/* regionOfArn */.b2)(spec.device) ?? spec.region);
async function estimateCost(spec, session) {
    return planCost(spec, (0,aws_clients/* pricingClient */.CX)(session), (0,aws_clients/* braketClient */.JD)({ ...session, region: deviceRegion(spec) }));
}
/** A job's tasks, searched in the job's region and its device's. */
function jobTasks(session, job, minIntervalMs) {
    const regions = [...new Set([job.region, deviceRegion(job)])];
    const clients = regions.map((region) => (0,aws_clients/* braketClient */.JD)({ ...session, region }));
    return new JobTasks({ jobArn: job.jobArn, clients, clock: clock/* systemClock */.m, minIntervalMs });
}
function trackSpend(plan, spec, session, jobArn, env, report) {
    return new SpendTracker(plan, spec, jobTasks(session, { ...spec, jobArn }, (0,poll_schedule/* pollIntervals */.YG)(env).maxMs), clock/* systemClock */.m, report);
}
/** The final cost and tasks of another job (a baseline nobody waited for), once it has ended. */
function spendOfEndedJob(plan, session) {
    return async (target, job) => {
        const tasks = jobTasks(session, target, 0);
        const found = await tasks.refresh(true);
        const cost = await costOfJob(plan.book, target, job, found, job.endedAt ?? new Date());
        return { cost, ...(tasks.unavailable ? {} : { tasks: countTasks(found) }) };
    };
}


/***/ }),

/***/ 531:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kt: () => (/* binding */ estimateSection),
/* harmony export */   Rm: () => (/* binding */ finalCostSection),
/* harmony export */   ZM: () => (/* binding */ spendingLimitWords),
/* harmony export */   un: () => (/* binding */ costFact)
/* harmony export */ });
/* unused harmony export totalText */
/* harmony import */ var _common_markdown_table_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8944);
/* harmony import */ var _common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2892);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6141);
/* harmony import */ var _report_job_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8397);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2233);
// The job's cost in the report: before following, the worst case of its instance part,
// max-cost-usd and the device's spending limit; once it has ended, the estimate part
// by part. Always labelled an estimate from list prices. Pure.





const ESTIMATE_NOTE = '<sub>Estimates from AWS list prices (the AWS Price List); the AWS bill is authoritative.</sub>';
const amountText = (amount) => (amount.known ? (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(amount.usd) : `unknown: ${(0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p7)(amount.unknown.reason, 300)}`);
function worstCaseLine(spec, plan) {
    const { worst } = plan;
    if (!worst.known)
        return `Worst case of the instance part: unknown (${(0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p7)(worst.unknown.map((u) => u.reason).join('; '), 400)}).`;
    return (`Worst case of the instance part: **${(0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(worst.totalUsd)}** — ${spec.instanceCount} × ${(0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p7)(spec.instanceType)} ` +
        `for max-runtime-seconds (${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(spec.maxRuntimeInSeconds)}) ${(0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(worst.instanceUsd)}, ${spec.volumeSizeInGb} GB ` +
        `storage ${(0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(worst.volumeUsd)}; quantum tasks come on top.`);
}
function capLine(spec) {
    if (spec.maxCostUsd === undefined)
        return undefined;
    const cap = (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSetUsd */ .O1)(spec.maxCostUsd);
    return spec.follow.wait
        ? `max-cost-usd: ${cap} — the job is cancelled once its instance time and quantum tasks so far reach it.`
        : `max-cost-usd: ${cap} — without wait, it bounds the instance time only.`;
}
/** The device's Braket spending limit in words (plain text: neutralise it where it goes). */
function spendingLimitWords(limit) {
    const amount = (usd) => (usd === undefined ? 'unknown' : (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(usd));
    const period = limit.periodEnd ? ` until ${limit.periodEnd.toISOString().slice(0, 10)}` : '';
    return (`${amount(limit.limitUsd)} on ${limit.deviceArn}${period}: ${amount(limit.totalSpendUsd)} spent, ` +
        `${amount(limit.queuedSpendUsd)} queued (Braket's spending limits count quantum tasks, not hybrid-job instance time)`);
}
function planLines(spec, plan) {
    return [
        worstCaseLine(spec, plan),
        capLine(spec),
        plan.spendingLimit ? `Braket spending limit: ${(0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p7)(spendingLimitWords(plan.spendingLimit), 600)}.` : undefined
    ].filter((line) => line !== undefined);
}
/** Before the job has ended: what it may cost. */
function estimateSection(spec, plan) {
    const text = () => [...planLines(spec, plan), ESTIMATE_NOTE].join('\n\n');
    return { id: 'cost', title: 'Cost', order: _report_job_report_js__WEBPACK_IMPORTED_MODULE_0__/* .SECTION_ORDER */ .t9.cost, render: text };
}
function deviceRow(device) {
    const charged = device.chargedTasks === device.tasks ? '' : ` (${device.chargedTasks} charged)`;
    const usage = device.kind === 'simulator'
        ? `${device.tasks} task${device.tasks === 1 ? '' : 's'}, ${device.simulatorMinutes.toFixed(2)} billed minutes`
        : `${device.tasks} task${device.tasks === 1 ? '' : 's'}${charged}, ${device.chargedShots} shots`;
    const why = device.kind === 'local' ? ' (in the job container)' : device.kind === 'reserved' ? ' (under the reservation)' : '';
    return [`${(0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .codeText */ .ph)(device.deviceArn)}${why}`, usage, amountText(device.cost)];
}
function totalText(cost) {
    if (cost.complete)
        return (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(cost.knownUsd);
    return cost.knownUsd > 0 ? `at least ${(0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(cost.knownUsd)} (some rates are unknown)` : 'unknown';
}
/** Once the job has ended (or was cancelled at the cap): its cost part by part, with the plan's lines below. */
function finalCostSection(spec, plan, cost, billableSeconds) {
    const billable = billableSeconds !== undefined ? `, billable ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(billableSeconds)}` : '';
    const rows = [
        ['Instance time', `${spec.instanceCount} × ${(0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p7)(spec.instanceType)}${billable}`, amountText(cost.instance)],
        ['Job storage', `${spec.volumeSizeInGb} GB × ${spec.instanceCount}`, amountText(cost.volume)],
        ...cost.devices.map(deviceRow),
        ['**Total**', '', `**${totalText(cost)}**`]
    ];
    const table = () => (0,_common_markdown_table_js__WEBPACK_IMPORTED_MODULE_4__/* .markdownTable */ .Q)(['Part', 'Usage', 'Estimate'], rows, ['left', 'left', 'right']);
    return {
        id: 'cost',
        title: 'Cost',
        order: _report_job_report_js__WEBPACK_IMPORTED_MODULE_0__/* .SECTION_ORDER */ .t9.cost,
        render: (channel) => [table(), ...(channel === 'summary' ? planLines(spec, plan) : []), ESTIMATE_NOTE].join('\n\n'),
        compact: () => `Estimated cost: ${totalText(cost)}. ${ESTIMATE_NOTE}`
    };
}
function costFact(cost, capUsd) {
    const cap = capUsd !== undefined ? ` of max-cost-usd ${(0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSetUsd */ .O1)(capUsd)}` : '';
    return { label: 'Cost', value: `${totalText(cost)}${cap} (estimate from list prices)`, order: _report_job_report_js__WEBPACK_IMPORTED_MODULE_0__/* .FACT_ORDER */ .Ge.timing + 1 };
}


/***/ }),

/***/ 2233:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lp: () => (/* binding */ costSentence),
/* harmony export */   O1: () => (/* binding */ formatSetUsd),
/* harmony export */   P9: () => (/* binding */ describeCost),
/* harmony export */   UK: () => (/* binding */ formatUsd)
/* harmony export */ });
/** An amount someone set (a cap): to the cent when it has cents only. */
function formatSetUsd(usd) {
    return Number.isInteger(Math.round(usd * 1e6) / 1e4) ? `$${usd.toFixed(2)}` : `$${usd}`;
}
/** USD to the cent, or to four significant decimals under a dollar (rates and small jobs). */
function formatUsd(usd) {
    if (usd >= 1 || usd === 0)
        return `$${usd.toFixed(2)}`;
    return `$${usd.toPrecision(4).replace(/0+$/, '').replace(/\.$/, '')}`;
}
const amountText = (amount) => (amount.known ? formatUsd(amount.usd) : `unknown (${amount.unknown.reason})`);
function deviceLine(device) {
    const tasks = `${device.tasks} task${device.tasks === 1 ? '' : 's'}`;
    switch (device.kind) {
        case 'local':
            return `${device.deviceArn}: ${tasks}, no charge beyond the instance (simulated in the job's container)`;
        case 'reserved':
            return `${device.deviceArn}: ${tasks}, no extra charge (under the job's reservation)`;
        case 'simulator':
            return `${device.deviceArn}: ${tasks}, ${device.simulatorMinutes.toFixed(2)} billed simulator minutes: ${amountText(device.cost)}`;
        case 'qpu':
            return `${device.deviceArn}: ${device.chargedTasks} of ${tasks} charged, ${device.chargedShots} shots: ${amountText(device.cost)}`;
    }
}
/** The breakdown as one paragraph: the total, then each part. */
function costSentence(breakdown) {
    const [total, ...parts] = describeCost(breakdown);
    return `${total} ${parts.join('; ')}.`;
}
function describeCost(breakdown) {
    // Nothing known is no figure at all: "at least $0.00" would read as free.
    const total = breakdown.complete
        ? formatUsd(breakdown.knownUsd)
        : breakdown.knownUsd > 0
            ? `at least ${formatUsd(breakdown.knownUsd)} (some rates are unknown)`
            : 'unknown (no rate could be read)';
    return [
        `Estimated cost from list prices: ${total}; the AWS bill is authoritative.`,
        `Instance time: ${amountText(breakdown.instance)}`,
        `Job storage: ${amountText(breakdown.volume)}`,
        ...breakdown.devices.map(deviceLine)
    ];
}


/***/ }),

/***/ 6585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ deviceArnName),
/* harmony export */   b2: () => (/* binding */ regionOfArn),
/* harmony export */   fz: () => (/* binding */ deviceKind),
/* harmony export */   hx: () => (/* binding */ matchDeviceName)
/* harmony export */ });
// What kind of device an ARN names, for pricing: QPUs are charged per task and
// per shot under the price list's `devicename`, on-demand simulators per minute
// under their `usagetype`, and `local:` simulators (inside the job's own
// container) cost nothing beyond the instance.
function deviceKind(deviceArn) {
    if (deviceArn.startsWith('local:'))
        return 'local';
    if (/^arn:aws[a-z-]*:braket:[a-z0-9-]*:\d*:device\/qpu\//.test(deviceArn))
        return 'qpu';
    if (/^arn:aws[a-z-]*:braket:[a-z0-9-]*:\d*:device\/quantum-simulator\//.test(deviceArn))
        return 'simulator';
    return 'other';
}
/** The region in an ARN (`arn:aws:braket:<region>:…`); undefined when the ARN has none (managed simulators). */
function regionOfArn(arn) {
    const region = arn.split(':')[3];
    return region ? region : undefined;
}
/** The last path segment of a device ARN, e.g. `Forte-1`, `sv1`. */
function deviceArnName(deviceArn) {
    return deviceArn.split('/').at(-1) ?? deviceArn;
}
const normalized = (name) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
/**
 * The price list's `devicename` for a QPU, from the names the list has
 * (GetAttributeValues): the one equal to the ARN's last segment or to
 * GetDevice's deviceName once case, spaces and punctuation are set aside
 * ("Forte 1", "Forte-1"); else the one longest name family the ARN's name
 * starts with (e.g. `Advantage_system` for `Advantage_system6.4`).
 * Undefined when none or several fit.
 */
function matchDeviceName(listed, deviceArn, deviceName) {
    const wanted = [deviceArnName(deviceArn), ...(deviceName ? [deviceName] : [])].map(normalized);
    const exact = [...new Set(listed.filter((name) => wanted.includes(normalized(name))))];
    if (exact.length === 1)
        return exact[0];
    if (exact.length > 1)
        return undefined;
    const families = listed.filter((name) => normalized(name).length > 0 && wanted.some((want) => want.startsWith(normalized(name))));
    const longest = Math.max(0, ...families.map((name) => normalized(name).length));
    const best = [...new Set(families.filter((name) => normalized(name).length === longest))];
    return best.length === 1 ? best[0] : undefined;
}


/***/ }),

/***/ 3248:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8983);
// Time for the follower, injectable so unit tests run a six-hour wait in milliseconds.


const systemClock = {
    now: () => Date.now(),
    async sleep(ms, signal) {
        if (signal?.aborted)
            return;
        try {
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.max(0, ms), undefined, { signal });
        }
        catch (error) {
            if ((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error) !== 'AbortError')
                throw error;
        }
    }
};


/***/ }),

/***/ 8356:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ followIfAsked)
});

// UNUSED EXPORTS: followJob

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./.build/common/untrusted.js
var untrusted = __webpack_require__(2892);
// EXTERNAL MODULE: ./.build/report/job-report.js
var job_report = __webpack_require__(8397);
;// CONCATENATED MODULE: ./.build/attach/hand-off.js
// wait-timeout-minutes ran out and the job was left running (cancel-on-timeout:
// false): the step says exactly which step picks the job up later, with its ARN,
// its credentials and the log's place, ready to paste.



/** Right under the notes: what to do next comes before the details. */
const HAND_OFF_ORDER = job_report/* SECTION_ORDER */.t9.notes + 10;
/** `owner/repo@ref` of this action as the workflow named it, when the runner says. */
function actionReference(env) {
    const repository = env.GITHUB_ACTION_REPOSITORY ?? '';
    const ref = env.GITHUB_ACTION_REF ?? '';
    return /^[\w.-]+\/[\w.-]+$/.test(repository) && /^[\w./-]+$/.test(ref) ? `${repository}@${ref}` : 'OWNER/REPO@v1';
}
function handOffStep(handOff) {
    const lines = [
        `- uses: ${actionReference(handOff.env)}`,
        '  with:',
        `    job-arn: ${(0,untrusted/* logText */.kc)(handOff.jobArn)}`,
        ...(handOff.credentials.kind === 'web-identity'
            ? [`    role-to-assume: ${(0,untrusted/* logText */.kc)(handOff.credentials.roleArn)}   # needs permissions: id-token: write`]
            : []),
        '    wait: true',
        ...(handOff.lastLogLine !== undefined
            ? [
                `    logs-since: ${new Date(handOff.lastLogLine + 1).toISOString()}   # the log after the last line this step printed; ` +
                    'leave out for the whole log and complete charts'
            ]
            : []),
        ...(handOff.follow.commentOnPr ? ['    comment-on-pr: true'] : [])
    ];
    return lines.join('\n');
}
/** Prints the step into the log, and adds it to the report's summary (the author's to act on, not a reviewer's). */
function offerHandOff(report, handOff) {
    const step = handOffStep(handOff);
    core/* info */.pq('The job runs on. To follow it to its end later, add this step to a job whose runner can wait that long (a self-hosted ' +
        'runner with timeout-minutes above the wait; GitHub-hosted jobs stop after 360 minutes), or to a workflow run by hand:');
    for (const line of step.split('\n'))
        core/* info */.pq(`    ${line}`);
    report.addSection({
        id: 'hand-off',
        title: 'Pick the job up later',
        order: HAND_OFF_ORDER,
        render: (channel) => channel === 'summary'
            ? 'The job was left running (cancel-on-timeout: false). This step follows it to its end from another job or workflow:\n\n' +
                `<pre lang="yaml"><code>${(0,untrusted/* escapeHtml */.ZD)(step)}</code></pre>`
            : undefined
    });
}

// EXTERNAL MODULE: ./.build/aws/clients.js + 1 modules
var clients = __webpack_require__(8498);
// EXTERNAL MODULE: ./.build/report/render-report.js
var render_report = __webpack_require__(2852);
// EXTERNAL MODULE: ./.build/follow/clock.js
var follow_clock = __webpack_require__(3248);
// EXTERNAL MODULE: ./.build/common/errors.js
var errors = __webpack_require__(8983);
// EXTERNAL MODULE: ./.build/archive/safe-extract.js
var safe_extract = __webpack_require__(5349);
// EXTERNAL MODULE: ./.build/follow/results-download.js + 1 modules
var results_download = __webpack_require__(5539);
;// CONCATENATED MODULE: ./.build/follow/fetch-results.js
// The job's results once it ended: downloaded and safely extracted when asked for
// and the job COMPLETED; otherwise why not, as a value the report can show.





async function fetchResults(s3, status, outputS3Path, dir) {
    if (!dir)
        return { kind: 'not-asked' };
    if (status !== 'COMPLETED')
        return { kind: 'not-completed', status };
    try {
        const results = await (0,results_download/* downloadResults */.Xd)(s3, outputS3Path, dir);
        if (!results)
            return { kind: 'none' };
        const count = results.files.length;
        core/* info */.pq(`Results: ${(0,untrusted/* logText */.kc)(results.s3Uri)} extracted into ${(0,untrusted/* logText */.kc)(results.dir)} (${count} file${count === 1 ? '' : 's'})`);
        return { kind: 'downloaded', results };
    }
    catch (error) {
        const message = error instanceof safe_extract/* UnsafeArchiveError */.td
            ? `Refused to extract the job's results: ${error.message}. Nothing outside ${dir} was written; the archive is not safe to unpack.`
            : `Could not download the job's results: ${(0,errors/* errorMessage */.gJ)(error)}`;
        return { kind: 'failed', message };
    }
}
/** Why there are no results to show, for the summary; undefined when there are some or none were asked for. */
function resultsNote(fetch) {
    switch (fetch.kind) {
        case 'not-completed':
            return `not downloaded: the job is ${fetch.status}`;
        case 'none':
            return 'the job left no output/model.tar.gz';
        case 'failed':
            return 'not extracted';
        case 'not-asked':
        case 'downloaded':
            return undefined;
    }
}

;// CONCATENATED MODULE: ./.build/follow/follow-observer.js
// What other concerns (the experiment record and comparison, the running cost,
// the job's quantum tasks) learn from following, without the follow loop knowing
// them: every GetJob answer, and the settled end before it is reported.


/** Every observer's answer to the same event, in order; one observer's failure never stops the others'. */
async function notifyEnd(observers, report) {
    const failures = [];
    for (const observer of observers) {
        try {
            const note = await observer.onEnd?.(report);
            if (note?.failure)
                failures.push(note.failure);
        }
        catch (error) {
            // What an observer adds is a courtesy; the job's own outcome is reported regardless.
            core/* warning */.$e(`Could not finish the report of the job's ${observer.name}: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
    return failures;
}
async function notifyJob(observers, job, control) {
    for (const observer of observers)
        await observer.onJob?.(job, control);
}

// EXTERNAL MODULE: ./.build/follow/follow-outcome.js
var follow_outcome = __webpack_require__(2752);
// EXTERNAL MODULE: ./.build/follow/follow-state.js
var follow_state = __webpack_require__(3745);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-braket/dist-cjs/index.js
var dist_cjs = __webpack_require__(3118);
// EXTERNAL MODULE: ./.build/aws/aws-call.js
var aws_call = __webpack_require__(7730);
;// CONCATENATED MODULE: ./.build/follow/job-canceller.js
// CancelJob, at most once per run of the action, whoever asks first: a timeout,
// SIGINT, then SIGTERM a few seconds later.




class JobCanceller {
    braket;
    jobArn;
    attempt;
    constructor(braket, jobArn) {
        this.braket = braket;
        this.jobArn = jobArn;
    }
    get requested() {
        return this.attempt !== undefined;
    }
    /** The cancel this run asked for, if it asked. */
    get attempted() {
        return this.attempt;
    }
    cancel(reason, why) {
        this.attempt ??= this.send(reason, why);
        return this.attempt;
    }
    async send(reason, why) {
        core/* info */.pq(`${why}: cancelling ${(0,untrusted/* logText */.kc)(this.jobArn)}`);
        const call = { service: 'Braket', operation: 'CancelJob', target: this.jobArn, permission: 'braket:CancelJob' };
        try {
            const response = await this.braket.send(new dist_cjs.CancelJobCommand({ jobArn: this.jobArn }));
            const status = response.cancellationStatus ?? 'CANCELLING';
            core/* info */.pq(`CancelJob accepted: the job is ${(0,untrusted/* logText */.kc)(status)}.`);
            return { reason, cancellationStatus: status };
        }
        catch (error) {
            const failure = (0,aws_call/* callFailure */.zL)(error);
            const text = `${failure.code}: ${failure.message}`;
            // ConflictException: it ended on its own meanwhile; nothing left to stop.
            if (failure.code === 'ConflictException')
                core/* info */.pq(`CancelJob: ${(0,untrusted/* logText */.kc)(text)}`);
            else
                core/* error */.z3((0,aws_call/* awsCallError */.Id)(call, error, { advice: 'It may still be running: cancel it in the Braket console (Hybrid jobs → Cancel).' }).message, { title: 'Amazon Braket hybrid job' });
            return { reason, error: text };
        }
    }
}

// EXTERNAL MODULE: ./.build/follow/job-log-reader.js + 2 modules
var job_log_reader = __webpack_require__(3746);
// EXTERNAL MODULE: ./.build/follow/job-progress.js
var job_progress = __webpack_require__(8813);
// EXTERNAL MODULE: ./.build/follow/metric-series.js
var metric_series = __webpack_require__(2152);
// EXTERNAL MODULE: ./.build/follow/poll-schedule.js
var poll_schedule = __webpack_require__(7575);
// EXTERNAL MODULE: ./.build/follow/pr-comment.js
var pr_comment = __webpack_require__(7190);
// EXTERNAL MODULE: ./.build/follow/report-outcome.js + 3 modules
var report_outcome = __webpack_require__(6564);
// EXTERNAL MODULE: ./.build/aws/retry.js
var retry = __webpack_require__(494);
// EXTERNAL MODULE: ./.build/aws/braket-submission.js
var braket_submission = __webpack_require__(6448);
;// CONCATENATED MODULE: ./.build/follow/watch-job.js
// The polling loop: GetJob with a settling backoff until the job ends, the wait
// times out, or the workflow run is cancelled. Throttling and blips are tolerated;
// only a run of failures (or a non-transient one) gives up.









/** Consecutive GetJob failures (each already retried by the SDK) before the follower gives up. */
const MAX_CONSECUTIVE_FAILURES = 8;
const BUSY_INTERVAL_MS = 10_000;
async function getJob(braket, jobArn, abortSignal) {
    return braket.send(new dist_cjs.GetJobCommand({ jobArn, additionalAttributeNames: ['QueueInfo'] }), abortSignal ? { abortSignal } : {});
}
const aborted = (error) => (0,errors/* errorName */.Is)(error) === 'AbortError';
async function watchJob(options) {
    const schedule = new poll_schedule/* PollSchedule */.$x(options.intervals);
    let last;
    let failures = 0;
    for (;;) {
        if (options.abort.aborted && last)
            return { end: 'workflow-cancel', job: last };
        try {
            const job = await getJob(options.braket, options.jobArn, last ? options.abort : undefined);
            if (failures > 0)
                core/* info */.pq(`GetJob answers again after ${failures} failed ${failures === 1 ? 'try' : 'tries'}.`);
            failures = 0;
            if (job.status !== last?.status)
                schedule.reset();
            last = job;
            await options.onJob(job);
            if (job_progress/* TERMINAL_STATUSES */.CM.has(job.status ?? ''))
                return { end: 'job-ended', job };
        }
        catch (error) {
            if (aborted(error) && last)
                return { end: 'workflow-cancel', job: last };
            failures += 1;
            if (!(0,retry/* isTransient */.dg)(error))
                throw (0,aws_call/* awsCallError */.Id)((0,braket_submission/* getJobCall */.Wr)(options.jobArn), error);
            if (failures >= MAX_CONSECUTIVE_FAILURES)
                throw (0,aws_call/* awsCallError */.Id)((0,braket_submission/* getJobCall */.Wr)(options.jobArn), error, {
                    advice: `${failures} polls in a row failed, each retried by the SDK: the job may still be running. Look for it in the Braket ` +
                        `console; if GetJob keeps failing, look for Braket in your region on the AWS Health Dashboard (${aws_call/* AWS_HEALTH_DASHBOARD */.Yi}).`
                });
            core/* warning */.$e(`Braket GetJob ${(0,aws_call/* describeFailure */.Ic)((0,aws_call/* callFailure */.zL)(error))}; trying again.`);
        }
        if (options.abort.aborted && last)
            return { end: 'workflow-cancel', job: last };
        const now = options.clock.now();
        if (now >= options.deadline && last)
            return { end: 'timeout', job: last };
        const cap = last && options.busy?.(last) ? BUSY_INTERVAL_MS : undefined;
        await options.clock.sleep(Math.max(0, Math.min(schedule.next(cap), options.deadline - now)), options.abort);
    }
}
/**
 * After a cancel: polls until the job has ended or `withinMs` passed, for the
 * final status to report. Never throws; the last answer is what it is.
 */
async function awaitEnd(options, last, withinMs) {
    const until = options.clock.now() + withinMs;
    const schedule = new poll_schedule/* PollSchedule */.$x({
        initialMs: Math.min(options.intervals.initialMs, 1000),
        maxMs: Math.min(options.intervals.maxMs, 5000)
    });
    let job = last;
    while (!job_progress/* TERMINAL_STATUSES */.CM.has(job.status ?? '')) {
        const now = options.clock.now();
        if (now >= until)
            break;
        await options.clock.sleep(Math.min(schedule.next(), until - now));
        try {
            job = await getJob(options.braket, options.jobArn);
            await options.onJob(job);
        }
        catch (error) {
            core/* info */.pq(`Braket GetJob after cancelling ${(0,aws_call/* describeFailure */.Ic)((0,aws_call/* callFailure */.zL)(error))}; the last status seen was ${(0,untrusted/* logText */.kc)(job.status ?? '')}.`);
            break;
        }
    }
    return job;
}

;// CONCATENATED MODULE: ./.build/follow/settle-job.js
// After the watch: a wait that timed out or a workflow run that was cancelled
// decides the job's fate — cancelled (once), or left running on purpose — and
// waits a little for the final status to report.



/** After a workflow cancel the runner sends SIGTERM ~7.5 s after SIGINT: the job's end is awaited only this long. */
const SETTLE_AFTER_SIGNAL_MS = 4_000;
/** After cancelling on timeout there is time left in the job (340 of GitHub's 360 minutes, by default). */
const SETTLE_AFTER_TIMEOUT_MS = 120_000;
async function settleJob(options) {
    const { watched, follow, canceller, poll } = options;
    const job = watched.job;
    if (watched.end === 'timeout' && follow.cancelOnTimeout) {
        const cancel = await canceller.cancel('timeout', `Still ${job.status} after wait-timeout-minutes (${follow.waitTimeoutMinutes})`);
        return { job: cancel.cancellationStatus ? await awaitEnd(poll, job, SETTLE_AFTER_TIMEOUT_MS) : job, cancel };
    }
    // The job ended by itself, or after a cancel asked for while watching (max-cost-usd).
    if (watched.end !== 'workflow-cancel')
        return { job, ...(canceller.attempted ? { cancel: await canceller.attempted } : {}) };
    const signal = options.signal;
    if (!follow.cancelOnWorkflowCancel) {
        core/* info */.pq(`The workflow run was cancelled (${signal}); leaving ${poll.jobArn} ${(0,untrusted/* logText */.kc)(job.status ?? '')} (cancel-on-workflow-cancel: false).`);
        return { job, ...(signal ? { signal } : {}) };
    }
    const cancel = await canceller.cancel('workflow-cancel', `The workflow run was cancelled (${signal})`);
    return {
        job: cancel.cancellationStatus ? await awaitEnd(poll, job, SETTLE_AFTER_SIGNAL_MS) : job,
        cancel,
        ...(signal ? { signal } : {})
    };
}

// EXTERNAL MODULE: ./.build/follow/step-log.js
var step_log = __webpack_require__(2685);
// EXTERNAL MODULE: ./.build/follow/workflow-signals.js
var workflow_signals = __webpack_require__(4661);
;// CONCATENATED MODULE: ./.build/follow/follow-job.js
// After the submission: follow the job to its end — status, events and logs in the
// step log, metrics, cancellation with the workflow, results — and make the step's
// outcome the job's.





















/** With wait or comment-on-pr, follows the job (a submitted one or an attached one alike); otherwise nothing. */
async function followIfAsked(target, plan, context) {
    if (!plan.follow.wait && !plan.follow.commentOnPr)
        return;
    await followJob({ target, follow: plan.follow, commentKey: plan.idempotencyKey, credentials: plan.credentials, ...context });
}
async function followJob(request) {
    const { follow, target } = request;
    if (follow.githubToken)
        core/* setSecret */.Pq(follow.githubToken);
    if (!follow.wait) {
        // Not waiting: the comment shows the job as submitted.
        if (follow.commentOnPr)
            await comment(request, (0,render_report/* renderReport */.B1)(request.report, 'comment'));
        return;
    }
    warnIfCredentialsEndFirst(request.credentials, follow);
    const clock = request.clock ?? follow_clock/* systemClock */.m;
    const observers = request.observers ?? [];
    const intervals = (0,poll_schedule/* pollIntervals */.YG)(request.env);
    const signals = new workflow_signals/* WorkflowSignals */.F(request.signals);
    const logs = (0,clients/* logsClient */.RU)(request.session);
    (0,follow_state/* markFollowing */.lD)(follow.cancelOnWorkflowCancel);
    try {
        const stepLog = new step_log/* StepLog */.J(target.instanceCount > 1, follow.streamLogs);
        const metrics = new metric_series/* MetricCollector */.k();
        const reader = new job_log_reader/* JobLogReader */.V(logs, target, metrics, stepLog, follow.streamLogs);
        const progress = new job_progress/* JobProgress */.fq();
        const canceller = new JobCanceller(request.braket, target.jobArn);
        const onJob = async (job) => {
            const ended = job_progress/* TERMINAL_STATUSES */.CM.has(job.status ?? '');
            // The tail belongs before the line that says the job ended; other phases are announced first.
            if (ended)
                await reader.readTail(clock, intervals.initialMs, signals.signal);
            stepLog.progress(progress.update(job, clock.now()));
            if (!ended && job.status !== 'QUEUED')
                await reader.read();
            await notifyJob(observers, job, canceller);
        };
        const logNote = follow.streamLogs ? ', with its log' : '';
        core/* info */.pq(`Following ${target.jobName} until it ends (at most ${follow.waitTimeoutMinutes} minutes)${logNote}:`);
        const poll = { braket: request.braket, jobArn: target.jobArn, clock, intervals, onJob };
        const deadline = clock.now() + follow.waitTimeoutMinutes * 60_000;
        const busy = (job) => follow.streamLogs && job.status === 'RUNNING';
        const watched = await watchJob({ ...poll, deadline, abort: signals.signal, busy });
        stepLog.closeGroup();
        const settled = await settleJob({ watched, follow, canceller, poll, ...(signals.received ? { signal: signals.received } : {}) });
        stepLog.closeGroup();
        const outcome = {
            ...settled,
            jobArn: target.jobArn,
            jobName: target.jobName,
            consoleUrl: target.consoleUrl,
            end: watched.end,
            waitTimeoutMinutes: follow.waitTimeoutMinutes,
            cancelOnWorkflowCancel: follow.cancelOnWorkflowCancel
        };
        // The job's fate is settled here (ended, cancelled, or left running on purpose): nothing for the post step
        // to do, unless a cancel this step wanted did not go through.
        const cancelFailed = outcome.cancel !== undefined && !outcome.cancel.cancellationStatus && !job_progress/* TERMINAL_STATUSES */.CM.has(outcome.job.status ?? '');
        (0,follow_state/* markFollowing */.lD)(cancelFailed && follow.cancelOnWorkflowCancel);
        const verdict = (0,follow_outcome/* verdictOf */.Vj)(outcome, clock.now());
        const outputS3Path = outcome.job.outputDataConfig?.s3Path ?? target.outputS3Path;
        const fetched = await fetchResults(request.s3, verdict.status, outputS3Path, follow.downloadResults);
        const report = {
            outcome,
            verdict,
            metrics,
            ...(fetched.kind === 'downloaded' ? { results: fetched.results } : {}),
            resultsNote: resultsNote(fetched),
            lastLines: stepLog.lastLines(),
            outputS3Path,
            now: clock.now()
        };
        // A job left running on purpose: the step that picks it up later, in the log and in the report.
        if (outcome.end === 'timeout' && !outcome.cancel) {
            offerHandOff(request.report, {
                jobArn: target.jobArn,
                credentials: request.credentials,
                follow,
                lastLogLine: reader.lastTimestamp,
                env: request.env
            });
        }
        const failures = await notifyEnd(observers, report);
        await (0,report_outcome/* reportOutcome */.R)(report, fetched, {
            report: request.report,
            ...(follow.commentOnPr ? { comment: (body) => comment(request, body) } : {})
        });
        for (const failure of failures)
            core/* setFailed */.C1(failure);
    }
    finally {
        signals.dispose();
        logs.destroy();
    }
}
function warnIfCredentialsEndFirst(credentials, follow) {
    const waitSeconds = follow.waitTimeoutMinutes * 60;
    if (credentials.kind !== 'web-identity' || credentials.durationSeconds >= waitSeconds)
        return;
    core/* warning */.$e(`role-duration-seconds (${credentials.durationSeconds}) is shorter than wait-timeout-minutes (${follow.waitTimeoutMinutes}): ` +
        `the role's credentials end before the wait may. The action re-assumes ${credentials.roleArn} with a fresh OIDC token ` +
        `5 minutes before they do, which needs the role's trust policy to keep accepting this workflow. To use one session, set ` +
        `role-duration-seconds to ${Math.min(43200, Math.ceil(waitSeconds))} or more (up to the role's maximum session duration).`, { title: 'role-duration-seconds' });
}
async function comment(request, body) {
    const marker = (0,pr_comment/* commentMarker */.Q)(request.identity, request.commentKey);
    const result = await (0,pr_comment/* upsertPrComment */.Z)(request.follow.githubToken, marker, body);
    if (result.action === 'skipped')
        core/* info */.pq(`comment-on-pr: no comment (${(0,untrusted/* logText */.kc)(result.why)}).`);
    else
        core/* info */.pq(`comment-on-pr: ${result.action} ${result.url ? (0,untrusted/* logText */.kc)(result.url) : 'the comment'}`);
}


/***/ }),

/***/ 3745:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eF: () => (/* binding */ rememberJobForPost),
/* harmony export */   lD: () => (/* binding */ markFollowing)
/* harmony export */ });
/* unused harmony exports JOB_ARN_STATE, postMustCancel, wasFollowed */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
// What the main step tells the post step (through core.saveState): the job, and
// whether a job still QUEUED/RUNNING means the main step was interrupted while
// following it. Only then does the post step cancel.

const JOB_ARN_STATE = 'job-arn';
const CANCEL_IN_POST_STATE = 'cancel-in-post';
/**
 * Saved the moment CreateJob answers, so a step killed before following even
 * starts still has its job cancelled by the post step when it was to be followed.
 */
function rememberJobForPost(jobArn, follow) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(JOB_ARN_STATE, jobArn);
    if (follow.wait)
        markFollowing(follow.cancelOnWorkflowCancel);
}
/** Set while following with cancel-on-workflow-cancel; cleared once the main step has settled the job's fate itself. */
function markFollowing(active) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(CANCEL_IN_POST_STATE, active ? 'true' : 'false');
}
function postMustCancel() {
    return core.getState(CANCEL_IN_POST_STATE) === 'true';
}
/** Whether the main step followed the job at all (it saves the flag only when it waits). */
function wasFollowed() {
    return core.getState(CANCEL_IN_POST_STATE) !== '';
}


/***/ }),

/***/ 2183:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ attachedTarget),
/* harmony export */   p: () => (/* binding */ submittedTarget)
/* harmony export */ });
/* harmony import */ var _report_console_url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9512);

function submittedTarget(spec, submitted, device) {
    return {
        jobArn: submitted['job-arn'],
        jobName: submitted['job-name'],
        consoleUrl: submitted['console-url'],
        outputS3Path: submitted['output-s3-path'],
        status: submitted.status,
        deviceLabel: device ? `${device.providerName} ${device.deviceName} (${spec.device})` : spec.device,
        instanceType: spec.instanceType,
        instanceCount: spec.instanceCount
    };
}
function attachedTarget(job, region, logsSince) {
    return {
        jobArn: job.jobArn,
        jobName: job.jobName ?? job.jobArn.split('/').pop() ?? job.jobArn,
        consoleUrl: (0,_report_console_url_js__WEBPACK_IMPORTED_MODULE_0__/* .jobConsoleUrl */ .k)(region, job.jobArn),
        outputS3Path: job.outputDataConfig?.s3Path ?? '',
        status: job.status ?? 'UNKNOWN',
        deviceLabel: job.deviceConfig?.device ?? 'unknown device',
        instanceType: job.instanceConfig?.instanceType ?? 'unknown instance type',
        instanceCount: job.instanceConfig?.instanceCount ?? 1,
        attached: true,
        ...(logsSince !== undefined ? { logsSince } : {})
    };
}


/***/ }),

/***/ 3746:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ JobLogReader)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./.build/common/errors.js
var common_errors = __webpack_require__(8983);
// EXTERNAL MODULE: ./.build/aws/aws-call.js
var aws_call = __webpack_require__(7730);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var dist_cjs = __webpack_require__(2684);
;// CONCATENATED MODULE: ./.build/follow/log-streams.js
// Where a job's log lines live in CloudWatch Logs, and how lines of several
// instances are put in one order. Pure.
/** The group every Braket hybrid job logs to. */
const JOB_LOG_GROUP = '/aws/braket/jobs';
/**
 * Today's job ARNs end in a UUID and the streams are `<jobName>/<uuid>/algo-<n>-<epoch>`;
 * early ARNs ended in the job name and the streams were `<jobName>/algo-<n>-<epoch>`.
 */
function logStreamPrefix(jobArn, jobName) {
    const jobId = jobArn.split('/').pop() ?? '';
    return jobId === '' || jobId === jobName ? `${jobName}/` : `${jobName}/${jobId}/`;
}
function instanceOf(streamName) {
    return /(?:^|\/)(algo-\d+)(?:-|$)/.exec(streamName)?.[1] ?? streamName.split('/').pop() ?? streamName;
}
/** Instances in their natural order: algo-2 before algo-10. */
function compareInstances(a, b) {
    const number = (label) => Number(/(\d+)$/.exec(label)?.[1] ?? Number.MAX_SAFE_INTEGER);
    return number(a) - number(b) || (a < b ? -1 : a > b ? 1 : 0);
}
/**
 * One time-ordered list from per-stream batches, never reordering lines within a
 * stream (their order is the order they were printed): a k-way merge by the head's
 * timestamp, ties going to the lower instance.
 */
function mergeByTime(batches) {
    const heads = batches.map(() => 0);
    const merged = [];
    for (;;) {
        let best = -1;
        for (let i = 0; i < batches.length; i++) {
            const line = batches[i][heads[i]];
            if (!line)
                continue;
            const current = best >= 0 ? batches[best][heads[best]] : undefined;
            if (!current ||
                line.timestamp < current.timestamp ||
                (line.timestamp === current.timestamp && compareInstances(line.instance, current.instance) < 0))
                best = i;
        }
        if (best < 0)
            return merged;
        merged.push(batches[best][heads[best]]);
        heads[best] += 1;
    }
}

;// CONCATENATED MODULE: ./.build/follow/log-follower.js
// Follows every instance's log stream of a job: finds the streams as they appear,
// reads each from its head with forward tokens (a token read again returns only
// what arrived since), and hands back the new lines in time order. No line twice,
// none skipped, across any number of polls.




/** The logs can't be read at all (e.g. the role lacks logs:GetLogEvents): stop trying. */
class LogsUnavailableError extends common_errors/* ActionError */.lZ {
}
/** Pages per stream per poll: a chatty job is caught up over a few polls instead of stalling the status checks. */
const MAX_PAGES_PER_READ = 20;
const DENIED = new Set(['AccessDeniedException', 'UnrecognizedClientException']);
class LogFollower {
    logs;
    job;
    streams = new Map();
    prefix;
    constructor(logs, job) {
        this.logs = logs;
        this.job = job;
        this.prefix = logStreamPrefix(job.jobArn, job.jobName);
    }
    /**
     * The lines that arrived since the last call, in time order. A stream that fails
     * part-way (throttled past the SDK's retries) keeps what it read and its place;
     * the error is returned, to be tried again next poll. Only a denial throws.
     */
    async read() {
        const errors = [];
        if (this.streams.size < this.job.instanceCount) {
            try {
                await this.discover();
            }
            catch (error) {
                if (error instanceof LogsUnavailableError)
                    throw error;
                errors.push(error);
            }
        }
        const cursors = [...this.streams.values()].sort((a, b) => compareInstances(a.instance, b.instance));
        const batches = await Promise.all(cursors.map((cursor) => this.readStream(cursor, errors)));
        return { lines: mergeByTime(batches), errors };
    }
    /** Streams found so far. */
    get streamCount() {
        return this.streams.size;
    }
    async discover() {
        let nextToken;
        do {
            let page;
            try {
                page = await this.logs.send(new dist_cjs/* DescribeLogStreamsCommand */.w$R({ logGroupName: JOB_LOG_GROUP, logStreamNamePrefix: this.prefix, nextToken }));
            }
            catch (error) {
                // Before the job's first line the group may not exist yet.
                if ((0,common_errors/* errorName */.Is)(error) === 'ResourceNotFoundException')
                    return;
                throw this.explain(error, 'DescribeLogStreams');
            }
            for (const stream of page.logStreams ?? []) {
                const name = stream.logStreamName;
                if (name && !this.streams.has(name))
                    this.streams.set(name, { name, instance: instanceOf(name) });
            }
            nextToken = page.nextToken;
        } while (nextToken);
    }
    async readStream(cursor, errors) {
        const lines = [];
        for (let page = 0; page < MAX_PAGES_PER_READ; page++) {
            let response;
            try {
                response = await this.logs.send(new dist_cjs/* GetLogEventsCommand */.h7S({
                    logGroupName: JOB_LOG_GROUP,
                    logStreamName: cursor.name,
                    startFromHead: true,
                    nextToken: cursor.token,
                    ...(this.job.logsSince !== undefined ? { startTime: this.job.logsSince } : {})
                }));
            }
            catch (error) {
                if ((0,common_errors/* errorName */.Is)(error) === 'ResourceNotFoundException')
                    break;
                const explained = this.explain(error, 'GetLogEvents');
                if (explained instanceof LogsUnavailableError)
                    throw explained;
                errors.push(explained);
                break;
            }
            for (const event of response.events ?? []) {
                lines.push({ timestamp: event.timestamp ?? 0, message: (event.message ?? '').replace(/\r?\n$/, ''), instance: cursor.instance });
            }
            // At the end of a stream the service hands back the token it was given.
            const next = response.nextForwardToken;
            if (!next || next === cursor.token)
                break;
            cursor.token = next;
            if ((response.events ?? []).length === 0)
                break;
        }
        return lines;
    }
    explain(error, operation) {
        const call = { service: 'CloudWatch Logs', operation, target: `log group ${JOB_LOG_GROUP}`, permission: `logs:${operation}` };
        if (DENIED.has((0,common_errors/* errorName */.Is)(error))) {
            return new LogsUnavailableError(`${(0,aws_call/* describeCall */.GC)(call)} ${(0,aws_call/* describeFailure */.Ic)((0,aws_call/* callFailure */.zL)(error))}: the role may not read the job's log. Allow ` +
                `logs:DescribeLogStreams and logs:GetLogEvents on arn:aws:logs:*:*:log-group:${JOB_LOG_GROUP}:* to see the job's log and ` +
                `metrics here.`);
        }
        return (0,aws_call/* awsCallError */.Id)(call, error);
    }
}

// EXTERNAL MODULE: ./.build/follow/metric-lines.js
var metric_lines = __webpack_require__(74);
;// CONCATENATED MODULE: ./.build/follow/job-log-reader.js
// The job's log while following: new lines read from every instance's stream,
// their metrics collected, the lines printed into the step log. A failed read is
// tried again at the next poll (with one warning); a denied one turns reading off.





/** Reads after the job ended, for lines that reach CloudWatch after the status changed. */
const TAIL_READS = 3;
const TAIL_PAUSE_MS = 2000;
class JobLogReader {
    metrics;
    stepLog;
    streamLogs;
    follower;
    multiInstance;
    on = true;
    warned = false;
    /** The newest line's time (epoch ms), for a later step to read on from (logs-since). */
    lastTimestamp;
    constructor(logs, job, metrics, stepLog, streamLogs) {
        this.metrics = metrics;
        this.stepLog = stepLog;
        this.streamLogs = streamLogs;
        this.follower = new LogFollower(logs, job);
        this.multiInstance = job.instanceCount > 1;
    }
    /** Reads what arrived since the last call; the number of new lines. */
    async read() {
        if (!this.on)
            return 0;
        try {
            const { lines, errors } = await this.follower.read();
            for (const line of lines) {
                this.metrics.add((0,metric_lines/* parseMetricLine */.M)(line.message, this.multiInstance ? line.instance : undefined));
                this.lastTimestamp = Math.max(this.lastTimestamp ?? 0, line.timestamp);
            }
            this.stepLog.logLines(lines);
            const [error] = errors;
            if (error && !this.warned) {
                this.warned = true;
                const what = error instanceof aws_call/* AwsCallError */.iQ ? error.summary : (0,common_errors/* describeError */.Uc)(error);
                core/* warning */.$e(`Reading the job's log: ${what}; trying again at the next poll.`);
            }
            return lines.length;
        }
        catch (error) {
            if (!(error instanceof LogsUnavailableError))
                throw error;
            this.on = false;
            if (this.streamLogs)
                core/* warning */.$e(error.message, { title: 'stream-logs' });
            else
                core/* info */.pq(error.message);
            return 0;
        }
    }
    /** The last lines: read until a read brings nothing new (one quick read when the runner is about to stop the step). */
    async readTail(clock, pauseMs, abort) {
        for (let read = 0; read < (abort.aborted ? 1 : TAIL_READS); read++) {
            if (read > 0)
                await clock.sleep(Math.min(pauseMs, TAIL_PAUSE_MS), abort);
            if ((await this.read()) === 0 && read > 0)
                break;
        }
    }
}


/***/ }),

/***/ 8813:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ TERMINAL_STATUSES),
/* harmony export */   az: () => (/* binding */ ACTIVE_STATUSES),
/* harmony export */   fq: () => (/* binding */ JobProgress),
/* harmony export */   iE: () => (/* binding */ stamp)
/* harmony export */ });
const TERMINAL_STATUSES = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
/** A job in these may still cost money: it is what cancelling is for. */
const ACTIVE_STATUSES = new Set(['QUEUED', 'RUNNING']);
/** `2025-01-02T03:04:05Z`: seconds are enough for a job that runs minutes to hours. */
function stamp(time) {
    return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
class JobProgress {
    status;
    seenEvents = new Set();
    queuePosition;
    update(job, now) {
        const lines = [];
        const status = job.status ?? 'UNKNOWN';
        if (status !== this.status) {
            // The job's own times where Braket records them; else when the change was seen.
            const at = (status === 'QUEUED' && job.createdAt) ||
                (status === 'RUNNING' && job.startedAt) ||
                (TERMINAL_STATUSES.has(status) && job.endedAt) ||
                now;
            const text = this.status === undefined ? `${stamp(at)}  ${status}` : `${stamp(at)}  ${this.status} → ${status}`;
            lines.push({ kind: 'transition', from: this.status, to: status, text });
            this.status = status;
        }
        const events = [...(job.events ?? [])].sort((a, b) => (a.timeOfEvent?.getTime() ?? 0) - (b.timeOfEvent?.getTime() ?? 0));
        for (const event of events) {
            const key = `${event.eventType}|${event.timeOfEvent?.getTime() ?? ''}|${event.message ?? ''}`;
            if (this.seenEvents.has(key))
                continue;
            this.seenEvents.add(key);
            const when = event.timeOfEvent ? stamp(event.timeOfEvent) : stamp(now);
            lines.push({ kind: 'event', text: `${when}  event ${event.eventType ?? 'UNKNOWN'}${event.message ? `: ${event.message}` : ''}` });
        }
        // Braket answers position 'None' outside QUEUED; only a real position is news.
        const position = status === 'QUEUED' ? job.queueInfo?.position : undefined;
        if (position !== undefined && position !== 'None' && position !== this.queuePosition) {
            lines.push({
                kind: 'queue',
                text: `${stamp(now)}  position ${position} in the ` +
                    `${job.queueInfo?.queue ?? 'JOBS_QUEUE'}${job.queueInfo?.message ? ` (${job.queueInfo.message})` : ''}`
            });
        }
        this.queuePosition = position;
        return lines;
    }
}


/***/ }),

/***/ 7575:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ PollSchedule),
/* harmony export */   YG: () => (/* binding */ pollIntervals)
/* harmony export */ });
/* unused harmony export DEFAULT_INTERVALS */
// How often the follower asks: quick at first (a short job ends soon), then settling,
// so a six-hour job costs a few hundred GetJob calls, not thousands.
const DEFAULT_INTERVALS = { initialMs: 5_000, maxMs: 30_000 };
const GROWTH = 1.5;
/**
 * BRAKET_ACTION_POLL_INTERVAL_MS="initial,max" (or "initial"): meant for the local
 * stand-in, whose scripted jobs last milliseconds. It only ever lowers the intervals,
 * so it can't make a real workflow notice a job's end later than documented.
 */
function pollIntervals(env, defaults = DEFAULT_INTERVALS) {
    const raw = env.BRAKET_ACTION_POLL_INTERVAL_MS?.trim();
    if (!raw)
        return defaults;
    const [initial, max] = raw.split(',').map((part) => Number(part.trim()));
    if (initial === undefined || !Number.isFinite(initial) || initial <= 0)
        return defaults;
    const initialMs = Math.min(defaults.initialMs, initial);
    const maxMs = Math.max(initialMs, Math.min(defaults.maxMs, max !== undefined && Number.isFinite(max) && max > 0 ? max : defaults.maxMs));
    return { initialMs, maxMs };
}
/** Delays that grow ×1.5 from the initial interval up to the maximum; reset() starts over (on a status change). */
class PollSchedule {
    intervals;
    current;
    constructor(intervals) {
        this.intervals = intervals;
        this.current = intervals.initialMs;
    }
    /** The next delay, at most `capMs` (e.g. tighter while log lines are streaming). */
    next(capMs = this.intervals.maxMs) {
        const delay = Math.min(this.current, capMs, this.intervals.maxMs);
        this.current = Math.min(this.intervals.maxMs, Math.round(this.current * GROWTH));
        return delay;
    }
    reset() {
        this.current = this.intervals.initialMs;
    }
}


/***/ })

};
