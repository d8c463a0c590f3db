export const id = 441;
export const ids = [441];
export const modules = {

/***/ 441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CheckpointSeeding: () => (/* reexport */ CheckpointSeeding),
  beginExperiment: () => (/* reexport */ beginExperiment),
  braketClient: () => (/* reexport */ clients/* braketClient */.JD),
  checkDevice: () => (/* reexport */ braket_submission/* checkDevice */.Jw),
  currentRun: () => (/* reexport */ run_reference/* currentRun */.x),
  ensureBucket: () => (/* reexport */ ensureBucket),
  estimateCost: () => (/* reexport */ cost_phase/* estimateCost */.a3),
  followIfAsked: () => (/* reexport */ follow_job/* followIfAsked */.X),
  openAwsSession: () => (/* reexport */ aws_session/* openAwsSession */.a),
  rememberJobForPost: () => (/* reexport */ follow_state/* rememberJobForPost */.eF),
  s3Client: () => (/* reexport */ clients/* s3Client */.oD),
  stageFile: () => (/* reexport */ stageFile),
  stageSource: () => (/* reexport */ stageSource),
  submitExactlyOnce: () => (/* reexport */ submitExactlyOnce),
  submittedTarget: () => (/* reexport */ follow_target/* submittedTarget */.p),
  warnStatusUnread: () => (/* reexport */ warnStatusUnread)
});

// EXTERNAL MODULE: ./.build/aws/aws-session.js + 1 modules
var aws_session = __webpack_require__(3834);
// EXTERNAL MODULE: ./.build/aws/braket-submission.js
var braket_submission = __webpack_require__(6448);
// EXTERNAL MODULE: ./.build/aws/clients.js + 1 modules
var clients = __webpack_require__(8498);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./.build/report/log-layout.js
var log_layout = __webpack_require__(1398);
// EXTERNAL MODULE: ./.build/common/errors.js
var errors = __webpack_require__(8983);
// EXTERNAL MODULE: ./.build/aws/aws-call.js
var aws_call = __webpack_require__(7730);
;// CONCATENATED MODULE: ./.build/aws/s3-staging.js
// The bucket the job's source and input data are staged in, and whether an
// object is already there (uploads live in src/upload/). Every call names the
// expected bucket owner, so another account's bucket is never written to.





class StagingError extends errors/* ActionError */.lZ {
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
        await s3.send(new dist_cjs/* HeadBucketCommand */.kuI({ Bucket: target.bucket, ExpectedBucketOwner: target.accountId }));
        core/* debug */.Yz(`Bucket ${target.bucket} exists and belongs to account ${target.accountId}.`);
        return;
    }
    catch (error) {
        const status = statusOf(error);
        if (status === 403)
            throw (0,aws_call/* awsCallError */.Id)(head, error, { advice: otherAccountAdvice(target) });
        if (status !== 404)
            throw (0,aws_call/* awsCallError */.Id)(head, error);
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
    (0,log_layout/* logRow */.O)('bucket', `${target.bucket} did not exist: creating it in ${target.region}`);
    try {
        await s3.send(new dist_cjs/* CreateBucketCommand */.cZX({
            Bucket: target.bucket,
            ...(target.region === 'us-east-1'
                ? {}
                : { CreateBucketConfiguration: { LocationConstraint: target.region } })
        }));
    }
    catch (error) {
        const code = (0,errors/* errorName */.Is)(error);
        if (code === 'BucketAlreadyOwnedByYou') {
            (0,log_layout/* logRow */.O)('bucket', `${target.bucket} is this account's already (created meanwhile by another run, or by a retried request)`);
            return;
        }
        // Bucket names are global: someone else holds this one.
        if (code === 'BucketAlreadyExists')
            throw (0,aws_call/* awsCallError */.Id)(create, error, { advice: otherAccountAdvice(target) });
        throw (0,aws_call/* awsCallError */.Id)(create, error);
    }
}
/** True when the object is already there (same key = same content). */
async function objectExists(s3, target, key) {
    try {
        await s3.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: target.bucket, Key: key, ExpectedBucketOwner: target.accountId }));
        return true;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return false;
        const call = { service: 'S3', operation: 'HeadObject', target: s3Uri(target.bucket, key), permission: 's3:GetObject' };
        throw (0,aws_call/* awsCallError */.Id)(call, error);
    }
}

// EXTERNAL MODULE: ./.build/common/untrusted.js
var untrusted = __webpack_require__(2892);
;// CONCATENATED MODULE: ./.build/aws/submit-exactly-once.js
// Creates the job once per run and step. A retried or re-run step sends the same
// clientToken and gets the same job back; a re-run whose earlier job FAILED or was
// CANCELLED moves on to a token of its own attempt, because re-runs exist to retry
// failures.




async function submitExactlyOnce(braket, planFor, runAttempt, explicitToken, 
/** Called as soon as CreateJob answers, before anything else can fail. */
onCreated = () => { }, 
/** Called before each CreateJob, with the earlier attempts' jobs passed over so far (e.g. to seed checkpoints). */
beforeCreate) {
    const lastAttempt = explicitToken ? 1 : runAttempt;
    const passedOver = [];
    for (let attempt = 1;; attempt++) {
        const plan = planFor(attempt);
        await beforeCreate?.(plan, passedOver);
        // The token decides whether CreateJob makes a job or returns one: what to compare when a re-run did the unexpected.
        core/* debug */.Yz(`CreateJob for run attempt ${attempt} of ${lastAttempt}: clientToken ${plan.clientToken}, job name ${plan.jobName}`);
        const jobArn = await (0,braket_submission/* createJob */._S)(braket, plan.request);
        onCreated(jobArn, plan);
        let status;
        try {
            status = (await (0,braket_submission/* describeJob */.hx)(braket, jobArn)).status ?? 'UNKNOWN';
        }
        catch (error) {
            if (attempt < lastAttempt)
                // Without its status this re-run can't tell whether the earlier job is to be reused or retried.
                throw new braket_submission/* SubmissionError */.nx(`Run attempt ${attempt}'s job exists: ${jobArn}; reading its status failed: ${(0,errors/* errorMessage */.gJ)(error)} Without it, this re-run ` +
                    `can't tell whether to reuse that job or submit a fresh one.`, { cause: error });
            return { plan, jobArn, status: 'UNKNOWN', statusError: (0,errors/* errorMessage */.gJ)(error), passedOver };
        }
        if (attempt < lastAttempt && braket_submission/* ENDED_UNSUCCESSFULLY */.Uw.has(status)) {
            core/* info */.pq(`Run attempt ${attempt}'s job ${(0,untrusted/* logText */.kc)(jobArn)} ended ${(0,untrusted/* logText */.kc)(status)}; this re-run (attempt ${runAttempt}) submits a fresh job.`);
            passedOver.push({ jobArn, status, attempt });
            continue;
        }
        return { plan, jobArn, status, passedOver };
    }
}
/**
 * The job was created but its first status could not be read. The job exists and
 * the outputs name it: a step that only submits succeeds, with a warning; a step
 * that waits goes on to follow it (the follower reads the status again).
 */
function warnStatusUnread(submission, wait) {
    if (submission.statusError === undefined)
        return;
    core/* warning */.$e(`Job created: ${submission.jobArn}; reading its status failed: ${submission.statusError}` +
        (wait ? ' Following it all the same.' : ' The job was submitted; its status output is UNKNOWN.'), { title: 'Amazon Braket hybrid job' });
}

// EXTERNAL MODULE: ./.build/attach/read-job.js
var read_job = __webpack_require__(5854);
// EXTERNAL MODULE: ./.build/follow/job-progress.js
var job_progress = __webpack_require__(8813);
// EXTERNAL MODULE: ./.build/inputs/job-arn.js
var job_arn = __webpack_require__(1503);
;// CONCATENATED MODULE: ./.build/upload/s3-part-limits.js
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

;// CONCATENATED MODULE: ./.build/checkpoints/in-parallel.js
// Runs a task for every item with at most `limit` running at once; the first
// failure stops handing out new items and is thrown once the running ones settle.
async function inParallel(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const index = next++;
            try {
                results[index] = await task(items[index]);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure)
        throw failure.error;
    return results;
}

