export const id = 899;
export const ids = [899];
export const modules = {

/***/ 7730:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GC: () => (/* binding */ describeCall),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   Id: () => (/* binding */ awsCallError),
/* harmony export */   NQ: () => (/* binding */ isNetworkFailure),
/* harmony export */   Wz: () => (/* binding */ RERUN_IS_SAFE),
/* harmony export */   Yi: () => (/* binding */ AWS_HEALTH_DASHBOARD),
/* harmony export */   iQ: () => (/* binding */ AwsCallError),
/* harmony export */   oP: () => (/* binding */ nameFailedCalls),
/* harmony export */   uF: () => (/* binding */ awsCall),
/* harmony export */   zL: () => (/* binding */ callFailure)
/* harmony export */ });
/* unused harmony exports adviceFor, failedOperation */
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3609);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8983);
/* harmony import */ var _common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2892);
// Every AWS call the action makes fails the same way: saying which call failed
// (service, operation, and what it was about), after how many attempts, with
// AWS's request id to quote to AWS Support, and what to do about it.



/** A failed AWS call, its message written for the step log. `cause` is what the SDK threw. */
class AwsCallError extends _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    call;
    failure;
    constructor(call, failure, message, options) {
        super(message, options);
        this.call = call;
        this.failure = failure;
    }
    /** The call and how it failed, without the advice: for a warning about a call that is tried again later. */
    get summary() {
        return `${describeCall(this.call)} ${describeFailure(this.failure)}`;
    }
}
const AWS_HEALTH_DASHBOARD = 'https://health.aws.amazon.com/health/status';
const RERUN_IS_SAFE = 'Re-running the step is safe: uploads are content-addressed, and the same clientToken gives back the same job instead of creating ' +
    'a second one.';
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENOTFOUND',
    'EHOSTUNREACH'
]);
const NETWORK_TEXT = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|socket hang up|TimeoutError/;
const CREDENTIAL_CODES = new Set([
    'ExpiredToken',
    'ExpiredTokenException',
    'InvalidClientTokenId',
    'InvalidAccessKeyId',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
    'CredentialsProviderError'
]);
/** What the SDK calls an error whose answer had no body to name it (S3's HEAD requests). */
const UNNAMED = new Set(['Unknown', 'UnknownError']);
const DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'Forbidden', 'AllAccessDisabled']);
/** No answer at all: a reset or refused connection, a timeout, a name that did not resolve. */
function isNetworkFailure(error) {
    const code = error?.code;
    if (typeof code === 'string' && NETWORK_CODES.has(code))
        return true;
    return NETWORK_TEXT.test(`${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error)}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
}
function kindOf(error, code, status) {
    if (CREDENTIAL_CODES.has(code))
        return 'credentials';
    if (DENIED_CODES.has(code) || status === 403)
        return 'denied';
    const sdkError = error;
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__.isThrottlingError)(sdkError))
        return 'throttled';
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__.isServerError)(sdkError) || (status !== undefined && status >= 500))
        return 'server';
    if (isNetworkFailure(error) || (status === undefined && (0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__.isTransientError)(sdkError)))
        return 'network';
    return 'rejected';
}
/** What the SDK's error tells about a failed call. */
function callFailure(error) {
    const metadata = error?.$metadata ?? {};
    const status = metadata.httpStatusCode;
    const systemCode = error?.code;
    const name = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error);
    const code = (0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(name === 'Error' && typeof systemCode === 'string' ? systemCode : name, 100);
    // S3 answers HEAD requests without a body: the SDK then says only "UnknownError".
    const raw = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
    const message = raw === 'UnknownError' || raw === '' ? (status ? `HTTP ${status}` : '') : raw;
    return {
        kind: kindOf(error, code, status),
        code,
        message: (0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(message, 300),
        ...(status !== undefined ? { status } : {}),
        ...(metadata.attempts !== undefined ? { attempts: metadata.attempts } : {}),
        ...(metadata.requestId ? { requestId: (0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(metadata.requestId, 200) } : {}),
        ...(metadata.extendedRequestId ? { extendedRequestId: (0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(metadata.extendedRequestId, 200) } : {})
    };
}
/** `S3 HeadBucket (bucket amazon-braket-…)`. */
function describeCall(call) {
    return `${call.service} ${call.operation}${call.target ? ` (${call.target})` : ''}`;
}
/** `failed after 6 attempts: SlowDown: Please reduce your request rate (request id …)`. */
function describeFailure(failure) {
    const tries = failure.attempts ? ` after ${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}` : '';
    const ids = [
        failure.requestId ? `request id ${failure.requestId}` : '',
        failure.extendedRequestId ? `extended request id ${failure.extendedRequestId}` : ''
    ].filter((id) => id !== '');
    const text = !failure.message || failure.message === failure.code
        ? failure.code
        : UNNAMED.has(failure.code)
            ? failure.message
            : `${failure.code}: ${failure.message}`;
    return `failed${tries}: ${text}${ids.length > 0 ? ` (${ids.join(', ')})` : ''}`;
}
/** What to do, by what went wrong. */
function adviceFor(call, failure) {
    switch (failure.kind) {
        case 'throttled':
            return `AWS throttled it through every retry: re-run the step in a few minutes. ${RERUN_IS_SAFE}`;
        case 'server':
            return (`${call.service} answered with a server error every time: re-run the step. ${RERUN_IS_SAFE} If it keeps failing, look for ` +
                `${call.service} in your region on the AWS Health Dashboard (${AWS_HEALTH_DASHBOARD}).`);
        case 'network':
            return `The connection to ${call.service} failed every time (the runner's network, proxy or DNS): re-run the step. ${RERUN_IS_SAFE}`;
        case 'denied':
            return call.permission
                ? `Allow ${call.permission}${call.target ? ` on ${call.target}` : ''} in the policy of the role the step uses (the README lists ` +
                    `the policy the action needs).`
                : `The role the step uses may not make this call: add it to the role's policy (the README lists the policy the action needs).`;
        case 'credentials':
            return (`AWS did not accept the credentials (expired, revoked or not this account's): re-run the step for fresh ones, or check the ` +
                `credentials an earlier step configured.`);
        case 'rejected':
            return 'AWS refused the request as it was; its message above says what it did not accept.';
    }
}
/** The error to throw for a failed call. An error the action already explained passes through unchanged. */
function awsCallError(call, error, options = {}) {
    if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ)
        return error;
    const failure = callFailure(error);
    if (options.attempts !== undefined)
        failure.attempts = options.attempts;
    // lib-storage's Upload makes several calls; the one that failed is named on its error.
    const operation = failedOperation(error) ?? call.operation;
    const named = { ...call, operation };
    const message = `${describeCall(named)} ${describeFailure(failure)}. ${options.advice ?? adviceFor(named, failure)}`;
    return new AwsCallError(named, failure, message, { cause: error });
}
/**
 * Sends one call; a failure becomes an AwsCallError. `advise` may give advice of
 * its own for a failure it recognises.
 */