;// CONCATENATED MODULE: ./.build/checkpoints/s3-prefix.js
// An s3:// URI taken as a "directory": its bucket and a key prefix without the
// trailing slash, and the keys below it.
function parseS3Prefix(uri) {
    const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
    return match ? { bucket: match[1], prefix: match[2].replace(/^\/+|\/+$/g, '') } : undefined;
}
/** What ListObjectsV2 is asked for: everything below the prefix, not its siblings (`checkpoints` must not match `checkpoints-old/…`). */
function listPrefix(location) {
    return location.prefix === '' ? '' : `${location.prefix}/`;
}
function keyBelow(location, relativeKey) {
    return `${listPrefix(location)}${relativeKey}`;
}
function showS3Prefix(location) {
    return `s3://${location.bucket}/${listPrefix(location)}`;
}
/** x-amz-copy-source: `bucket/key`, the key's segments URL-encoded. */
function copySource(bucket, key) {
    return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

;// CONCATENATED MODULE: ./.build/checkpoints/copy-object.js
// One object copied server-side to a key that must not exist yet: CopyObject up
// to S3's 5 GiB limit for a single copy, UploadPartCopy above it. Both name the
// expected owner of each bucket, and write with If-None-Match: *, so an object
// already at the destination (copied before, or written by the job since) is kept.





const GiB = 1024 ** 3;
const copy_object_MiB = 1024 ** 2;
const S3_COPY_LIMITS = { singleCopyMaxBytes: 5 * GiB, partBytes: 512 * copy_object_MiB, partsInParallel: 8 };
const copy_object_statusOf = (error) => error?.$metadata?.httpStatusCode;
/** 412: the destination key exists (If-None-Match: *); kept as it is. */
function alreadyThere(error) {
    return copy_object_statusOf(error) === 412 || (0,errors/* errorName */.Is)(error) === 'PreconditionFailed';
}
const encryption = (limits) => limits.kmsKeyId ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: limits.kmsKeyId } : {};
async function copyObject(s3, from, to, limits) {
    if (from.size > limits.singleCopyMaxBytes)
        return copyInParts(s3, from, to, limits);
    try {
        await s3.send(new dist_cjs/* CopyObjectCommand */.s9Z({
            Bucket: to.bucket,
            Key: to.key,
            CopySource: copySource(from.bucket, from.key),
            IfNoneMatch: '*',
            ExpectedBucketOwner: to.owner,
            ExpectedSourceBucketOwner: from.owner,
            ...encryption(limits)
        }));
        return 'copied';
    }
    catch (error) {
        if (alreadyThere(error))
            return 'already-there';
        throw error;
    }
}
/** The byte ranges of the parts, inclusive, as x-amz-copy-source-range wants them. */
function partRanges(size, partBytes) {
    const bytes = partBytesFor(size, partBytes);
    const ranges = [];
    for (let start = 0, partNumber = 1; start < size; start += bytes, partNumber++) {
        ranges.push({ partNumber, range: `bytes=${start}-${Math.min(size, start + bytes) - 1}` });
    }
    return ranges;
}
async function copyInParts(s3, from, to, limits) {
    // A multipart copy does not carry the source's content type and metadata by itself.
    const head = await s3.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: from.bucket, Key: from.key, ExpectedBucketOwner: from.owner }));
    const { UploadId } = await s3.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({
        Bucket: to.bucket,
        Key: to.key,
        ExpectedBucketOwner: to.owner,
        ...(head.ContentType ? { ContentType: head.ContentType } : {}),
        ...(head.Metadata ? { Metadata: head.Metadata } : {}),
        ...encryption(limits)
    }));
    const upload = { Bucket: to.bucket, Key: to.key, UploadId, ExpectedBucketOwner: to.owner };
    const abort = () => s3.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP(upload)).then(() => undefined, () => undefined);
    try {
        const parts = await inParallel(partRanges(from.size, limits.partBytes), limits.partsInParallel, async ({ partNumber, range }) => {
            const answer = await s3.send(new dist_cjs/* UploadPartCopyCommand */.Xp2({
                ...upload,
                PartNumber: partNumber,
                CopySource: copySource(from.bucket, from.key),
                CopySourceRange: range,
                // Every part from the same version of the source.
                CopySourceIfMatch: from.etag || undefined,
                ExpectedSourceBucketOwner: from.owner
            }));
            return { PartNumber: partNumber, ETag: answer.CopyPartResult?.ETag };
        });
        try {
            await s3.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({ ...upload, IfNoneMatch: '*', MultipartUpload: { Parts: parts } }));
            return 'copied';
        }
        catch (error) {
            // Only the destination's If-None-Match can fail Complete with 412 (a part's 412 is the source changing meanwhile).
            if (!alreadyThere(error))
                throw error;
            await abort();
            return 'already-there';
        }
    }
    catch (error) {
        await abort();
        throw error;
    }
}

;// CONCATENATED MODULE: ./.build/checkpoints/object-listing.js
// Every object below a prefix, page by page (ListObjectsV2), with its owner checked.


async function listBelow(s3, location, owner) {
    const prefix = listPrefix(location);
    const objects = [];
    let ContinuationToken;
    do {
        const page = await s3.send(new dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: location.bucket, Prefix: prefix, ExpectedBucketOwner: owner, ContinuationToken }));
        for (const object of page.Contents ?? []) {
            if (!object.Key || object.Key.length <= prefix.length)
                continue;
            objects.push({
                relativeKey: object.Key.slice(prefix.length),
                size: object.Size ?? 0,
                etag: object.ETag ?? '',
                ...(object.LastModified ? { lastModified: object.LastModified } : {})
            });
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return objects;
}

;// CONCATENATED MODULE: ./.build/checkpoints/copy-prefix.js





const OBJECTS_IN_PARALLEL = 16;
async function copyPrefix(from, to, limits = S3_COPY_LIMITS) {
    const sources = await listed(from, 'the checkpoints to copy');
    const present = new Set((await listed(to, 'the new job’s checkpoint location')).map((o) => o.relativeKey));
    const missing = sources.filter((object) => !present.has(object.relativeKey));
    const outcomes = await inParallel(missing, OBJECTS_IN_PARALLEL, async (object) => {
        const source = { bucket: from.location.bucket, key: keyBelow(from.location, object.relativeKey), owner: from.owner };
        const target = { bucket: to.location.bucket, key: keyBelow(to.location, object.relativeKey), owner: to.owner };
        try {
            return { object, outcome: await copyObject(to.s3, { ...source, size: object.size, etag: object.etag }, target, limits) };
        }
        catch (error) {
            // The middleware names the call that failed (CopyObject, or a part of a multipart copy).
            const call = {
                service: 'S3',
                operation: 'CopyObject',
                target: `s3://${source.bucket}/${source.key} to s3://${target.bucket}/${target.key}`
            };
            throw (0,aws_call/* awsCallError */.Id)(call, error, { advice: copyAdvice((0,aws_call/* callFailure */.zL)(error)) });
        }
    });
    const copied = outcomes.filter((o) => o.outcome === 'copied').map((o) => o.object);
    const newest = sources.reduce((latest, object) => ((object.lastModified?.getTime() ?? 0) >= (latest?.lastModified?.getTime() ?? -1) ? object : latest), undefined);
    return {
        found: sources.length,
        foundBytes: sources.reduce((sum, o) => sum + o.size, 0),
        copied: copied.length,
        copiedBytes: copied.reduce((sum, o) => sum + o.size, 0),
        kept: sources.length - copied.length,
        ...(newest ? { newest } : {})
    };
}
async function listed(end, what) {
    const call = {
        service: 'S3',
        operation: 'ListObjectsV2',
        target: `${what} at ${showS3Prefix(end.location)}`,
        permission: 's3:ListBucket'
    };
    return (0,aws_call/* awsCall */.uF)(call, () => listBelow(end.s3, end.location, end.owner), (failure) => failure.kind === 'denied'
        ? `The bucket must belong to account ${end.owner}, and the role the step uses needs s3:ListBucket on it.`
        : failure.code === 'NoSuchBucket'
            ? 'The bucket does not exist.'
            : undefined);
}
function copyAdvice(failure) {
    switch (failure.kind) {
        case 'denied':
            return ('The role the step uses needs s3:GetObject on the source checkpoints and s3:PutObject on the new job’s checkpoint location, and ' +
                'each bucket must belong to the account expected (the source job’s, and this one).');
        case 'rejected':
            return failure.code === 'PreconditionFailed'
                ? 'The source object changed while it was copied: re-run the step (objects copied so far are kept, not copied again).'
                : undefined;
        default:
            return undefined;
    }
}

// EXTERNAL MODULE: ./.build/report/format.js
var format = __webpack_require__(6141);
;// CONCATENATED MODULE: ./.build/checkpoints/seeding-report.js
// What the step log, the summary and the PR comment say about the checkpoints a
// job started from: which job, which location, its newest checkpoint, and how
// many objects and bytes were copied (or why none were).






const objects = (count) => `${count} object${count === 1 ? '' : 's'}`;
function whose(source) {
    return source.why === 'resume' && source.attempt !== undefined
        ? `run attempt ${source.attempt}'s job ${source.jobName} (${source.status})`
        : `job ${source.jobName} (${source.status})`;
}
function logSeeded({ source, destination, copy }) {
    (0,log_layout/* logHeading */.v)(source.why === 'resume' ? 'Checkpoints (resume)' : 'Checkpoints (copy-checkpoints-from-job)');
    (0,log_layout/* logRow */.O)('from', `${source.checkpoints ? showS3Prefix(source.checkpoints) : '(no checkpoint location)'} of ${(0,untrusted/* logText */.kc)(whose(source))}`);
    (0,log_layout/* logRow */.O)('to', showS3Prefix(destination));
    if (!copy || copy.found === 0) {
        core/* notice */.lm(`No checkpoints to copy: ${(0,untrusted/* logText */.kc)(whose(source))} left none; the new job starts without any.`, { title: source.why });
        return;
    }
    if (copy.copied === 0) {
        (0,log_layout/* logRow */.O)('copied', `nothing: all ${objects(copy.found)} are already there (kept, not overwritten)`);
    }
    else {
        const kept = copy.kept > 0 ? `; ${objects(copy.kept)} already there, kept` : '';
        (0,log_layout/* logRow */.O)('copied', `${objects(copy.copied)} (${(0,format/* formatBytes */.z3)(copy.copiedBytes)}), server-side${kept}`);
    }
    if (copy.newest)
        (0,log_layout/* logRow */.O)('newest', `${(0,untrusted/* logText */.kc)(copy.newest.relativeKey)}${copy.newest.lastModified ? ` (${(0,job_progress/* stamp */.iE)(copy.newest.lastModified)})` : ''}`);
}
/** One line of HTML-safe Markdown: the job's text (names, keys) goes in code spans, escaped. */
function seededNote({ source, destination, copy }) {
    const verb = source.why === 'resume' ? 'Resumed from' : 'Started from the checkpoints of';
    const job = `${source.why === 'resume' && source.attempt !== undefined ? `run attempt ${source.attempt}'s job ` : 'job '}${(0,untrusted/* codeText */.ph)(source.jobName)} (${(0,untrusted/* codeText */.ph)(source.status)})`;
    if (!copy || copy.found === 0)
        return `♻️ ${verb} ${job}: it left no checkpoints, so the job started without any.`;
    const newest = copy.newest
        ? `, newest ${(0,untrusted/* codeText */.ph)(copy.newest.relativeKey)}${copy.newest.lastModified ? ` (${(0,job_progress/* stamp */.iE)(copy.newest.lastModified)})` : ''}`
        : '';
    const copied = copy.copied === 0
        ? `all ${objects(copy.found)} were already in place`
        : `${objects(copy.copied)} (${(0,format/* formatBytes */.z3)(copy.copiedBytes)}) copied${copy.kept > 0 ? `, ${copy.kept} already in place` : ''}`;
    return `♻️ ${verb} ${job}: its checkpoints at ${(0,untrusted/* codeText */.ph)(showS3Prefix(source.checkpoints))}${newest}; ${copied} to ${(0,untrusted/* codeText */.ph)(showS3Prefix(destination))}.`;
}