async function awsCall(call, send, advise) {
    try {
        return await send();
    }
    catch (error) {
        const advice = advise?.(callFailure(error));
        throw awsCallError(call, error, advice ? { advice } : {});
    }
}
const OPERATION_KEY = '$failedOperation';
/** The operation an SDK error came from, when the client carries the `nameFailedCalls` middleware. */
function failedOperation(error) {
    const value = typeof error === 'object' && error !== null ? error[OPERATION_KEY] : undefined;
    return typeof value === 'string' ? value : undefined;
}
/**
 * A client middleware that writes the failed operation's name on the error, outside
 * the SDK's retries (so the error is the final one): calls made on the action's
 * behalf, such as lib-storage's UploadPart, can then be named too.
 */
function nameFailedCalls() {
    return {
        applyToStack(stack) {
            stack.add((next, context) => async (args) => {
                try {
                    return await next(args);
                }
                catch (error) {
                    const operation = context.commandName?.replace(/Command$/, '');
                    if (operation && typeof error === 'object' && error !== null && failedOperation(error) === undefined)
                        Object.defineProperty(error, OPERATION_KEY, { value: operation, enumerable: false });
                    throw error;
                }
            }, { step: 'initialize', name: 'nameFailedCalls', override: true });
        }
    };
}


/***/ }),