;// CONCATENATED MODULE: ./.build/checkpoints/checkpoint-seeding.js
// The checkpoints a new job starts from: copy-checkpoints-from-job's job, or with
// resume the previous run attempt's job that FAILED or was CANCELLED. Copied into
// the new job's checkpoint location right before its CreateJob, so the container
// finds them in its checkpoint directory when it starts.









class CheckpointSeeding {
    spec;
    clients;
    given;
    seeded = new Map();
    constructor(spec, clients, 
    /** copy-checkpoints-from-job's job, read before anything is uploaded. */
    given) {
        this.spec = spec;
        this.clients = clients;
        this.given = given;
    }
    /** Undefined when the step seeds nothing. A copy-checkpoints-from-job that names no job fails here, before any upload. */
    static async prepare(spec, clients) {
        if (!spec.copyCheckpointsFromJob && !spec.resume)
            return undefined;
        const seeding = new CheckpointSeeding(spec, clients);
        if (!spec.copyCheckpointsFromJob)
            return seeding;
        return new CheckpointSeeding(spec, clients, await seeding.sourceJob(spec.copyCheckpointsFromJob, 'copy-checkpoints-from-job'));
    }
    /** For submitExactlyOnce: fills the checkpoint location of the job a CreateJob is about to create (or get back). */
    beforeCreate = async (plan, passedOver) => {
        const previous = this.spec.resume && plan.attempt > 1 ? passedOver.find((job) => job.attempt === plan.attempt - 1) : undefined;
        const source = previous ? await this.sourceJob(previous.jobArn, 'resume', previous.attempt) : this.given;
        const destination = parseS3Prefix(plan.request.checkpointConfig?.s3Uri ?? '');
        if (!source || !destination)
            return;
        const seeded = { source, destination };
        if (source.checkpoints)
            seeded.copy = await copyPrefix(...this.ends(source, source.checkpoints, destination), this.limits());
        this.seeded.set(plan.clientToken, seeded);
        logSeeded(seeded);
    };
    /** A line under the report's headline (summary and PR comment): which job and checkpoint the submitted job started from. */
    addNote(report, plan) {
        const seeded = this.seeded.get(plan.clientToken);
        if (seeded)
            report.addNote('checkpoints', seededNote(seeded));
    }
    async sourceJob(jobArn, why, attempt) {
        const parts = (0,job_arn/* parseJobArn */.a)(jobArn);
        const region = parts?.region ?? this.clients.session.region;
        const braket = region === this.clients.session.region ? this.clients.braket : (0,clients/* braketClient */.JD)(this.clients.session, region);
        const job = await (0,read_job/* readJob */.c)(braket, jobArn, region, why === 'resume' ? 'resume' : 'copy-checkpoints-from-job');
        const status = job.status ?? 'UNKNOWN';
        if (job_progress/* ACTIVE_STATUSES */.az.has(status))
            core/* warning */.$e(`Job ${job.jobName ?? jobArn} is still ${status}: its checkpoints may change while they are copied.`, {
                title: 'copy-checkpoints-from-job'
            });
        const checkpoints = parseS3Prefix(job.checkpointConfig?.s3Uri ?? '');
        return {
            jobArn,
            jobName: job.jobName ?? jobArn,
            status,
            region,
            owner: parts?.accountId ?? this.clients.session.accountId,
            why,
            ...(attempt !== undefined ? { attempt } : {}),
            ...(checkpoints ? { checkpoints } : {})
        };
    }
    ends(source, from, to) {
        const { session, s3 } = this.clients;
        const sourceS3 = source.region === session.region ? s3 : (0,clients/* s3Client */.oD)(session, source.region);
        return [
            { s3: sourceS3, location: from, owner: source.owner },
            { s3, location: to, owner: session.accountId }
        ];
    }
    limits() {
        return this.spec.kmsKeyId ? { ...S3_COPY_LIMITS, kmsKeyId: this.spec.kmsKeyId } : S3_COPY_LIMITS;
    }
}

// EXTERNAL MODULE: ./.build/cost/cost-phase.js + 13 modules
var cost_phase = __webpack_require__(1377);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./.build/cost/cost-section.js
var cost_section = __webpack_require__(531);
// EXTERNAL MODULE: ./.build/report/job-report.js
var job_report = __webpack_require__(8397);
// EXTERNAL MODULE: ./.build/common/markdown-table.js
var markdown_table = __webpack_require__(8944);
// EXTERNAL MODULE: ./.build/follow/metric-chart.js
var metric_chart = __webpack_require__(8249);
// EXTERNAL MODULE: ./.build/cost/describe.js
var describe = __webpack_require__(2233);
;// CONCATENATED MODULE: ./.build/experiment/comparison-text.js
// The comparison in words and numbers, shared by the step log and the Markdown. Pure.



const VERDICT_MARKS = {
    improved: '✅',
    regressed: '❌',
    unchanged: '＝',
    'no-goal': '',
    missing: '⚠️'
};
/** A signed number: +0.02, -1.5, 0. */
function signed(value, format = metric_chart/* formatNumber */.ZV) {
    if (value === 0)
        return format(0);
    return value > 0 ? `+${format(value)}` : `-${format(-value)}`;
}
function percentText(percent) {
    if (percent === undefined)
        return '—';
    if (!Number.isFinite(percent))
        return '∞';
    // 9.999999999999998 is 10: float noise from the subtraction, not a difference anyone measured.
    percent = Number(percent.toPrecision(12));
    const rounded = Math.abs(percent) >= 10 ? percent.toFixed(0) : percent.toFixed(1);
    if (Number(rounded) === 0)
        return '0%';
    return `${percent > 0 ? '+' : ''}${rounded}%`;
}
function quantityValue(value, kind) {
    if (value === undefined)
        return '—';
    return kind === 'seconds' ? (0,format/* formatDuration */.a3)(value) : (0,describe/* formatUsd */.UK)(value);
}
function quantityDelta(quantity, kind) {
    if (quantity.delta === undefined)
        return '—';
    const magnitude = quantityValue(Math.abs(quantity.delta), kind);
    return quantity.delta === 0 ? magnitude : `${quantity.delta > 0 ? '+' : '-'}${magnitude}`;
}
/** "energy: -1.1 → -1.15 (-0.05, -4.5%) ✅ improved" for the step log. */
function metricLine(metric) {
    const before = metric.baseline ? (0,metric_chart/* formatNumber */.ZV)(metric.baseline.final) : '—';
    const after = metric.current ? (0,metric_chart/* formatNumber */.ZV)(metric.current.final) : '—';
    const delta = metric.delta !== undefined ? ` (${signed(metric.delta)}, ${percentText(metric.deltaPercent)})` : '';
    const verdict = metric.verdict === 'no-goal' ? '' : ` ${VERDICT_MARKS[metric.verdict]} ${metric.verdict}`;
    return `${metric.name}: ${before} → ${after}${delta}${verdict}`;
}

;// CONCATENATED MODULE: ./.build/experiment/comparison-markdown.js
// The comparison as the step summary and the pull-request comment show it: which
// run it is compared with (linked), a metric table with Δ and verdicts, runtime,
// billable time and cost, the settings that differ, and the regressions that fail
// the step. Everything from a record or the job is neutralised. Pure.




/** A link only to a web page; anything else (a record is someone's file) is shown as text. */
function safeLink(url, text) {
    return /^https:\/\/[^\s"'<>]+$/.test(url) ? `<a href="${(0,untrusted/* escapeHtml */.ZD)(url)}">${text}</a>` : text;
}
function sideText(side) {
    if (!side)
        return '—';
    return side.best !== undefined ? `${(0,metric_chart/* formatNumber */.ZV)(side.final)} (best ${(0,metric_chart/* formatNumber */.ZV)(side.best)})` : (0,metric_chart/* formatNumber */.ZV)(side.final);
}
function metricRow(metric) {
    const mark = VERDICT_MARKS[metric.verdict];
    const delta = metric.delta !== undefined ? signed(metric.delta) : '—';
    const goal = metric.goal ? ` <sub>${metric.goal}</sub>` : '';
    const name = `${(0,untrusted/* markdownText */.p7)(metric.name, 100)}${goal}`;
    return [name, sideText(metric.baseline), sideText(metric.current), `${delta}${mark ? ` ${mark}` : ''}`, percentText(metric.deltaPercent)];
}
function differenceText(difference) {
    const value = (text) => (text === undefined ? '—' : (0,untrusted/* codeText */.ph)(text, 60));
    const name = difference.hyperParameter ? (0,untrusted/* codeText */.ph)(difference.name, 60) : (0,untrusted/* escapeHtml */.ZD)(difference.name);
    return `${name} ${value(difference.baseline)} → ${value(difference.current)}`;
}
function baselineLine(comparison) {
    const { baseline } = comparison;
    return (`Compared with ${(0,untrusted/* codeText */.ph)(baseline.branch, 100)} (${(0,untrusted/* escapeHtml */.ZD)(baseline.why)}): ` +
        `${safeLink(baseline.runUrl, 'its workflow run')} · job ${safeLink(baseline.consoleUrl, (0,untrusted/* codeText */.ph)(baseline.jobName, 100))} · ` +
        `commit ${(0,untrusted/* codeText */.ph)(baseline.sha.slice(0, 7))}.`);
}
const RIGHT = ['left', 'right', 'right', 'right', 'right'];
function metricTable(comparison) {
    if (comparison.metrics.length === 0)
        return '_Neither run logged metrics._';
    return (0,markdown_table/* markdownTable */.Q)(['Metric', 'Baseline', 'This run', 'Δ', 'Δ%'], comparison.metrics.map(metricRow), RIGHT);
}
function runTable(comparison) {
    const rows = [
        ['Runtime', comparison.runtimeSeconds, 'seconds'],
        ['Billable time', comparison.billableSeconds, 'seconds'],
        ['Cost (estimate, list prices)', comparison.costUsd, 'usd']
    ];
    const shown = rows.filter(([, quantity]) => quantity.baseline !== undefined || quantity.current !== undefined);
    if (shown.length === 0)
        return '';
    return (0,markdown_table/* markdownTable */.Q)(['', 'Baseline', 'This run', 'Δ'], shown.map(([label, quantity, kind]) => [
        label,
        quantityValue(quantity.baseline, kind),
        quantityValue(quantity.current, kind),
        quantityDelta(quantity, kind)
    ]), RIGHT);
}
/** The table of goal metrics that fail the step; empty when none do. */
function regressionTable(comparison) {
    if (comparison.regressions.length === 0)
        return '';
    const limit = (0,metric_chart/* formatNumber */.ZV)(comparison.maxRegressionPercent ?? 0);
    const rows = comparison.regressions.map((metric) => [
        (0,untrusted/* markdownText */.p7)(metric.name, 100),
        metric.goal === 'min' ? 'lower is better' : 'higher is better',
        (0,metric_chart/* formatNumber */.ZV)(metric.baseline.final),
        (0,metric_chart/* formatNumber */.ZV)(metric.current.final),
        percentText(metric.worsePercent).replace(/^\+/, '')
    ]);
    return [
        `**❌ Worse than the baseline by more than max-regression-percent (${limit}%):**`,
        (0,markdown_table/* markdownTable */.Q)(['Metric', 'Goal', 'Baseline', 'This run', 'Worse by'], rows, ['left', 'left', 'right', 'right', 'right'])
    ].join('\n\n');
}
function comparisonMarkdown(comparison) {
    const differences = comparison.differences.length
        ? `Settings that differ: ${comparison.differences.map(differenceText).join(' · ')}`
        : 'Same device, instance and hyperparameters as the baseline.';
    return [baselineLine(comparison), regressionTable(comparison), metricTable(comparison), runTable(comparison), differences]
        .filter(Boolean)
        .join('\n\n');
}
function noBaselineMarkdown(reason, branch) {
    const how = branch
        ? `Run this workflow on ${(0,untrusted/* codeText */.ph)(branch, 100)} (on push, or by hand with <code>workflow_dispatch</code>) with the same ` +
            'experiment name to make one.'
        : 'Set baseline-ref to the branch whose runs count, and run this workflow there.';
    return `No baseline to compare with: ${(0,untrusted/* markdownText */.p7)(reason, 300)}. ${how}`;
}

;// CONCATENATED MODULE: ./.build/experiment/comparison-section.js
// The comparison in the job's report: its own section (the regressions that fail the
// step first), the baseline's series drawn on each metric chart, or one line saying
// there is no baseline yet and how to make one.


function comparisonSection(comparison) {
    return {
        id: 'comparison',
        title: 'Compared with the baseline',
        order: job_report/* SECTION_ORDER */.t9.comparison,
        render: () => comparisonMarkdown(comparison),
        compact: () => [baselineLine(comparison), regressionTable(comparison)].filter(Boolean).join('\n\n')
    };
}
/** The baseline's series by metric name (one node's, when several logged it), for the charts' second line. */
function baselineSeries(baseline) {
    const series = {};
    for (const one of baseline.metrics.series)
        if (!series[one.name] || one.label === one.name)
            series[one.name] = one.points.map(([x, y]) => ({ x, y }));
    return { label: `${baseline.branch} @ ${baseline.sha.slice(0, 7)}`, series };
}
function reportView(report) {
    return {
        show(outcome) {
            if (outcome.kind === 'none') {
                report.addNote('no-baseline', noBaselineMarkdown(outcome.reason, outcome.branch));
                return;
            }
            report.addSection(comparisonSection(outcome.comparison));
            report.overlayBaseline(baselineSeries(outcome.baseline));
        }
    };
}

;// CONCATENATED MODULE: ./.build/experiment/comparison-output.js
/** Numbers as the output carries them: no float noise, 12 significant digits. */
const round = (value) => Number(value.toPrecision(12));
const optional = (value) => (value === undefined ? null : round(value));
function quantity(delta) {
    return {
        baseline: optional(delta.baseline),
        value: optional(delta.current),
        delta: optional(delta.delta),
        deltaPercent: optional(delta.deltaPercent)
    };
}
function comparisonOutput(comparison) {
    const { baseline } = comparison;
    return JSON.stringify({
        baseline: { ref: baseline.branch, sha: baseline.sha, jobArn: baseline.jobArn, runUrl: baseline.runUrl },
        metrics: Object.fromEntries(comparison.metrics.map((metric) => [
            metric.name,
            {
                goal: metric.goal ?? null,
                baseline: optional(metric.baseline?.final),
                value: optional(metric.current?.final),
                delta: optional(metric.delta),
                deltaPercent: optional(metric.deltaPercent),
                verdict: metric.verdict
            }
        ])),
        runtimeSeconds: quantity(comparison.runtimeSeconds),
        billableSeconds: quantity(comparison.billableSeconds),
        costUsd: quantity(comparison.costUsd),
        differences: comparison.differences.map((difference) => ({
            name: difference.name,
            baseline: difference.baseline ?? null,
            value: difference.current ?? null
        })),
        maxRegressionPercent: comparison.maxRegressionPercent ?? null,
        regressed: comparison.regressions.map((metric) => metric.name)
    });
}
/** The output when there is nothing to compare with. */
function noBaselineOutput(branch, reason) {
    return JSON.stringify({ baseline: null, ref: branch ?? null, reason });
}

// EXTERNAL MODULE: ./.build/follow/chart-grid.js
var chart_grid = __webpack_require__(2219);
;// CONCATENATED MODULE: ./.build/experiment/record-metrics.js
// The metrics a record keeps of a run: each metric's last value, its range (for
// "best" against a goal), and each series thinned the way its chart is. Pure.

function recordMetrics(metrics) {
    const range = {};
    const series = metrics.series().map((one) => {
        for (const { y } of one.points) {
            const known = range[one.name];
            range[one.name] = known ? { min: Math.min(known.min, y), max: Math.max(known.max, y) } : { min: y, max: y };
        }
        const points = (0,chart_grid/* downsampleSeries */.IK)(one.points);
        return { name: one.name, label: one.label, byIteration: one.byIteration, points: points.map(({ x, y }) => [x, y]) };
    });
    return { final: metrics.lastValues(), range, series };
}

;// CONCATENATED MODULE: ./.build/experiment/record-spend.js
const usdOf = (amount) => (amount.known ? amount.usd : undefined);
const record_spend_optional = (key, value) => (value === undefined ? {} : { [key]: value });
function recordCost(cost) {
    return {
        usd: cost.knownUsd,
        complete: cost.complete,
        ...record_spend_optional('instanceUsd', usdOf(cost.instance)),
        ...record_spend_optional('volumeUsd', usdOf(cost.volume)),
        devices: cost.devices.map((device) => ({
            deviceArn: device.deviceArn,
            kind: device.kind,
            tasks: device.tasks,
            shots: device.shots,
            simulatorMinutes: device.simulatorMinutes,
            ...record_spend_optional('usd', usdOf(device.cost))
        })),
        unknown: cost.unknown.map((unknown) => unknown.reason)
    };
}
function recordTasks(counts) {
    const byDevice = Object.fromEntries(Object.entries(counts.byDevice).map(([arn, { tasks, shots }]) => [arn, { tasks, shots }]));
    return { total: counts.total, byStatus: { ...counts.byStatus }, byDevice, shots: counts.shots, failedArns: [...counts.failedArns] };
}

;// CONCATENATED MODULE: ./.build/experiment/experiment-observer.js
// The experiment's part in following: when the job's fate is settled, its record is
// completed, its baseline found and compared, and the comparison told in the step
// log and the `comparison` output; a goal metric that regressed beyond
// max-regression-percent fails the step.








function experimentObserver(run, spend, view) {
    return {
        name: 'experiment record and comparison',
        async onEnd(report) {
            const resultsExcerpt = report.results?.resultsPreview;
            const final = spend?.final;
            await run.complete({
                job: report.outcome.job,
                metrics: recordMetrics(report.metrics),
                ...(resultsExcerpt ? { resultsExcerpt } : {}),
                ...(final ? { cost: recordCost(final.cost) } : {}),
                ...(final?.tasks ? { quantumTasks: recordTasks(final.tasks) } : {})
            });
            if (report.verdict.status !== 'COMPLETED') {
                core/* setOutput */.uH('comparison', noBaselineOutput(undefined, `this job did not complete (${report.verdict.status})`));
                return;
            }
            const outcome = await run.compare();
            logComparison(outcome);
            view?.show(outcome);
            if (outcome.kind === 'none') {
                core/* setOutput */.uH('comparison', noBaselineOutput(outcome.branch, outcome.reason));
                return;
            }
            core/* setOutput */.uH('comparison', comparisonOutput(outcome.comparison));
            return regressionFailure(outcome.comparison);
        }
    };
}
function logComparison(outcome) {
    if (outcome.kind === 'none') {
        core/* info */.pq(`No baseline to compare with: ${(0,untrusted/* logText */.kc)(outcome.reason)}.`);
        return;
    }
    const { comparison } = outcome;
    (0,log_layout/* logHeading */.v)(`Compared with ${(0,untrusted/* logText */.kc)(comparison.baseline.branch, 100)} (${comparison.baseline.why})`);
    (0,log_layout/* logRow */.O)('baseline job', (0,untrusted/* logText */.kc)(comparison.baseline.jobArn));
    for (const metric of comparison.metrics)
        (0,log_layout/* logRow */.O)('metric', (0,untrusted/* logText */.kc)(metricLine(metric)));
    for (const difference of comparison.differences)
        (0,log_layout/* logRow */.O)('differs', (0,untrusted/* logText */.kc)(`${difference.name} ${difference.baseline ?? '—'} → ${difference.current ?? '—'}`));
}
function regressionFailure(comparison) {
    if (comparison.regressions.length === 0)
        return;
    const which = comparison.regressions
        .map((metric) => `${metric.name} ${(0,metric_chart/* formatNumber */.ZV)(metric.baseline.final)} → ${(0,metric_chart/* formatNumber */.ZV)(metric.current.final)} ` +
        `(${percentText(metric.worsePercent).replace(/^\+/, '')} worse, goal ${metric.goal})`)
        .join('; ');
    return {
        failure: (0,untrusted/* logText */.kc)(`Compared with ${comparison.baseline.branch}: ${which}. That is beyond max-regression-percent ` +
            `(${(0,metric_chart/* formatNumber */.ZV)(comparison.maxRegressionPercent ?? 0)}%); the step summary's comparison table has the details.`, 2000)
    };
}

// EXTERNAL MODULE: ./.build/plan/run-identity.js
var run_identity = __webpack_require__(4288);
;// CONCATENATED MODULE: ./.build/experiment/record.js
// The experiment record: one small JSON object per submission, next to the job's
// sources in S3, completed once the job's outcome is known. Versioned, so a later
// action can read what an earlier one wrote. A record read back is someone's
// file in a bucket: it is checked field by field before anything uses it.
const RECORD_SCHEMA = 'braket-hybrid-job-experiment-record';
const RECORD_SCHEMA_VERSION = 1;
const ENDED_STATUSES = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
function outcomeKnown(record) {
    return ENDED_STATUSES.has(record.status);
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value) => typeof value === 'string';
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
const optionalString = (value) => value === undefined || isString(value);
const numberMap = (value) => isObject(value) && Object.values(value).every(isNumber);
function validSeries(value) {
    return (Array.isArray(value) &&
        value.every((series) => isObject(series) &&
            isString(series.name) &&
            isString(series.label) &&
            typeof series.byIteration === 'boolean' &&
            Array.isArray(series.points) &&
            series.points.every((point) => Array.isArray(point) && point.length === 2 && point.every(isNumber))));
}
function validMetrics(value) {
    return (isObject(value) &&
        numberMap(value.final) &&
        isObject(value.range) &&
        Object.values(value.range).every((range) => isObject(range) && isNumber(range.min) && isNumber(range.max)) &&
        validSeries(value.series));
}
function validJob(value) {
    return (isObject(value) &&
        [value.arn, value.name, value.consoleUrl, value.device, value.instanceType, value.image].every(isString) &&
        [value.instanceCount, value.volumeSizeGb, value.maxRuntimeSeconds].every(isNumber) &&
        isObject(value.hyperParameters) &&
        Object.values(value.hyperParameters).every(isString) &&
        optionalString(value.reservationArn));
}
/** Why the text is not a record this action can use, or the record. */
function parseRecord(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { problem: 'it is not JSON' };
    }
    if (!isObject(value) || value.schema !== RECORD_SCHEMA)
        return { problem: 'it is not an experiment record' };
    if (value.schemaVersion !== RECORD_SCHEMA_VERSION)
        return { problem: `its schema version is ${String(value.schemaVersion)}; this action reads version ${RECORD_SCHEMA_VERSION}` };
    const run = value.run;
    const valid = [value.experiment, value.repository, value.ref, value.branch, value.sha, value.status, value.submittedAt].every(isString) &&
        isObject(run) &&
        [run.id, run.url, run.event, run.workflow].every(isString) &&
        isNumber(run.attempt) &&
        validJob(value.job) &&
        validMetrics(value.metrics) &&
        [value.failureReason, value.createdAt, value.startedAt, value.endedAt, value.resultsExcerpt].every(optionalString) &&
        (value.billableDurationMs === undefined || isNumber(value.billableDurationMs)) &&
        (value.cost === undefined || (isObject(value.cost) && isNumber(value.cost.usd) && typeof value.cost.complete === 'boolean'));
    if (!valid)
        return { problem: 'a field is missing or of the wrong type' };
    return value;
}