/***/ 5968:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ objectExists),
/* harmony export */   he: () => (/* binding */ ensureBucket)
/* harmony export */ });
/* unused harmony exports StagingError, s3Uri */
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3711);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _report_log_layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1398);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8983);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7730);
// The bucket the job's source and input data are staged in, and whether an
// object is already there (uploads live in src/upload/). Every call names the
// expected bucket owner, so another account's bucket is never written to.





class StagingError extends _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ {
}
function statusOf(error) {
    return error?.$metadata?.httpStatusCode;
}
function s3Uri(bucket, key) {
    return `s3://${bucket}/${key}`;
}
function otherAccountAdvice(target) {
    return (`Bucket ${target.bucket} is not writable by account ${target.accountId}: it belongs to another account, or the role lacks ` +
        `s3:ListBucket on it. Set s3-bucket to a bucket of account ${target.accountId}.`);
}
/** The staging bucket exists and is this account's: checked, and the default one created on first use. */
async function ensureBucket(s3, target) {
    const head = { service: 'S3', operation: 'HeadBucket', target: `bucket ${target.bucket}`, permission: 's3:ListBucket' };
    try {
        await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .HeadBucketCommand */ .kuI({ Bucket: target.bucket, ExpectedBucketOwner: target.accountId }));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`Bucket ${target.bucket} exists and belongs to account ${target.accountId}.`);
        return;
    }
    catch (error) {
        const status = statusOf(error);
        if (status === 403)
            throw (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_3__/* .awsCallError */ .Id)(head, error, { advice: otherAccountAdvice(target) });
        if (status !== 404)
            throw (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_3__/* .awsCallError */ .Id)(head, error);
    }
    if (!target.createIfMissing)
        throw new StagingError(`Bucket ${target.bucket} (input s3-bucket) does not exist in account ${target.accountId} (S3 HeadBucket: 404). Create it, or ` +
            `leave s3-bucket empty to use amazon-braket-${target.region}-${target.accountId}.`);
    await createBucket(s3, target);
}
/**
 * Creates the default bucket. Legs of a matrix starting together all find it missing
 * and all create it: S3 answers all but the first with BucketAlreadyOwnedByYou, as it
 * answers a create retried after its response was lost. Both mean the bucket is ours.
 */
async function createBucket(s3, target) {
    const create = { service: 'S3', operation: 'CreateBucket', target: `bucket ${target.bucket}`, permission: 's3:CreateBucket' };
    (0,_report_log_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .logRow */ .O)('bucket', `${target.bucket} did not exist: creating it in ${target.region}`);
    try {
        await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .CreateBucketCommand */ .cZX({
            Bucket: target.bucket,
            ...(target.region === 'us-east-1'
                ? {}
                : { CreateBucketConfiguration: { LocationConstraint: target.region } })
        }));
    }
    catch (error) {
        const code = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error);
        if (code === 'BucketAlreadyOwnedByYou') {
            (0,_report_log_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .logRow */ .O)('bucket', `${target.bucket} is this account's already (created meanwhile by another run, or by a retried request)`);
            return;
        }
        // Bucket names are global: someone else holds this one.
        if (code === 'BucketAlreadyExists')
            throw (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_3__/* .awsCallError */ .Id)(create, error, { advice: otherAccountAdvice(target) });
        throw (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_3__/* .awsCallError */ .Id)(create, error);
    }
}
/** True when the object is already there (same key = same content). */
async function objectExists(s3, target, key) {
    try {
        await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .HeadObjectCommand */ .l81({ Bucket: target.bucket, Key: key, ExpectedBucketOwner: target.accountId }));
        return true;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return false;
        const call = { service: 'S3', operation: 'HeadObject', target: s3Uri(target.bucket, key), permission: 's3:GetObject' };
        throw (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_3__/* .awsCallError */ .Id)(call, error);
    }
}


/***/ }),

/***/ 103:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ partBytesFor)
/* harmony export */ });
/* unused harmony exports MIN_PART_BYTES, MAX_PARTS */
// S3's multipart limits, from S3's documentation (they are service limits, not
// constraints of the API model): parts of at least 5 MiB (but the last), at most
// 10,000 parts per upload.
const MiB = 1024 ** 2;
const MIN_PART_BYTES = 5 * MiB;
const MAX_PARTS = 10_000;
/** Bytes per part for `size` bytes: `wanted`, S3's minimum or larger, raised so the parts stay within 10,000. */
function partBytesFor(size, wanted = MIN_PART_BYTES) {
    return Math.max(MIN_PART_BYTES, wanted, Math.ceil(size / MAX_PARTS));
}


/***/ }),

/***/ 9899:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  stageFile: () => (/* binding */ stageFile),
  g: () => (/* binding */ stageSource)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./.build/archive/bounded-pipeline.js
var bounded_pipeline = __webpack_require__(2285);
// EXTERNAL MODULE: ./.build/archive/package-source.js + 7 modules
var package_source = __webpack_require__(9106);
// EXTERNAL MODULE: ./.build/aws/s3-staging.js
var s3_staging = __webpack_require__(5968);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./.build/common/errors.js
var errors = __webpack_require__(8983);
// EXTERNAL MODULE: ./.build/upload/s3-part-limits.js
var s3_part_limits = __webpack_require__(103);
// EXTERNAL MODULE: ./.build/aws/aws-call.js
var aws_call = __webpack_require__(7730);
;// CONCATENATED MODULE: ./.build/upload/upload-error.js
// A failed S3 call of the upload path, named as every failed AWS call is (src/aws/aws-call.ts),
// with the IAM action each call needs: what a denial asks the user to grant.


/** The upload went wrong in a way that is not one failed call (e.g. S3 answered without an upload id). */
class UploadError extends errors/* ActionError */.lZ {
}
const PERMISSION = {
    PutObject: 's3:PutObject',
    CreateMultipartUpload: 's3:PutObject',
    UploadPart: 's3:PutObject',
    CompleteMultipartUpload: 's3:PutObject',
    AbortMultipartUpload: 's3:AbortMultipartUpload',
    ListMultipartUploads: 's3:ListBucketMultipartUploads',
    HeadObject: 's3:GetObject'
};
function failedCall(operation, bucket, key, error) {
    const call = {
        service: 'S3',
        operation,
        target: `s3://${bucket}/${key}`,
        permission: PERMISSION[operation] ?? `s3:${operation}`
    };
    return (0,aws_call/* awsCallError */.Id)(call, error);
}
/** Whether a failure is one the upload knows (a named call, or its own): then the object may be complete all the same. */
function isUploadFailure(error) {
    return error instanceof aws_call/* AwsCallError */.iQ || error instanceof UploadError;
}

;// CONCATENATED MODULE: ./.build/upload/multipart-upload.js
// Streams bytes of unknown length into one S3 object: parts are uploaded while
// later bytes are still being produced, with a bounded number of parts in
// memory; a body shorter than one part is a single PutObject.
//
// Written on the S3 calls rather than with @aws-sdk/lib-storage's Upload,
// because of how that behaves under faults (measured by injecting each fault
// on each call): a CreateMultipartUpload whose response is lost is retried by
// the SDK and the first upload is left open for good (storage billed, never
// visible); a CompleteMultipartUpload whose response is lost fails the upload
// although the object is complete; and its errors do not say which call
// failed. Here, on any failure the upload is aborted, uploads of the same key
// that this run started (or that are long stale) are listed and aborted too,
// and the object is looked at with HeadObject before giving up.