;// CONCATENATED MODULE: ./.build/experiment/build-record.js


/** results.json as the summary shows it, cut to what a record should carry. */
const MAX_RESULTS_EXCERPT = 4000;
function submittedRecord(spec, identity, subject, submitted, submittedAt) {
    return {
        schema: RECORD_SCHEMA,
        schemaVersion: RECORD_SCHEMA_VERSION,
        experiment: spec.experiment,
        repository: identity.repository,
        ref: subject.ref,
        branch: subject.branch,
        sha: subject.sha,
        run: {
            id: identity.runId,
            attempt: identity.runAttempt,
            url: (0,run_identity/* runUrl */.Vp)(identity),
            event: identity.eventName,
            workflow: identity.workflow
        },
        job: {
            arn: submitted['job-arn'],
            name: submitted['job-name'],
            consoleUrl: submitted['console-url'],
            device: spec.device,
            instanceType: spec.instanceType,
            instanceCount: spec.instanceCount,
            volumeSizeGb: spec.volumeSizeInGb,
            maxRuntimeSeconds: spec.maxRuntimeInSeconds,
            hyperParameters: { ...spec.hyperParameters },
            image: spec.imageUri,
            ...(spec.reservationArn ? { reservationArn: spec.reservationArn } : {})
        },
        status: submitted.status,
        submittedAt: submittedAt.toISOString(),
        metrics: { final: {}, range: {}, series: [] }
    };
}
const optionalTime = (name, date) => (date ? { [name]: date.toISOString() } : {});
/**
 * The record with what the last GetJob said (the outcome once the job has ended;
 * the last status seen when a wait timed out) and the metrics read from its log.
 */
function withOutcome(record, outcome, recordedBy, now) {
    const { job } = outcome;
    const status = job.status ?? record.status;
    const excerpt = outcome.resultsExcerpt?.slice(0, MAX_RESULTS_EXCERPT);
    return {
        ...record,
        status,
        metrics: outcome.metrics,
        ...(job.failureReason ? { failureReason: job.failureReason } : {}),
        ...optionalTime('createdAt', job.createdAt),
        ...optionalTime('startedAt', job.startedAt),
        ...optionalTime('endedAt', job.endedAt),
        ...(job.billableDuration !== undefined ? { billableDurationMs: job.billableDuration } : {}),
        ...(excerpt ? { resultsExcerpt: excerpt } : {}),
        ...(outcome.cost ? { cost: outcome.cost } : {}),
        ...(outcome.quantumTasks ? { quantumTasks: outcome.quantumTasks } : {}),
        ...(ENDED_STATUSES.has(status) ? { completed: { at: now.toISOString(), byRunUrl: recordedBy } } : {})
    };
}