const DEFAULT_PARTS_IN_FLIGHT = 2;
/** An upload of this key started this long before ours is another live uploader's, unless older than STALE_AFTER_MS. */
const CLOCK_SLACK_MS = 5 * 60_000;
const STALE_AFTER_MS = 60 * 60_000;
async function uploadStream(s3, target, key, body, options) {
    return new StreamUpload(s3, target, key, options).run(body);
}
class StreamUpload {
    s3;
    target;
    key;
    options;
    uploadId;
    startedAt = Date.now();
    completed = [];
    inFlight = new Set();
    /** Part buffers whose upload has ended, for the next parts. */
    spare = [];
    partFailure;
    createAttempted = false;
    partBytes;
    partsInFlight;
    constructor(s3, target, key, options) {
        this.s3 = s3;
        this.target = target;
        this.key = key;
        this.options = options;
        // The smallest parts S3 takes: memory is (partsInFlight + 1) parts, and parts in flight keep the connection busy.
        this.partBytes = options.partBytes ?? (0,s3_part_limits/* partBytesFor */.AA)(options.sizeBound ?? 0);
        this.partsInFlight = options.partsInFlight ?? DEFAULT_PARTS_IN_FLIGHT;
    }
    async run(body) {
        let bytes = 0;
        let parts = 0;
        try {
            for await (const part of (0,bounded_pipeline/* fixedSizeBlocks */.q3)(body, this.partBytes, this.spare)) {
                bytes += part.length;
                // A first part shorter than a part is the whole body.
                if (part.length < this.partBytes && parts === 0)
                    return await this.putWhole(part);
                this.uploadId ??= await this.create();
                this.startPart(++parts, part);
                while (this.inFlight.size >= this.partsInFlight)
                    await Promise.race(this.inFlight);
                if (this.partFailure)
                    throw this.partFailure.error;
            }
            // An empty body is still an object (an empty file is a valid source).
            if (parts === 0)
                return await this.putWhole(Buffer.alloc(0));
            await Promise.all(this.inFlight);
            if (this.partFailure)
                throw this.partFailure.error;
            await this.complete();
        }
        catch (error) {
            return this.recover(error, bytes, parts);
        }
        // Done: any other upload of this key is redundant now (a lost CreateMultipartUpload response's, a crashed run's).
        return { bytes, parts, ...(await this.abortLeftovers(() => true, false)) };
    }
    /** After a failure: the object may be complete all the same (lost Complete response, or another run's upload). */
    async recover(error, bytes, parts) {
        await Promise.all(this.inFlight);
        const complete = isUploadFailure(error) && (await (0,s3_staging/* objectExists */.EK)(this.s3, this.target, this.key).catch(() => false));
        const cleanup = await this.abortLeftovers((initiated) => complete || this.startedByThisRun(initiated), !complete);
        if (complete)
            return { bytes, parts, ...cleanup };
        if (cleanup.cleanupProblem)
            throw new UploadError(`${errorMessageOf(error)} ${cleanup.cleanupProblem}`, { cause: error });
        throw error;
    }
    async putWhole(body) {
        await this.call('PutObject', () => this.s3.send(new dist_cjs/* PutObjectCommand */.wKZ({ ...this.objectParams(), Body: body })));
        return { bytes: body.length, parts: 0, abortedLeftovers: 0 };
    }
    objectParams() {
        return {
            Bucket: this.target.bucket,
            Key: this.key,
            ContentType: this.options.contentType,
            ExpectedBucketOwner: this.target.accountId,
            ...(this.target.kmsKeyId ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.target.kmsKeyId } : {})
        };
    }
    async create() {
        this.createAttempted = true;
        const created = await this.call('CreateMultipartUpload', () => this.s3.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({ ...this.objectParams(), ChecksumAlgorithm: 'CRC32' })));
        if (!created.UploadId)
            throw new UploadError(`S3 CreateMultipartUpload on s3://${this.target.bucket}/${this.key} returned no UploadId.`);
        return created.UploadId;
    }
    startPart(partNumber, data) {
        const job = this.call('UploadPart', () => this.s3.send(new dist_cjs/* UploadPartCommand */.iVK({
            Bucket: this.target.bucket,
            Key: this.key,
            UploadId: this.uploadId,
            PartNumber: partNumber,
            Body: data,
            ContentLength: data.length,
            ChecksumAlgorithm: 'CRC32',
            ExpectedBucketOwner: this.target.accountId
        }))).then((uploaded) => void this.completed.push({ PartNumber: partNumber, ETag: uploaded.ETag, ChecksumCRC32: uploaded.ChecksumCRC32 }), (error) => void (this.partFailure ??= { error }));
        const tracked = job.finally(() => {
            this.inFlight.delete(tracked);
            if (data.length === this.partBytes)
                this.spare.push(data);
        });
        this.inFlight.add(tracked);
    }
    async complete() {
        const parts = [...this.completed].sort((a, b) => a.PartNumber - b.PartNumber);
        await this.call('CompleteMultipartUpload', () => this.s3.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({
            Bucket: this.target.bucket,
            Key: this.key,
            UploadId: this.uploadId,
            MultipartUpload: { Parts: parts },
            ExpectedBucketOwner: this.target.accountId
        })));
    }
    startedByThisRun(initiated) {
        const at = initiated?.getTime() ?? 0;
        return at >= this.startedAt - CLOCK_SLACK_MS || at < Date.now() - STALE_AFTER_MS;
    }
    /**
     * Aborts this run's own upload (when `includeOwn`) and the uploads of this
     * key that `pick` chooses. Listing finds the uploads whose
     * CreateMultipartUpload response never arrived, whose ids nobody knows.
     */
    async abortLeftovers(pick, includeOwn) {
        if (!this.createAttempted)
            return { abortedLeftovers: 0 };
        const own = this.uploadId;
        const ids = new Set(includeOwn && own ? [own] : []);
        const problems = [];
        try {
            for (const upload of await this.listUploads())
                if (upload.uploadId !== own && pick(upload.initiated))
                    ids.add(upload.uploadId);
        }
        catch (error) {
            problems.push(`Uploads of this key left open could not be listed: ${errorMessageOf(error)}`);
        }
        let aborted = 0;
        for (const uploadId of ids) {
            const problem = await this.abort(uploadId);
            if (problem)
                problems.push(problem);
            else if (uploadId !== own)
                aborted++;
        }
        return { abortedLeftovers: aborted, ...(problems.length ? { cleanupProblem: problems.join(' ') } : {}) };
    }
    async abort(uploadId) {
        try {
            await this.call('AbortMultipartUpload', () => this.s3.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({
                Bucket: this.target.bucket,
                Key: this.key,
                UploadId: uploadId,
                ExpectedBucketOwner: this.target.accountId
            })));
            return undefined;
        }
        catch (error) {
            // Already gone (completed, or aborted by a retried request whose answer was lost): nothing is left open.
            if ((0,errors/* errorName */.Is)(error.cause) === 'NoSuchUpload')
                return undefined;
            return (`${errorMessageOf(error)} The upload ${uploadId} is still open: abort it with ` +
                `"aws s3api abort-multipart-upload --bucket ${this.target.bucket} --key ${this.key} --upload-id ${uploadId}", ` +
                'or let a lifecycle rule with AbortIncompleteMultipartUpload remove it.');
        }
    }
    async listUploads() {
        const found = [];
        let keyMarker;
        let uploadIdMarker;
        for (;;) {
            const page = await this.call('ListMultipartUploads', () => this.s3.send(new dist_cjs/* ListMultipartUploadsCommand */.mo2({
                Bucket: this.target.bucket,
                Prefix: this.key,
                KeyMarker: keyMarker,
                UploadIdMarker: uploadIdMarker,
                ExpectedBucketOwner: this.target.accountId
            })));
            for (const upload of page.Uploads ?? [])
                if (upload.Key === this.key && upload.UploadId)
                    found.push({ uploadId: upload.UploadId, initiated: upload.Initiated });
            if (!page.IsTruncated)
                return found;
            keyMarker = page.NextKeyMarker;
            uploadIdMarker = page.NextUploadIdMarker;
        }
    }
    async call(operation, send) {
        try {
            return await send();
        }
        catch (error) {
            throw failedCall(operation, this.target.bucket, this.key, error);
        }
    }
}
function errorMessageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./.build/upload/stage-object.js