;// CONCATENATED MODULE: ./.build/experiment/comparison.js
const relative = (delta, baseline) => (baseline === 0 ? undefined : (delta / Math.abs(baseline)) * 100);
/** Equal up to float noise: the same computation logged twice. */
const same = (a, b) => a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
function side(record, name, goal) {
    const final = record.metrics.final[name];
    if (final === undefined)
        return undefined;
    const range = record.metrics.range[name];
    return goal && range ? { final, best: goal === 'min' ? range.min : range.max } : { final };
}
function compareMetric(name, goal, baseline, current) {
    const base = { name, ...(goal ? { goal } : {}), ...(baseline ? { baseline } : {}), ...(current ? { current } : {}) };
    if (!baseline || !current)
        return { ...base, verdict: goal ? 'missing' : 'no-goal' };
    const delta = current.final - baseline.final;
    const deltaPercent = relative(delta, baseline.final);
    const measured = { ...base, delta, ...(deltaPercent !== undefined ? { deltaPercent } : {}) };
    if (!goal)
        return { ...measured, verdict: 'no-goal' };
    if (same(current.final, baseline.final))
        return { ...measured, delta: 0, verdict: 'unchanged' };
    const better = goal === 'min' ? delta < 0 : delta > 0;
    if (better)
        return { ...measured, verdict: 'improved' };
    return { ...measured, verdict: 'regressed', worsePercent: deltaPercent === undefined ? Infinity : Math.abs(deltaPercent) };
}
function comparison_quantity(baseline, current) {
    if (baseline === undefined || current === undefined)
        return { ...(baseline !== undefined ? { baseline } : {}), ...(current !== undefined ? { current } : {}) };
    const delta = current - baseline;
    const deltaPercent = relative(delta, baseline);
    return { baseline, current, delta, ...(deltaPercent !== undefined ? { deltaPercent } : {}) };
}
function runtimeSeconds(record) {
    if (!record.startedAt || !record.endedAt)
        return undefined;
    return Math.max(0, Math.round((Date.parse(record.endedAt) - Date.parse(record.startedAt)) / 1000));
}
const billableSeconds = (record) => record.billableDurationMs === undefined ? undefined : Math.round(record.billableDurationMs / 1000);
/** Only a complete estimate is compared: a lower bound against a figure would mislead. */
const costUsd = (record) => (record.cost?.complete ? record.cost.usd : undefined);
function settingDifferences(baseline, current) {
    const differences = [];
    const compare = (name, hyperParameter, before, after) => {
        if (before !== after)
            differences.push({
                name,
                hyperParameter,
                ...(before !== undefined ? { baseline: before } : {}),
                ...(after !== undefined ? { current: after } : {})
            });
    };
    compare('device', false, baseline.job.device, current.job.device);
    compare('instance type', false, baseline.job.instanceType, current.job.instanceType);
    compare('instance count', false, String(baseline.job.instanceCount), String(current.job.instanceCount));
    compare('volume (GB)', false, String(baseline.job.volumeSizeGb), String(current.job.volumeSizeGb));
    compare('image', false, baseline.job.image, current.job.image);
    const names = [...new Set([...Object.keys(baseline.job.hyperParameters), ...Object.keys(current.job.hyperParameters)])].sort();
    for (const name of names)
        compare(name, true, baseline.job.hyperParameters[name], current.job.hyperParameters[name]);
    return differences;
}
function compareRuns(current, baseline, why, spec) {
    const names = [...new Set([...Object.keys(baseline.metrics.final), ...Object.keys(current.metrics.final)])].sort();
    const metrics = names.map((name) => {
        const goal = spec.goals[name];
        return compareMetric(name, goal, side(baseline, name, goal), side(current, name, goal));
    });
    const limit = spec.maxRegressionPercent;
    return {
        baseline: {
            branch: baseline.branch,
            sha: baseline.sha,
            jobArn: baseline.job.arn,
            jobName: baseline.job.name,
            runUrl: baseline.run.url,
            consoleUrl: baseline.job.consoleUrl,
            why
        },
        metrics,
        runtimeSeconds: comparison_quantity(runtimeSeconds(baseline), runtimeSeconds(current)),
        billableSeconds: comparison_quantity(billableSeconds(baseline), billableSeconds(current)),
        costUsd: comparison_quantity(costUsd(baseline), costUsd(current)),
        differences: settingDifferences(baseline, current),
        ...(limit !== undefined ? { maxRegressionPercent: limit } : {}),
        regressions: limit === undefined ? [] : metrics.filter((metric) => metric.verdict === 'regressed' && metric.worsePercent > limit)
    };
}

;// CONCATENATED MODULE: ./.build/experiment/record-keys.js
// Where experiment records live in the job's bucket:
//   <prefix>/experiments/<experiment>/<ref>/<record name>.json
//   <prefix>/experiments/<experiment>/<ref>/latest-completed.json
// A record's name starts with the time counted down from the year 2286, so S3's
// listing (ascending, and never reversed) returns a ref's newest records first and
// a few keys are enough to find them, however many runs the ref has had. The
// readable time and the run follow, for people browsing the bucket.
const NAME_TIME_LIMIT_MS = 9_999_999_999_999;
const RECORD_NAME = /^\d{13}-\d{8}T\d{6}Z-run[\w.-]+\.json$/;
const POINTER_NAME = 'latest-completed.json';
function refFolder(prefix, experiment, ref) {
    return `${prefix ? `${prefix}/` : ''}experiments/${experiment}/${ref}/`;
}
function recordKey(folder, submittedAtMs, runId, attempt) {
    const countdown = String(NAME_TIME_LIMIT_MS - submittedAtMs).padStart(13, '0');
    const readable = new Date(submittedAtMs)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    return `${folder}${countdown}-${readable}-run${runId}-${attempt}.json`;
}
function pointerKey(folder) {
    return `${folder}${POINTER_NAME}`;
}
function isRecordKey(folder, key) {
    return key.startsWith(folder) && RECORD_NAME.test(key.slice(folder.length));
}

;// CONCATENATED MODULE: ./.build/experiment/record-store.js
// Experiment records in S3: small JSON objects read with their ETag, written
// (conditionally when asked) and listed newest first. Every call names the
// expected bucket owner, so another account's bucket is never read or written,
// and a failed call says which one (awsCall).



/** A conditional write lost to another writer: read again and decide again. */
class LostRaceError extends errors/* ActionError */.lZ {
}
function lostRace(error) {
    return error instanceof LostRaceError;
}
function isLostRace(error) {
    const status = error?.$metadata?.httpStatusCode;
    // 412: the ETag moved on. 409 ConditionalRequestConflict: a write raced ours. 404: If-Match on a key deleted meanwhile.
    return status === 412 || status === 409 || (0,errors/* errorName */.Is)(error) === 'NoSuchKey';
}
class RecordTooLargeError extends errors/* ActionError */.lZ {
}
/** Which call failed and how (`S3 PutObject (s3://…) failed after 3 attempts: …`), for a warning that gives its own advice. */
function failedCallText(error) {
    return error instanceof aws_call/* AwsCallError */.iQ ? error.summary : (0,errors/* describeError */.Uc)(error);
}
/** A record is a few kilobytes; more is not one of ours. */
const MAX_RECORD_BYTES = 1024 * 1024;
class RecordStore {
    s3;
    target;
    constructor(s3, target) {
        this.s3 = s3;
        this.target = target;
    }
    get owner() {
        return { Bucket: this.target.bucket, ExpectedBucketOwner: this.target.accountId };
    }
    call(operation, key, permission) {
        return { service: 'S3', operation, target: `s3://${this.target.bucket}/${key}`, permission };
    }
    /** The object's text and ETag; undefined when there is none. */
    read(key) {
        return (0,aws_call/* awsCall */.uF)(this.call('GetObject', key, 's3:GetObject'), async () => {
            let answer;
            try {
                answer = await this.s3.send(new dist_cjs/* GetObjectCommand */.jLs({ ...this.owner, Key: key }));
            }
            catch (error) {
                if ((0,errors/* errorName */.Is)(error) === 'NoSuchKey')
                    return undefined;
                throw error;
            }
            if ((answer.ContentLength ?? 0) > MAX_RECORD_BYTES) {
                await answer.Body?.transformToString();
                throw new RecordTooLargeError(`s3://${this.target.bucket}/${key} is ${answer.ContentLength} bytes, too large for an experiment record`);
            }
            return { text: (await answer.Body?.transformToString('utf8')) ?? '', etag: answer.ETag ?? '' };
        });
    }
    /** Writes the JSON; the new ETag. A lost conditional write throws a LostRaceError. */
    write(key, value, condition) {
        const request = new dist_cjs/* PutObjectCommand */.wKZ({
            ...this.owner,
            Key: key,
            Body: `${JSON.stringify(value, null, 1)}\n`,
            ContentType: 'application/json',
            ...(condition && 'ifMatch' in condition ? { IfMatch: condition.ifMatch } : {}),
            ...(condition && 'ifAbsent' in condition ? { IfNoneMatch: '*' } : {}),
            ...(this.target.kmsKeyId ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.target.kmsKeyId } : {})
        });
        return (0,aws_call/* awsCall */.uF)(this.call('PutObject', key, 's3:PutObject'), async () => {
            try {
                return (await this.s3.send(request)).ETag ?? '';
            }
            catch (error) {
                if (condition && isLostRace(error))
                    throw new LostRaceError(`another run wrote s3://${this.target.bucket}/${key} first`);
                throw error;
            }
        });
    }
    /** The first `max` keys under the folder, in S3's (ascending) order. */
    async keys(folder, max) {
        const answer = await (0,aws_call/* awsCall */.uF)(this.call('ListObjectsV2', folder, 's3:ListBucket'), () => this.s3.send(new dist_cjs/* ListObjectsV2Command */.u6x({ ...this.owner, Prefix: folder, MaxKeys: max })));
        return (answer.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
    }
}