/** HeadObject the source's key; only when it is missing is the archive made, streaming into the upload. */
async function stageSource(s3, target, key, source, gzip = {}) {
    return stageObject(s3, target, key, () => (0,package_source/* archiveStream */.l2)(source, gzip), {
        contentType: (0,package_source/* contentType */.IM)(source),
        sizeBound: (0,package_source/* archiveSizeBound */.iY)(source)
    });
}
/** A local file (input data), uploaded unless its content-addressed key already holds it. */
async function stageFile(s3, target, key, path, type) {
    return stageObject(s3, target, key, () => fileChunks(path), { contentType: type, sizeBound: (await (0,promises_.stat)(path)).size });
}
/** The file's bytes, each read handed over to the upload (which frees it once copied into a part). */
async function* fileChunks(path) {
    // Every chunk of an fs read stream is a buffer of its own.
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        yield (0,bounded_pipeline/* handOver */.Cl)(chunk);
}
async function stageObject(s3, target, key, body, options) {
    // objectExists names its own failure (S3 HeadObject, the key, what to do).
    if (await (0,s3_staging/* objectExists */.EK)(s3, target, key))
        return { state: 'already-there' };
    return { state: 'uploaded', ...(await uploadStream(s3, target, key, body(), options)) };
}


/***/ })

};