;// CONCATENATED MODULE: ./.build/experiment/pointer.js


const POINTER_SCHEMA = 'braket-hybrid-job-experiment-pointer';
/** Tries before giving up on a pointer everyone keeps moving (each try is a read and a write). */
const MAX_TRIES = 8;
function parsePointer(text) {
    try {
        const value = JSON.parse(text);
        if (value?.schema !== POINTER_SCHEMA || typeof value.record !== 'string' || typeof value.jobArn !== 'string')
            return undefined;
        if (typeof value.jobCreatedAt !== 'string' || Number.isNaN(Date.parse(value.jobCreatedAt)))
            return undefined;
        return value;
    }
    catch {
        return undefined;
    }
}
/** Whether the candidate is newer than what the pointer names (ties broken by key, so every writer agrees). */
function isNewer(candidate, current) {
    const currentAt = Date.parse(current.jobCreatedAt);
    return candidate.createdAt !== currentAt ? candidate.createdAt > currentAt : candidate.key < current.record;
}
async function readPointer(store, folder) {
    const stored = await store.read(pointerKey(folder));
    if (!stored)
        return {};
    const pointer = parsePointer(stored.text);
    return pointer ? { pointer, etag: stored.etag } : { etag: stored.etag };
}
/** Points the ref at this COMPLETED record unless it already points at a newer job. */
async function advancePointer(store, folder, key, record, now) {
    if (record.status !== 'COMPLETED' || !record.createdAt)
        throw new Error('only a COMPLETED job with a creation time can be pointed at');
    const candidate = { createdAt: Date.parse(record.createdAt), key };
    const next = {
        schema: POINTER_SCHEMA,
        schemaVersion: 1,
        record: key,
        jobArn: record.job.arn,
        jobCreatedAt: record.createdAt,
        sha: record.sha,
        updatedAt: now.toISOString()
    };
    for (let tries = 1;; tries++) {
        const { pointer, etag } = await readPointer(store, folder);
        if (pointer && (pointer.record === key || !isNewer(candidate, pointer)))
            return 'kept';
        try {
            // An unreadable pointer is replaced, but still only the version that was read.
            await store.write(pointerKey(folder), next, etag !== undefined ? { ifMatch: etag } : { ifAbsent: true });
            return 'moved';
        }
        catch (error) {
            if (!lostRace(error) || tries >= MAX_TRIES)
                throw error;
        }
    }
}

;// CONCATENATED MODULE: ./.build/experiment/find-baseline.js
// The baseline: the newest record of the baseline branch whose job COMPLETED.
// The ref's newest records are looked at first (their names sort newest first);
// one whose outcome nobody recorded (wait: false) is completed on the spot and,
// once COMPLETED, moves the pointer. latest-completed.json answers when the
// newest records hold no completed job.




/** Newest records looked at before falling back to the pointer. */
const LOOKBACK = 10;
async function readRecord(search, key) {
    const stored = await search.store.read(key);
    if (!stored)
        return undefined;
    const record = parseRecord(stored.text);
    if ('problem' in record) {
        search.warn(`Skipped s3://${search.store.target.bucket}/${key}: ${record.problem}.`);
        return undefined;
    }
    return { key, etag: stored.etag, record };
}
async function pointAt(search, key, record) {
    try {
        await advancePointer(search.store, search.folder, key, record, search.now());
    }
    catch (error) {
        search.warn(`Could not point latest-completed.json at ${key}: ${failedCallText(error)}.`);
    }
}
/** Newer than the pointer's record: its name sorts first. */
const newerThan = (key, pointer) => !pointer || key < pointer.record;
async function findBaseline(search) {
    const { pointer } = await readPointer(search.store, search.folder);
    const keys = (await search.store.keys(search.folder, LOOKBACK + 1)).filter((key) => isRecordKey(search.folder, key)).slice(0, LOOKBACK);
    const pending = [];
    for (const key of keys) {
        const stored = await readRecord(search, key);
        if (!stored || !search.eligible(stored.record))
            continue;
        let record = stored.record;
        let completedNow = false;
        if (!outcomeKnown(record) && newerThan(key, pointer)) {
            record = await search.complete(stored);
            completedNow = outcomeKnown(record);
            if (!outcomeKnown(record))
                pending.push(record);
        }
        if (record.status !== 'COMPLETED')
            continue;
        if (newerThan(key, pointer))
            await pointAt(search, key, record);
        return { found: true, key, record, completedNow };
    }
    if (pointer && !keys.includes(pointer.record)) {
        const stored = await readRecord(search, pointer.record);
        if (stored && stored.record.status === 'COMPLETED' && search.eligible(stored.record))
            return { found: true, key: stored.key, record: stored.record, completedNow: false };
    }
    return { found: false, pending };
}

// EXTERNAL MODULE: ./.build/cost/devices.js
var devices = __webpack_require__(6585);
// EXTERNAL MODULE: ./.build/follow/job-log-reader.js + 2 modules
var job_log_reader = __webpack_require__(3746);
// EXTERNAL MODULE: ./.build/follow/metric-series.js
var metric_series = __webpack_require__(2152);
// EXTERNAL MODULE: ./.build/follow/step-log.js
var step_log = __webpack_require__(2685);
;// CONCATENATED MODULE: ./.build/experiment/read-job-outcome.js











/** Reads of the whole log, each up to 20 pages a stream: a long log is read in full, an endless one is not waited on. */
const MAX_LOG_READS = 50;
async function readJobOutcome(braket, logs, record, spendOf) {
    const job = await (0,braket_submission/* describeJob */.hx)(braket, record.job.arn);
    if (!ENDED_STATUSES.has(job.status ?? ''))
        return { job, metrics: record.metrics };
    const metrics = new metric_series/* MetricCollector */.k();
    const target = { jobArn: record.job.arn, jobName: record.job.name, instanceCount: record.job.instanceCount };
    // Nothing of that job's log is printed here: only its metrics are wanted.
    const reader = new job_log_reader/* JobLogReader */.V(logs, target, metrics, new step_log/* StepLog */.J(target.instanceCount > 1, false), false);
    for (let read = 0; read < MAX_LOG_READS && (await reader.read()) > 0; read++)
        ;
    const spend = spendOf ? await spendOfRecord(spendOf, record, job) : undefined;
    return {
        job,
        metrics: recordMetrics(metrics),
        ...(spend ? { cost: recordCost(spend.cost) } : {}),
        ...(spend?.tasks ? { quantumTasks: recordTasks(spend.tasks) } : {})
    };
}
async function spendOfRecord(spendOf, record, job) {
    const { job: recorded } = record;
    try {
        return await spendOf({
            jobArn: recorded.arn,
            region: (0,devices/* regionOfArn */.b2)(recorded.arn) ?? '',
            device: recorded.device,
            instanceType: recorded.instanceType,
            instanceCount: recorded.instanceCount,
            volumeSizeInGb: recorded.volumeSizeGb,
            ...(recorded.reservationArn ? { reservationArn: recorded.reservationArn } : {})
        }, job);
    }
    catch (error) {
        core/* warning */.$e((0,untrusted/* logText */.kc)(`The cost of ${recorded.arn} could not be estimated (${(0,errors/* describeError */.Uc)(error)}); it is compared without it.`, 2000), {
            title: 'experiment'
        });
        return undefined;
    }
}

// EXTERNAL MODULE: ./.build/experiment/experiment-name.js
var experiment_name = __webpack_require__(3029);
;// CONCATENATED MODULE: ./.build/experiment/run-subject.js

const run_subject_text = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
const isPullRequest = (eventName) => eventName === 'pull_request' || eventName === 'pull_request_target';
/** refs/heads/main → main; refs/tags/v1 → tags/v1; anything else as it is. */
function branchOf(ref) {
    return ref.replace(/^refs\/heads\//, '').replace(/^refs\//, '');
}
function runSubject(identity, env, payload) {
    if (isPullRequest(identity.eventName)) {
        const branch = run_subject_text(payload.pull_request?.head?.ref) ?? run_subject_text(env.GITHUB_HEAD_REF) ?? branchOf(identity.ref);
        return { branch, ref: (0,experiment_name/* slug */.y)(branch), sha: run_subject_text(payload.pull_request?.head?.sha) ?? identity.sha };
    }
    const branch = branchOf(identity.ref) || 'unknown';
    return { branch, ref: (0,experiment_name/* slug */.y)(branch), sha: identity.sha };
}
/**
 * The branch whose latest completed run is the baseline: baseline-ref when set; a pull
 * request's base branch; on push the pushed branch itself (its previous run); else the
 * repository's default branch. Undefined when none can be told (no payload).
 */
function chooseBaseline(identity, subject, env, payload, override) {
    const choice = (branch, why) => ({ branch, ref: (0,experiment_name/* slug */.y)(branch), why });
    if (override)
        return choice(override, 'baseline-ref');
    if (isPullRequest(identity.eventName)) {
        const base = run_subject_text(payload.pull_request?.base?.ref) ?? run_subject_text(env.GITHUB_BASE_REF);
        return base ? choice(base, "the pull request's base branch") : undefined;
    }
    if (identity.eventName === 'push')
        return choice(subject.branch, 'the previous completed run of the pushed branch');
    const defaultBranch = run_subject_text(payload.repository?.default_branch);
    return defaultBranch ? choice(defaultBranch, "the repository's default branch") : undefined;
}

;// CONCATENATED MODULE: ./.build/experiment/experiment-run.js
// This run as an experiment: its record written at submission, completed once the
// outcome is known (moving latest-completed.json when the job COMPLETED), and its
// baseline found and compared with it. Records are a courtesy: a failed read or
// write is a warning that says which call failed and what to do, never a failed step.














const PERMISSIONS = 's3:GetObject, s3:PutObject and s3:ListBucket';
class ExperimentRun {
    context;
    store;
    folder;
    key;
    record;
    written = false;
    constructor(context, store, folder, key, record) {
        this.context = context;
        this.store = store;
        this.folder = folder;
        this.key = key;
        this.record = record;
    }
    /** Writes the submitted job's record. */
    static async begin(context, submitted) {
        const { spec, identity } = context;
        const subject = runSubject(identity, context.env, context.payload);
        const now = context.now();
        const folder = refFolder(spec.prefix, spec.experiment, subject.ref);
        const key = recordKey(folder, now.getTime(), (0,experiment_name/* slug */.y)(identity.runId), identity.runAttempt);
        const record = submittedRecord(spec, identity, subject, submitted, now);
        const run = new ExperimentRun(context, new RecordStore(context.s3, context.bucket), folder, key, record);
        await run.save('write the experiment record');
        if (run.written)
            core/* info */.pq((0,untrusted/* logText */.kc)(`Experiment ${spec.experiment}: recorded this run at ${run.uri(key)}`, 1000));
        return run;
    }
    get current() {
        return this.record;
    }
    uri(key) {
        return `s3://${this.context.bucket.bucket}/${key}`;
    }
    /** A failed S3 call, named (RecordStore's awsCall), with what to do: the job goes on. */
    warn(what, error) {
        const prefix = `s3://${this.context.bucket.bucket}/${this.context.spec.prefix ? `${this.context.spec.prefix}/` : ''}experiments/*`;
        const advice = `The job is not affected. Comparing runs needs ${PERMISSIONS} on ${prefix} in the role's policy (the README lists them); ` +
            `re-running is safe.`;
        core/* warning */.$e((0,untrusted/* logText */.kc)(`Could not ${what}: ${failedCallText(error)}. ${advice}`, 2000), { title: 'experiment' });
    }
    async save(what) {
        try {
            await this.store.write(this.key, this.record);
            this.written = true;
        }
        catch (error) {
            this.warn(what, error);
        }
    }
    /** Records the outcome (or the last status seen, when the wait timed out); moves the pointer when the job COMPLETED. */
    async complete(outcome) {
        this.record = withOutcome(this.record, outcome, (0,run_identity/* runUrl */.Vp)(this.context.identity), this.context.now());
        await this.save('complete the experiment record');
        if (this.written && this.record.status === 'COMPLETED' && this.record.createdAt) {
            try {
                await advancePointer(this.store, this.folder, this.key, this.record, this.context.now());
            }
            catch (error) {
                this.warn('move the latest-completed pointer', error);
            }
        }
        return this.record;
    }
    /** The baseline this run is compared with, completing records of jobs nobody waited for on the way. */
    async compare() {
        const { identity, env, payload, spec } = this.context;
        const choice = chooseBaseline(identity, runSubject(identity, env, payload), env, payload, spec.comparison.baselineRef);
        if (!choice)
            return {
                kind: 'none',
                reason: `the ${identity.eventName || 'current'} event names no branch to compare with; set baseline-ref to the branch ` +
                    'whose runs count'
            };
        try {
            const found = await findBaseline({
                store: this.store,
                folder: refFolder(spec.prefix, spec.experiment, choice.ref),
                eligible: (record) => this.eligible(record, choice),
                complete: (stored) => this.completeOther(stored),
                warn: (message) => core/* warning */.$e((0,untrusted/* logText */.kc)(message, 2000), { title: 'experiment' }),
                now: this.context.now
            });
            if (!found.found)
                return { kind: 'none', branch: choice.branch, reason: this.noBaselineReason(choice, found.pending) };
            if (found.completedNow)
                core/* info */.pq((0,untrusted/* logText */.kc)(`Baseline: recorded the outcome of ${found.record.job.name} (${found.record.status}) at ${this.uri(found.key)}`, 1000));
            return { kind: 'compared', baseline: found.record, comparison: compareRuns(this.record, found.record, choice.why, spec.comparison) };
        }
        catch (error) {
            this.warn(`read the baseline's records of branch ${choice.branch}`, error);
            return { kind: 'none', branch: choice.branch, reason: `its records could not be read (${failedCallText(error)})` };
        }
    }
    /** Not this run's own job; on this run's own branch only earlier runs. */
    eligible(record, choice) {
        if (record.job.arn === this.record.job.arn)
            return false;
        return choice.ref !== this.record.ref || record.submittedAt < this.record.submittedAt;
    }
    noBaselineReason(choice, pending) {
        const [newest] = pending;
        const waiting = newest ? ` (its newest run's job ${newest.job.name} is still ${newest.status})` : '';
        return `no run of experiment ${this.context.spec.experiment} on ${choice.branch} has completed yet${waiting}`;
    }
    /** A record whose outcome nobody wrote: read it from Braket and the job's log, and record it. */
    async completeOther(stored) {
        let outcome;
        try {
            outcome = await readJobOutcome(this.context.braket, this.context.logs(), stored.record, this.context.spendOf);
        }
        catch (error) {
            const call = { service: 'Braket', operation: 'GetJob', target: stored.record.job.arn, permission: 'braket:GetJob' };
            core/* warning */.$e((0,untrusted/* logText */.kc)(`Could not read the baseline job's outcome: ${(0,aws_call/* awsCallError */.Id)(call, error).message}`, 2000), {
                title: 'experiment'
            });
            return stored.record;
        }
        const record = withOutcome(stored.record, outcome, (0,run_identity/* runUrl */.Vp)(this.context.identity), this.context.now());
        if (!outcomeKnown(record))
            return record;
        try {
            await this.store.write(stored.key, record, { ifMatch: stored.etag });
        }
        catch (error) {
            // Another run recorded it first: same job, same outcome.
            if (!lostRace(error))
                this.warn("complete the baseline's experiment record", error);
        }
        return record;
    }
}

;// CONCATENATED MODULE: ./.build/experiment/experiment-phase.js
// The run as an experiment, once its job is submitted: the cost estimate in its report,
// its record written, and what following must do — track the job's spend and quantum
// tasks (cancelling at max-cost-usd), then complete the record and compare the job
// with its baseline, in the report and the outputs.







/** The observers that following tells of the job's progress and end: its spend first, then its record and comparison. */
async function beginExperiment(deps, submitted) {
    const { spec, session, report, cost } = deps;
    report.addSection((0,cost_section/* estimateSection */.Kt)(spec, cost));
    const spend = (0,cost_phase/* trackSpend */.KK)(cost, spec, session, submitted['job-arn'], deps.env, report);
    let logs;
    const run = await ExperimentRun.begin({
        ...deps,
        payload: deps.payload ?? github/* context */._.payload,
        logs: () => (logs ??= (0,clients/* logsClient */.RU)(session)),
        now: () => new Date(),
        spendOf: (0,cost_phase/* spendOfEndedJob */.ZQ)(cost, session)
    }, submitted);
    const experiment = experimentObserver(run, spend, reportView(report));
    return [
        spend,
        {
            name: experiment.name,
            async onEnd(followed) {
                try {
                    return await experiment.onEnd?.(followed);
                }
                finally {
                    logs?.destroy();
                }
            }
        }
    ];
}

// EXTERNAL MODULE: ./.build/follow/follow-job.js + 6 modules
var follow_job = __webpack_require__(8356);
// EXTERNAL MODULE: ./.build/follow/follow-state.js
var follow_state = __webpack_require__(3745);
// EXTERNAL MODULE: ./.build/follow/follow-target.js
var follow_target = __webpack_require__(2183);
// EXTERNAL MODULE: ./.build/report/run-reference.js
var run_reference = __webpack_require__(8924);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./.build/archive/bounded-pipeline.js
var bounded_pipeline = __webpack_require__(2285);
// EXTERNAL MODULE: ./.build/archive/package-source.js + 7 modules
var package_source = __webpack_require__(9106);
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
        this.partBytes = options.partBytes ?? partBytesFor(options.sizeBound ?? 0);
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
        const complete = isUploadFailure(error) && (await objectExists(this.s3, this.target, this.key).catch(() => false));
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
    if (await objectExists(s3, target, key))
        return { state: 'already-there' };
    return { state: 'uploaded', ...(await uploadStream(s3, target, key, body(), options)) };
}

;// CONCATENATED MODULE: ./.build/aws-phases.js
// What main.ts runs once a run talks to AWS (phases 3 to 6), gathered in one
// module so that main.ts loads it, and with it the AWS SDK and Octokit, only
// when a run gets there. A dry run, a bad input or a run on the runner loads
// 1.8 of the bundle's 4.2 MB, most of it @actions/core and its HTTP client:
// measured on Node 24, the example's dry run went from 0.52 s and 104 MiB to
// 0.36 s and 71 MiB (loading @actions/core alone takes 0.2 s).















/***/ })

};
