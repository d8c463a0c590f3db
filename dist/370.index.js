export const id = 370;
export const ids = [370];
export const modules = {

/***/ 5349:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ extractTarGz),
/* harmony export */   td: () => (/* binding */ UnsafeArchiveError)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8522);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6118);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8983);
/* harmony import */ var _common_paths_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(310);
// Streams a .tar.gz into a directory without letting the archive reach outside
// it. Shared by the action (a job's results, downloaded from S3) and the local
// stand-in (a job's source): both unpack archives someone else made.
//
// Policy:
// - absolute names, `..` escapes and NUL bytes in names: rejected (UnsafeArchiveError)
// - symlinks: created only if their target resolves inside the directory, following
//   the links already extracted; re-checked once everything is out, because a later
//   entry can change what an earlier link resolves to
// - hard links: only to a regular file already extracted inside the directory
// - nothing is ever written through a symlink that leaves the directory, and no
//   existing file is written through (existing entries are replaced, not followed)
// - character/block devices and FIFOs: skipped and reported in `skipped`
// - modes: files keep their owner/group/other read and execute bits (no setuid,
//   setgid, sticky or group/other write); directories are 0755
// - limits: total file bytes (`maxBytes`) and entry count (`maxEntries`), and the
//   decompressed stream as a whole, so a gzip bomb stops early









/** The archive tried something unsafe; nothing was written for that entry. */
class UnsafeArchiveError extends _common_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ {
    entry;
    reason;
    constructor(entry, reason) {
        super(`unsafe archive entry ${JSON.stringify(entry)}: ${reason}`);
        this.entry = entry;
        this.reason = reason;
    }
}
const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
const DEFAULT_MAX_ENTRIES = 10_000;
/** Header block plus padding per entry, and slack for pax headers and the end blocks. */
const TAR_OVERHEAD_PER_ENTRY = 1024;
const TAR_OVERHEAD_FIXED = 8 * 1024 * 1024;
/** As Linux's MAXSYMLINKS: a longer chain is a loop. */
const MAX_LINK_HOPS = 40;
const FILE_MODE_MASK = 0o755;
const DIRECTORY_MODE = 0o755;
/** The action also runs on Windows runners, where `\\` separates paths too. */
const WINDOWS = process.platform === 'win32';
const SEPARATORS = WINDOWS ? /[\\/]+/ : /\/+/;
/** `a/./b/` → `a/b`; rejects what can never be a safe member name. */
function memberPath(name) {
    if (name.includes('\u0000'))
        throw new UnsafeArchiveError(name, 'name contains a NUL byte');
    if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name) || (WINDOWS && name.startsWith('\\')))
        throw new UnsafeArchiveError(name, 'absolute path');
    const normalized = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(WINDOWS ? name.replaceAll('\\', '/') : name).replace(/\/+$/, '');
    if (normalized === '..' || normalized.startsWith('../'))
        throw new UnsafeArchiveError(name, 'path escapes the target directory');
    return normalized === '.' ? '' : normalized;
}
async function lstatOrUndefined(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(path);
    }
    catch (error) {
        if ((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorCode */ .CA)(error) === 'ENOENT')
            return undefined;
        throw error;
    }
}
/**
 * Where `path` leads once every symlink along it is followed, as the kernel
 * would, tolerating a tail that does not exist yet. Undefined for a loop.
 */
async function resolveThroughLinks(path, hops = 0) {
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.parse)(path).root;
    const parts = path.slice(root.length).split(SEPARATORS).filter(Boolean);
    let current = root;
    for (let index = 0; index < parts.length; index++) {
        const part = parts[index];
        if (part === '.')
            continue;
        if (part === '..') {
            current = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(current);
            continue;
        }
        const next = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(current, part);
        const stats = await lstatOrUndefined(next);
        if (stats?.isSymbolicLink()) {
            if (hops >= MAX_LINK_HOPS)
                return undefined;
            const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)(next);
            // Concatenated, not join()ed: join would fold `link/..` before the link is followed.
            const followed = await resolveThroughLinks((0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(target) ? target : `${current}${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}${target}`, hops + 1);
            if (followed === undefined)
                return undefined;
            current = followed;
        }
        else {
            current = next;
        }
    }
    return current;
}
async function extractTarGz(source, targetDir, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(targetDir, { recursive: true });
    const extractor = new SafeExtractor(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(targetDir), maxBytes, maxEntries);
    const extract = tar_stream__WEBPACK_IMPORTED_MODULE_6__.extract();
    const piping = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(source, (0,node_zlib__WEBPACK_IMPORTED_MODULE_5__.createGunzip)(), bombGuard(maxBytes + maxEntries * TAR_OVERHEAD_PER_ENTRY + TAR_OVERHEAD_FIXED), extract);
    // Failures surface through the iteration below; this only stops an unhandled rejection.
    piping.catch(() => undefined);
    try {
        for await (const entry of extract)
            await extractor.write(entry);
        await piping;
    }
    catch (error) {
        extract.destroy();
        source.destroy();
        // When the pipeline failed, its error (e.g. the bomb guard's) is the real cause.
        const pipelineError = await piping.then(() => undefined, (e) => e);
        throw error instanceof UnsafeArchiveError ? error : (pipelineError ?? error);
    }
    await extractor.recheckSymlinks();
    return extractor.result;
}
/** Stops a gzip bomb: the decompressed stream may not exceed what the limits allow. */
function bombGuard(limit) {
    let decompressed = 0;
    return new node_stream__WEBPACK_IMPORTED_MODULE_3__.Transform({
        transform(chunk, _encoding, done) {
            decompressed += chunk.length;
            if (decompressed > limit)
                done(new UnsafeArchiveError('(archive)', `decompressed archive exceeds ${limit} bytes`));
            else
                done(null, chunk);
        }
    });
}
/** Writes the entries of one archive into `root`, one at a time, keeping to the policy above. */
class SafeExtractor {
    root;
    maxBytes;
    maxEntries;
    result = { files: [], skipped: [] };
    symlinks = [];
    entries = 0;
    fileBytes = 0;
    constructor(root, maxBytes, maxEntries) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }
    async write(entry) {
        const header = entry.header;
        this.entries += 1;
        if (this.entries > this.maxEntries)
            throw new UnsafeArchiveError(header.name, `archive has more than ${this.maxEntries} entries`);
        const path = memberPath(header.name);
        const type = header.type ?? 'file';
        if (type !== 'file' && type !== 'contiguous-file')
            entry.resume();
        switch (type) {
            case 'file':
            case 'contiguous-file':
                return this.writeFile(entry, path);
            case 'directory':
                if (path !== '')
                    await this.ensureDirectory(path, header.name);
                return;
            case 'symlink':
                return this.writeSymlink(path, header.name, header.linkname ?? '');
            case 'link':
                return this.writeHardLink(path, header.name, header.linkname ?? '');
            case 'character-device':
            case 'block-device':
            case 'fifo':
                this.result.skipped.push({ path, reason: `${type} entries are not extracted` });
                return;
            default:
                this.result.skipped.push({ path, reason: `unsupported entry type ${String(type)}` });
        }
    }
    async writeFile(entry, path) {
        const { header } = entry;
        if (path === '')
            throw new UnsafeArchiveError(header.name, 'a file cannot replace the target directory');
        const tooBig = () => new UnsafeArchiveError(header.name, `archive contents exceed ${this.maxBytes} bytes`);
        if (this.fileBytes + (header.size ?? 0) > this.maxBytes)
            throw tooBig();
        const destination = await this.prepareSlot(path, header.name);
        let written = 0;
        const budget = new node_stream__WEBPACK_IMPORTED_MODULE_3__.Transform({
            transform: (chunk, _encoding, done) => {
                written += chunk.length;
                if (this.fileBytes + written > this.maxBytes)
                    done(tooBig());
                else
                    done(null, chunk);
            }
        });
        // 'wx': O_CREAT|O_EXCL, so even a link created in between is not followed.
        const mode = ((header.mode ?? 0o644) & FILE_MODE_MASK) | 0o600;
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(entry, budget, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(destination, { flags: 'wx', mode }));
        this.fileBytes += written;
        this.result.files.push(path);
    }
    async writeSymlink(path, name, target) {
        if (path === '')
            throw new UnsafeArchiveError(name, 'a link cannot replace the target directory');
        if (target === '' || target.includes('\u0000'))
            throw new UnsafeArchiveError(name, 'symlink without a valid target');
        const destination = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(await this.ensureDirectory(parentOf(path), name), node_path__WEBPACK_IMPORTED_MODULE_2__.posix.basename(path));
        if (!(await this.linkTargetInside(destination, target))) {
            throw new UnsafeArchiveError(name, `symlink target ${JSON.stringify(target)} resolves outside the target directory`);
        }
        await this.prepareSlot(path, name);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)(target, destination);
        this.symlinks.push({ path: destination, entry: name });
    }
    async writeHardLink(path, name, linkname) {
        if (path === '')
            throw new UnsafeArchiveError(name, 'a link cannot replace the target directory');
        // Hard link names are archive member names, relative to the archive root.
        const targetPath = await resolveThroughLinks((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.root, memberPath(linkname)));
        if (targetPath === undefined || !(0,_common_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .isInside */ .F)(this.root, targetPath)) {
            throw new UnsafeArchiveError(name, `hard link target ${JSON.stringify(linkname)} resolves outside the target directory`);
        }
        if (!(await lstatOrUndefined(targetPath))?.isFile()) {
            throw new UnsafeArchiveError(name, `hard link target ${JSON.stringify(linkname)} is not a file extracted from this archive`);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(targetPath, await this.prepareSlot(path, name));
        this.result.files.push(path);
    }
    /** Makes (or checks) each directory from the root down, never stepping through a link that leaves it. */
    async ensureDirectory(relativeDir, entry) {
        let current = this.root;
        for (const part of relativeDir.split('/').filter(Boolean)) {
            const next = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(current, part);
            const stats = await lstatOrUndefined(next);
            if (!stats) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(next, { mode: DIRECTORY_MODE });
                current = next;
            }
            else if (stats.isSymbolicLink()) {
                const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(next).catch(() => undefined);
                if (!real || !(0,_common_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .isInside */ .F)(this.root, real)) {
                    throw new UnsafeArchiveError(entry, `path goes through symlink ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(this.root, next)} that leads outside the target directory`);
                }
                if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(real)).isDirectory())
                    throw new UnsafeArchiveError(entry, `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(this.root, next)} is not a directory`);
                current = real;
            }
            else if (stats.isDirectory()) {
                current = next;
            }
            else {
                throw new UnsafeArchiveError(entry, `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(this.root, next)} is not a directory`);
            }
        }
        return current;
    }
    /** The parent directory (made safe) and the final path of an entry, with whatever was there removed. */
    async prepareSlot(path, entry) {
        const destination = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(await this.ensureDirectory(parentOf(path), entry), node_path__WEBPACK_IMPORTED_MODULE_2__.posix.basename(path));
        const existing = await lstatOrUndefined(destination);
        if (existing?.isDirectory())
            throw new UnsafeArchiveError(entry, 'would replace a directory');
        // Replace, never follow: a file or link already there is unlinked, not written through.
        if (existing)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(destination);
        return destination;
    }
    async linkTargetInside(linkPath, target) {
        const lexical = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(target) ? target : `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(linkPath)}${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}${target}`;
        if (!(0,_common_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .isInside */ .F)(this.root, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(lexical)))
            return false;
        const followed = await resolveThroughLinks(lexical);
        return followed !== undefined && (0,_common_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .isInside */ .F)(this.root, followed);
    }
    /** A later entry can make an earlier link lead elsewhere; check them all again. */
    async recheckSymlinks() {
        for (const { path, entry } of this.symlinks) {
            const stats = await lstatOrUndefined(path);
            if (!stats?.isSymbolicLink())
                continue;
            const followed = await resolveThroughLinks(path);
            if (followed === undefined || !(0,_common_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .isInside */ .F)(this.root, followed)) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(path, { force: true });
                throw new UnsafeArchiveError(entry, 'symlink resolves outside the target directory once the archive is extracted');
            }
        }
    }
}
function parentOf(path) {
    const parent = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.dirname(path);
    return parent === '.' ? '' : parent;
}


/***/ }),

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

/***/ 2219:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BB: () => (/* binding */ chartGrid),
/* harmony export */   GD: () => (/* binding */ sampleOnGrid),
/* harmony export */   IK: () => (/* binding */ downsampleSeries)
/* harmony export */ });
/* unused harmony exports MAX_CHART_POINTS, MAX_BAND_LABELS */
const MAX_CHART_POINTS = 60;
/** Up to this many iterations, each one is a labelled slot (d3 would label the span with fractions). */
const MAX_BAND_LABELS = 8;
/** The slots for whole iterations `first` to `last`. */
function chartGrid(first, last, maxPoints = MAX_CHART_POINTS) {
    const iterations = last - first + 1;
    if (iterations <= MAX_BAND_LABELS)
        return { axis: 'band', first, last, binSize: 1, xs: Array.from({ length: iterations }, (_, index) => first + index) };
    const binSize = Math.ceil(iterations / maxPoints);
    const count = Math.ceil(iterations / binSize);
    const middle = (binSize - 1) / 2;
    return { axis: 'numeric', first, last, binSize, xs: Array.from({ length: count }, (_, index) => first + index * binSize + middle) };
}
function slotOf(x, grid) {
    return Math.floor((x - grid.first + 0.5) / grid.binSize);
}
/** The value at x on the straight line between the points around it; the nearest end beyond them. */
function valueAt(sorted, x) {
    let after = sorted.findIndex((point) => point.x >= x);
    if (after === -1)
        after = sorted.length;
    const next = sorted[after];
    const previous = sorted[after - 1];
    if (next && previous)
        return { y: previous.y + ((next.y - previous.y) * (x - previous.x)) / (next.x - previous.x), beyond: false };
    return { y: (next ?? previous).y, beyond: true };
}
/** A series on the grid: the mean of each slot's values; a slot without any, from its neighbours. Needs one point at least. */
function sampleOnGrid(points, grid) {
    const sums = new Array(grid.xs.length).fill(0);
    const counts = new Array(grid.xs.length).fill(0);
    for (const point of points) {
        const slot = slotOf(point.x, grid);
        if (slot < 0 || slot >= grid.xs.length)
            continue;
        sums[slot] += point.y;
        counts[slot] += 1;
    }
    const sorted = [...points].sort((a, b) => a.x - b.x);
    let filled = 0;
    let extended = false;
    const values = grid.xs.map((x, slot) => {
        if (counts[slot] > 0)
            return sums[slot] / counts[slot];
        filled += 1;
        const at = valueAt(sorted, x);
        extended ||= at.beyond;
        return at.y;
    });
    return { values, filled, extended };
}
/** A series reduced as the charts reduce it (at most 60 points, whole-iteration slots), e.g. to keep in a record. */
function downsampleSeries(points, maxPoints = MAX_CHART_POINTS) {
    if (points.length === 0)
        return [];
    const xs = points.map((point) => point.x);
    const grid = chartGrid(Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs)), maxPoints);
    const { values } = sampleOnGrid(points, grid);
    return grid.xs.map((x, index) => ({ x, y: values[index] }));
}


/***/ }),

/***/ 2752:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rl: () => (/* binding */ runSeconds),
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   YA: () => (/* binding */ seconds)
/* harmony export */ });
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6141);

function seconds(ms) {
    return ms === undefined ? undefined : Math.round(ms / 1000);
}
/** Running time, start to end (or to now when it has not ended). */
function runSeconds(job, now) {
    if (!job.startedAt)
        return undefined;
    return Math.max(0, Math.round(((job.endedAt?.getTime() ?? now) - job.startedAt.getTime()) / 1000));
}
const minutes = (value) => `${value} minute${value === 1 ? '' : 's'}`;
function verdictOf(outcome, now) {
    const { job, jobName } = outcome;
    const status = job.status ?? 'UNKNOWN';
    const ran = runSeconds(job, now);
    const billable = seconds(job.billableDuration);
    const timing = ran !== undefined ? ` after ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(ran)}${billable !== undefined ? ` (billable ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(billable)})` : ''}` : '';
    if (outcome.end === 'timeout') {
        if (outcome.cancel) {
            const state = outcome.cancel.cancellationStatus
                ? `this action cancelled it (cancel-on-timeout); it is ${status}`
                : `cancelling it failed (${outcome.cancel.error}); it was last ${status}`;
            return {
                ok: false,
                status,
                message: `Job ${jobName} did not end within wait-timeout-minutes (${minutes(outcome.waitTimeoutMinutes)}): ${state}.`
            };
        }
        return {
            ok: false,
            status,
            message: `Job ${jobName} is still ${status} after wait-timeout-minutes (${minutes(outcome.waitTimeoutMinutes)}). It was left ` +
                `running (cancel-on-timeout: false): pick it up later with a step that has job-arn: ${outcome.jobArn} (the step is in ` +
                `the log and the summary), or follow it at ${outcome.consoleUrl}`
        };
    }
    if (outcome.end === 'workflow-cancel') {
        const by = `the workflow run was cancelled${outcome.signal ? ` (${outcome.signal})` : ''}`;
        if (!outcome.cancelOnWorkflowCancel)
            return {
                ok: false,
                status,
                message: `Stopped following job ${jobName}: ${by}. It was left ${status} (cancel-on-workflow-cancel: false); follow it at ` +
                    `${outcome.consoleUrl}`
            };
        if (outcome.cancel?.cancellationStatus)
            return { ok: false, status, message: `Job ${jobName} was cancelled by this action because ${by}; it is ${status}${timing}.` };
        return {
            ok: false,
            status,
            message: `${by[0].toUpperCase()}${by.slice(1)}, but cancelling job ${jobName} failed (${outcome.cancel?.error ?? 'no answer'}); ` +
                `it was last ${status}. Check ${outcome.consoleUrl}`
        };
    }
    switch (status) {
        case 'COMPLETED':
            return { ok: true, status, message: `Job ${jobName} completed${timing}.` };
        case 'FAILED':
            return { ok: false, status, message: `Job ${jobName} failed${timing}: ${job.failureReason ?? 'Braket gave no failureReason'}` };
        case 'CANCELLED':
            if (outcome.cancel?.reason === 'cost-cap')
                return {
                    ok: false,
                    status,
                    message: `Job ${jobName} was cancelled by this action: its estimated cost reached max-cost-usd${timing}.`
                };
            return {
                ok: false,
                status,
                message: `Job ${jobName} was cancelled by someone else, not by this action (in the Braket console, or by a CancelJob ` + `call)${timing}.`
            };
        default:
            return { ok: false, status, message: `Job ${jobName} ended the wait in an unexpected status ${status}.` };
    }
}


/***/ }),

/***/ 8249:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ chartMarkdown),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   rY: () => (/* binding */ renderMetricChart)
/* harmony export */ });
/* unused harmony exports CHART_COLORS, CHART_HEIGHT, MAX_TITLE_CHARS, MAX_AXIS_TITLE_CHARS, chartText */
/* harmony import */ var _common_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2892);
/* harmony import */ var _chart_grid_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2219);
// A metric over the iterations as a Mermaid xychart-beta line chart, which GitHub
// renders in step summaries and comments — with, when there is one, the baseline
// run's series as a second line aligned by iteration. Pure.
//
// Colours: Mermaid's default palette starts with #ECECFF, invisible on white, so every
// chart names its own. Both colours keep a contrast of at least 3:1 against GitHub's
// light (#ffffff) and dark (#0d1117) pages and against the #333333 plot Mermaid's dark
// theme draws on, and differ in hue (blue, orange) for readers with any colour vision.
// xychart-beta has no legend: the title, or the caption under the chart, says which
// line is which.


const CHART_COLORS = { run: '#2f81f7', baseline: '#e36209' };
/** Said in the key next to the colours' names. */
const KEY = { run: '🔵 this run', baseline: '🟠 baseline' };
/** Mermaid's default is 500 px: three charts in a comment would fill a screen and a half. */
const CHART_HEIGHT = 400;
/** Characters a chart's title fits at Mermaid's default width (700 px, 20 px type). */
const MAX_TITLE_CHARS = 56;
/** An axis title longer than this crowds the axis: the full name is in the chart's title and the table. */
const MAX_AXIS_TITLE_CHARS = 24;
/** Plain decimal text (Mermaid's grammar has no exponents), about 6 significant digits. */
function formatNumber(value) {
    if (!Number.isFinite(value) || value === 0)
        return '0';
    const rounded = Number(value.toPrecision(6));
    const text = String(rounded);
    if (!/e/i.test(text))
        return text;
    if (Math.abs(rounded) >= 1)
        return BigInt(Math.round(rounded)).toString();
    return rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
/**
 * Text inside a chart: letters, digits and plain punctuation only, so nothing of a
 * metric's or node's name can end the quoted string, the statement, or the Markdown
 * code fence around the chart.
 */
function chartText(text, max) {
    const plain = text
        .replace(/[^\p{L}\p{N} _.,:()+\-/=·…']/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
const quoted = (text) => `"${text}"`;
/** Sorted by x; for an x logged more than once, its last value. */
function byX(points) {
    const last = new Map();
    for (const point of points)
        last.set(point.x, point.y);
    return [...last].map(([x, y]) => ({ x, y })).sort((a, b) => a.x - b.x);
}
/** The x to chart by: the iteration when every value has a whole one, else the order the values were logged in. */
function chartedPoints(series) {
    const sorted = byX(series.points);
    if (series.byIteration && sorted.every((point) => Number.isInteger(point.x)))
        return { points: sorted, byIteration: true };
    return { points: series.points.map((point, index) => ({ x: index + 1, y: point.y })), byIteration: false };
}
function xAxis(grid, title) {
    if (grid.axis === 'band')
        return `x-axis ${quoted(title)} [${grid.xs.map((x) => quoted(formatNumber(x))).join(', ')}]`;
    return `x-axis ${quoted(title)} ${formatNumber(grid.xs[0])} --> ${formatNumber(grid.xs.at(-1))}`;
}
function yAxis(title, values) {
    let low = Math.min(...values);
    let high = Math.max(...values);
    const pad = high > low ? (high - low) * 0.05 : Math.abs(high) * 0.1 || 1;
    low -= pad;
    high += pad;
    return `y-axis ${quoted(title)} ${formatNumber(low)} --> ${formatNumber(high)}`;
}
/** The iterations missing between the logged ones, as ranges ("41", "57–60"), the first few. */
function gaps(points, shown = 3) {
    const ranges = [];
    for (let index = 1; index < points.length && ranges.length <= shown; index++) {
        const [from, to] = [points[index - 1].x + 1, points[index].x - 1];
        if (to >= from)
            ranges.push(from === to ? `${from}` : `${from}–${to}`);
    }
    return ranges.length > shown ? [...ranges.slice(0, shown), '…'] : ranges;
}
/** How the points were drawn, when it is not simply one point per iteration. */
function coverage(points, grid, byIteration) {
    const missing = grid.last - grid.first + 1 - points.length;
    if (byIteration && missing === 0 && grid.binSize === 1)
        return [];
    const parts = [byIteration ? `iterations ${grid.first}–${grid.last}` : `values 1–${grid.last} in the order logged (no iteration_number)`];
    if (missing > 0)
        parts.push(`${missing} not logged (${gaps(points).join(', ')})`);
    if (grid.binSize > 1)
        parts.push(`each point is the mean of ${grid.binSize} ${byIteration ? 'iterations' : 'values'}`);
    else if (missing > 0)
        parts.push('the line is drawn straight across the missing ones');
    return parts;
}
/** The baseline on this run's grid, and what the caption says of it; no line when it has no value in this run's range. */
function overlay(baseline, grid, unit) {
    const points = byX(baseline.points);
    const label = (0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(baseline.label, 120);
    if (!points.some((point) => point.x >= grid.first - grid.binSize / 2 && point.x <= grid.last + grid.binSize / 2))
        return { note: `the baseline (${label}) logged no ${unit} in this range` };
    const sampled = (0,_chart_grid_js__WEBPACK_IMPORTED_MODULE_1__/* .sampleOnGrid */ .GD)(points, grid);
    const [from, to] = [formatNumber(points[0].x), formatNumber(points.at(-1).x)];
    return {
        values: sampled.values,
        key: `${KEY.run} · ${KEY.baseline}: ${label}`,
        ...(sampled.extended ? { note: `the baseline logged ${unit}s ${from}–${to} only: its line is flat outside them` } : {})
    };
}
/** The chart's Mermaid source and caption; undefined for fewer than two values (nothing to draw). */
function renderMetricChart(series, baseline) {
    const { points, byIteration } = chartedPoints(series);
    if (points.length < 2)
        return undefined;
    const grid = (0,_chart_grid_js__WEBPACK_IMPORTED_MODULE_1__/* .chartGrid */ .BB)(points[0].x, points.at(-1).x);
    const run = (0,_chart_grid_js__WEBPACK_IMPORTED_MODULE_1__/* .sampleOnGrid */ .GD)(points, grid);
    const base = baseline ? overlay(baseline, grid, byIteration ? 'iteration' : 'value') : {};
    const caption = [...(base.key ? [base.key] : []), ...coverage(points, grid, byIteration), ...(base.note ? [base.note] : [])];
    const name = chartText(series.label, MAX_TITLE_CHARS);
    const key = base.values ? ' · blue: this run, orange: baseline' : '';
    const title = name.length + key.length <= MAX_TITLE_CHARS ? `${name}${key}` : name;
    // The baseline first, so this run's line is drawn over it.
    const lines = base.values ? [base.values, run.values] : [run.values];
    const palette = base.values ? [CHART_COLORS.baseline, CHART_COLORS.run] : [CHART_COLORS.run];
    const source = [
        `%%{init: {"xyChart": {"height": ${CHART_HEIGHT}}, "themeVariables": {"xyChart": {"plotColorPalette": "${palette.join(', ')}"}}}}%%`,
        'xychart-beta',
        `  title ${quoted(title)}`,
        `  ${xAxis(grid, byIteration ? 'iteration' : 'value #')}`,
        `  ${yAxis(chartText(series.name, MAX_AXIS_TITLE_CHARS), lines.flat())}`,
        ...lines.map((values) => `  line [${values.map(formatNumber).join(', ')}]`)
    ].join('\n');
    return { source, caption: caption.join('; ') };
}
/** The chart for Markdown: the fenced Mermaid source, then its caption in small type. */
function chartMarkdown(chart) {
    const fenced = `\`\`\`mermaid\n${chart.source}\n\`\`\``;
    return chart.caption ? `${fenced}\n\n<sub>${chart.caption}</sub>` : fenced;
}


/***/ }),

/***/ 74:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ parseMetricLine)
/* harmony export */ });
// Braket job metrics, read from the job's log lines the way the Braket SDK's
// LogMetricsParser reads them: a line containing `Metrics - ` carries
// `name=value;` pairs, as braket.jobs.metrics.log_metric prints them:
//   Metrics - timestamp=1700000000.1; cost=-0.93; iteration_number=4;
// Pure.
const MARKER = 'Metrics - ';
const PAIR = /(\w+)\s*=\s*([^;]+?)\s*;/g;
const NODE_TAG = /^\[([^\]]*)\]/;
const SPECIAL = new Set(['timestamp', 'iteration_number', 'iteration', 'node_id']);
/** The metrics on one log line; none for any other line. */
function parseMetricLine(message, node) {
    const at = message.indexOf(MARKER);
    if (at < 0)
        return [];
    const pairs = new Map();
    for (const match of message.slice(at + MARKER.length).matchAll(PAIR))
        pairs.set(match[1], match[2]);
    const number = (key) => {
        const text = pairs.get(key);
        const value = text === undefined ? NaN : Number(text);
        return Number.isFinite(value) ? value : undefined;
    };
    const iteration = number('iteration_number') ?? number('iteration');
    const timestamp = number('timestamp');
    const lineNode = NODE_TAG.exec(message)?.[1] ?? pairs.get('node_id') ?? node;
    const points = [];
    for (const [name, text] of pairs) {
        if (SPECIAL.has(name))
            continue;
        // Python's float() accepts what Number() does, bar "nan"/"inf": those are no use in a chart anyway.
        const value = Number(text);
        if (text.trim() === '' || !Number.isFinite(value))
            continue;
        points.push({
            name,
            value,
            ...(iteration !== undefined ? { iteration } : {}),
            ...(timestamp !== undefined ? { timestamp } : {}),
            ...(lineNode ? { node: lineNode } : {})
        });
    }
    return points;
}


/***/ }),

/***/ 2152:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ MetricCollector)
/* harmony export */ });
/** Beyond this many stored values a series is thinned to every other one: a chart shows a few dozen anyway. */
const MAX_STORED_POINTS = 20_000;
class MetricCollector {
    maxStoredPoints;
    byKey = new Map();
    sequence = 0;
    constructor(maxStoredPoints = MAX_STORED_POINTS) {
        this.maxStoredPoints = maxStoredPoints;
    }
    add(points) {
        for (const point of points) {
            const key = `${point.name}\u0000${point.node ?? ''}`;
            let stored = this.byKey.get(key);
            if (!stored) {
                stored = { name: point.name, node: point.node, kept: [], logged: 0, stride: 1 };
                this.byKey.set(key, stored);
            }
            stored.logged += 1;
            const value = { iteration: point.iteration, y: point.value, position: stored.logged, sequence: ++this.sequence };
            stored.newest = value;
            if ((stored.logged - 1) % stored.stride !== 0)
                continue;
            stored.kept.push(value);
            if (stored.kept.length > this.maxStoredPoints) {
                stored.kept = stored.kept.filter((_, index) => index % 2 === 0);
                stored.stride *= 2;
            }
        }
    }
    get size() {
        return this.byKey.size;
    }
    /** Each metric's latest value (whichever node logged it last), by name. */
    lastValues() {
        const last = new Map();
        for (const stored of this.byKey.values()) {
            const current = last.get(stored.name);
            if (stored.newest && (!current || stored.newest.sequence > current.sequence))
                last.set(stored.name, stored.newest);
        }
        return Object.fromEntries([...last].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, value]) => [name, value.y]));
    }
    /** The series to chart, by name, then node; the newest value is always in. */
    series() {
        const nodesPerName = new Map();
        for (const stored of this.byKey.values())
            nodesPerName.set(stored.name, (nodesPerName.get(stored.name) ?? 0) + 1);
        return [...this.byKey.values()]
            .sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : (a.node ?? '') < (b.node ?? '') ? -1 : 1))
            .map((stored) => {
            const values = stored.newest && stored.kept.at(-1) !== stored.newest ? [...stored.kept, stored.newest] : stored.kept;
            const byIteration = values.every((value) => value.iteration !== undefined);
            return {
                name: stored.name,
                label: (nodesPerName.get(stored.name) ?? 0) > 1 && stored.node ? `${stored.name} (${stored.node})` : stored.name,
                byIteration,
                points: values.map((value) => ({ x: byIteration ? value.iteration : value.position, y: value.y }))
            };
        });
    }
}


/***/ }),

/***/ 7190:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ commentMarker),
/* harmony export */   Z: () => (/* binding */ upsertPrComment)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2413);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8983);
// One pull-request comment per job identity, found again by a hidden marker and
// updated in place on re-runs and new pushes. A comment is a courtesy: when it
// can't be written (most often a token without pull-requests: write, as on
// pull requests from forks) the step warns and goes on.



function commentMarker(identity, idempotencyKey) {
    const parts = [identity.repository, identity.workflow, identity.job, identity.step, ...(idempotencyKey ? [idempotencyKey] : [])];
    // Nothing in it may end the HTML comment early.
    return `<!-- braket-hybrid-job: ${parts.join('/').replace(/--|[<>]/g, '_')} -->`;
}
async function upsertPrComment(token, marker, body) {
    const { /* context */ "_": context } = _actions_github__WEBPACK_IMPORTED_MODULE_1__;
    const pullRequest = context.payload.pull_request;
    if (!pullRequest)
        return { action: 'skipped', why: `this is a ${context.eventName || 'non-pull-request'} event, not a pull request` };
    const { owner, repo } = context.repo;
    const issue_number = pullRequest.number;
    const text = `${marker}\n${body}`;
    const octokit = _actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q(token);
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
        const existing = comments.find((comment) => comment.body?.includes(marker));
        if (existing) {
            const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: text });
            return { action: 'updated', url: updated.data.html_url };
        }
        const created = await octokit.rest.issues.createComment({ owner, repo, issue_number, body: text });
        return { action: 'created', url: created.data.html_url };
    }
    catch (error) {
        const status = error.status;
        const detail = `${status ?? (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error)}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`;
        if (status === 403 || status === 401) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not comment on pull request #${issue_number} (${detail}). The token needs "permissions: pull-requests: write"; on pull ` +
                `requests from forks GITHUB_TOKEN is read-only and no comment can be written.`, { title: 'comment-on-pr' });
        }
        else {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not comment on pull request #${issue_number} (${detail}).`, { title: 'comment-on-pr' });
        }
        return { action: 'skipped', why: detail };
    }
}


/***/ }),

/***/ 6564:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ reportOutcome)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./.build/report/render-report.js
var render_report = __webpack_require__(2852);
// EXTERNAL MODULE: ./.build/report/step-summary.js
var step_summary = __webpack_require__(3962);
// EXTERNAL MODULE: ./.build/report/submission-report.js
var submission_report = __webpack_require__(6940);
// EXTERNAL MODULE: ./.build/report/format.js
var format = __webpack_require__(6141);
// EXTERNAL MODULE: ./.build/report/job-report.js
var job_report = __webpack_require__(8397);
// EXTERNAL MODULE: ./.build/common/untrusted.js
var untrusted = __webpack_require__(2892);
// EXTERNAL MODULE: ./.build/follow/metric-chart.js
var metric_chart = __webpack_require__(8249);
;// CONCATENATED MODULE: ./.build/report/metrics-section.js
// The job's metrics in the report: each metric's last value in a table, and a chart per
// series (10 in the summary, 3 in the comment), with the baseline's line when the
// report has one. Renders when the report does, so a baseline given at any time before
// is drawn.



const MAX_CHARTS = { summary: 10, comment: 3 };
function lastValuesTable(metrics) {
    const rows = Object.entries(metrics.lastValues()).map(([name, value]) => `| ${(0,untrusted/* markdownText */.p7)(name, 200)} | ${(0,metric_chart/* formatNumber */.ZV)(value)} |`);
    return ['| Metric | Last value |', '| --- | ---: |', ...rows].join('\n');
}
function charts(metrics, baseline) {
    return metrics
        .series()
        .map((series) => {
        const points = baseline?.series[series.name];
        return (0,metric_chart/* renderMetricChart */.rY)(series, points && baseline ? { label: baseline.label, points } : undefined);
    })
        .filter((chart) => chart !== undefined);
}
function metricsSection(metrics, baseline) {
    const table = () => lastValuesTable(metrics);
    return {
        id: 'metrics',
        title: 'Metrics',
        order: job_report/* SECTION_ORDER */.t9.metrics,
        render(channel) {
            if (metrics.size === 0)
                return undefined;
            const all = charts(metrics, baseline());
            const shown = all.slice(0, MAX_CHARTS[channel]).map(metric_chart/* chartMarkdown */.GJ);
            const more = all.length - shown.length;
            const where = channel === 'comment' ? 'in the step summary' : `not drawn: the summary draws ${MAX_CHARTS.summary}`;
            const note = more > 0 ? [`_${more} more metric chart${more === 1 ? '' : 's'} ${where}._`] : [];
            return [table(), ...shown, ...note].join('\n\n');
        },
        compact: () => (metrics.size === 0 ? undefined : table())
    };
}

;// CONCATENATED MODULE: ./.build/report/results-section.js
// What the job left: the results fact (what was downloaded, from where — never where on
// the runner, which no reader can open), and a look at results.json.


const LISTED_FILES = 5;
/** "3 files from s3://…/output/model.tar.gz: results.json, plots/cost.csv, …" */
function downloadedFact(results) {
    const count = results.files.length;
    const names = results.files.slice(0, LISTED_FILES).map((file) => (0,untrusted/* codeText */.ph)(file, 120));
    const more = count > LISTED_FILES ? `, and ${count - LISTED_FILES} more` : '';
    return `${count} file${count === 1 ? '' : 's'} downloaded from ${(0,untrusted/* codeText */.ph)(results.s3Uri)}${count ? `: ${names.join(', ')}${more}` : ''}`;
}
/** Open in the summary; folded in the comment, under its title. */
function folded(title, body) {
    return `<details><summary>${title}</summary>\n\n${body}\n\n</details>`;
}
function resultsSection(preview) {
    return {
        id: 'results',
        title: 'results.json',
        order: job_report/* SECTION_ORDER */.t9.results,
        plain: 'comment',
        render: (channel) => (channel === 'summary' ? (0,untrusted/* preText */.zj)(preview) : folded('results.json', (0,untrusted/* preText */.zj)(preview)))
    };
}
function logTailSection(lines) {
    const title = `The job's last ${lines.length} log line${lines.length === 1 ? '' : 's'}`;
    const text = () => (0,untrusted/* preText */.zj)(lines.map((line) => (0,untrusted/* logText */.kc)(line, 1000)).join('\n'));
    return {
        id: 'log-tail',
        title,
        order: job_report/* SECTION_ORDER */.t9.logTail,
        plain: 'comment',
        render: (channel) => (channel === 'summary' ? text() : folded(title, text()))
    };
}

// EXTERNAL MODULE: ./.build/follow/follow-outcome.js
var follow_outcome = __webpack_require__(2752);
;// CONCATENATED MODULE: ./.build/follow/follow-report.js
// The followed job's end, as the step's outputs and as what it adds to the job's
// report: the status and its sentence, the timings, what was downloaded, the metrics,
// results.json and, when the job did not succeed, its last log lines.






function followOutputs(report) {
    const { job } = report.outcome;
    const billable = (0,follow_outcome/* seconds */.YA)(job.billableDuration);
    return {
        status: report.verdict.status,
        'failure-reason': job.failureReason,
        'billable-duration-seconds': billable === undefined ? undefined : String(billable),
        'results-dir': report.results?.dir,
        metrics: JSON.stringify(report.metrics.lastValues())
    };
}
/** "queued 4s · ran 2m 3s, until 2026-12-01 14:40 UTC · billable 2m 3s" */
function timing(report) {
    const { job } = report.outcome;
    const parts = [];
    if (job.createdAt && job.startedAt)
        parts.push(`queued ${(0,format/* formatDuration */.a3)(Math.max(0, Math.round((job.startedAt.getTime() - job.createdAt.getTime()) / 1000)))}`);
    const ran = (0,follow_outcome/* runSeconds */.Rl)(job, report.now);
    if (ran !== undefined)
        parts.push(`ran ${(0,format/* formatDuration */.a3)(ran)}${job.endedAt ? `, until ${(0,format/* formatTime */.fU)(job.endedAt)}` : ''}`);
    const billable = (0,follow_outcome/* seconds */.YA)(job.billableDuration);
    if (billable !== undefined)
        parts.push(`billable ${(0,format/* formatDuration */.a3)(billable)}`);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}
/** Completes the job's report with how it ended. */
function reportFollowedJob(report, followed) {
    report.setHeadline({ status: followed.verdict.status, message: followed.verdict.message }, followed.now);
    const time = timing(followed);
    if (time)
        report.setFact({ label: 'Time', value: time, order: job_report/* FACT_ORDER */.Ge.timing });
    if (followed.results)
        report.setFact({ label: 'Results', value: downloadedFact(followed.results), order: job_report/* FACT_ORDER */.Ge.results });
    // Of a job that did not succeed, the headline says why there are none.
    else if (followed.resultsNote && followed.verdict.ok)
        report.setFact({ label: 'Results', value: (0,untrusted/* markdownText */.p7)(followed.resultsNote), order: job_report/* FACT_ORDER */.Ge.results });
    report.setFact({ label: 'Output', value: (0,untrusted/* codeText */.ph)(followed.outputS3Path), order: job_report/* FACT_ORDER */.Ge.output, only: 'summary' });
    report.addSection(metricsSection(followed.metrics, () => report.baseline));
    if (followed.results?.resultsPreview)
        report.addSection(resultsSection(followed.results.resultsPreview));
    if (!followed.verdict.ok && followed.lastLines.length > 0)
        report.addSection(logTailSection(followed.lastLines));
}

// EXTERNAL MODULE: ./.build/follow/step-log.js
var step_log = __webpack_require__(2685);
;// CONCATENATED MODULE: ./.build/follow/report-outcome.js
// The followed job's end, told everywhere the workflow looks: outputs, the step
// summary, the PR comment, annotations, and the step's own result.






async function reportOutcome(report, fetch, channels) {
    (0,submission_report/* setOutputs */.n0)(followOutputs(report));
    reportFollowedJob(channels.report, report);
    await (0,step_summary/* writeStepSummary */.o)(channels.report);
    if (channels.comment)
        await channels.comment((0,render_report/* renderReport */.B1)(channels.report, 'comment'));
    const { verdict, outcome } = report;
    if (verdict.status === 'FAILED' && outcome.job.failureReason) {
        core/* error */.z3(outcome.job.failureReason, { title: `Braket job ${outcome.jobName} FAILED` });
    }
    if (verdict.status === 'FAILED' && report.lastLines.length > 0) {
        core/* info */.pq(`Last ${report.lastLines.length} lines of the job's log:`);
        (0,step_log/* printVerbatim */.S)(report.lastLines);
    }
    const resultsFailure = fetch.kind === 'failed' ? fetch.message : undefined;
    if (resultsFailure)
        core/* error */.z3(resultsFailure, { title: 'download-results' });
    if (!verdict.ok)
        core/* setFailed */.C1(verdict.message);
    else if (resultsFailure)
        core/* setFailed */.C1(resultsFailure);
    else
        core/* notice */.lm(verdict.message, { title: 'Amazon Braket hybrid job' });
}


/***/ }),

/***/ 5539:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xd: () => (/* binding */ downloadResults),
  oW: () => (/* binding */ previewOf)
});

// UNUSED EXPORTS: resultsUri

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/archive/safe-extract.js
var safe_extract = __webpack_require__(5349);
// EXTERNAL MODULE: ./.build/common/errors.js
var errors = __webpack_require__(8983);
// EXTERNAL MODULE: ./.build/aws/aws-call.js
var aws_call = __webpack_require__(7730);
;// CONCATENATED MODULE: ./.build/report/json-preview.js
// A look at results.json for people reading the summary or the comment: JSON, indented,
// numbers at 6 significant digits (the float noise of an optimiser's output,
// -2.6444999999999994, says nothing to a reviewer), long arrays shown by their ends and
// length, long strings and deep or wide objects cut. What is left out is said in
// /* comments */, so the rest reads — and parses, once they are removed — as JSON. Pure.
const MAX_ARRAY_ITEMS = 6;
const ARRAY_ENDS = { head: 3, tail: 2 };
const MAX_KEYS = 20;
const MAX_DEPTH = 4;
const MAX_STRING_CHARS = 120;
/** A line this long or shorter holds a whole array or object; wider ones are indented. */
const INLINE_WIDTH = 100;
const MAX_LINES = 60;
const SIGNIFICANT_DIGITS = 6;
/** A number at 6 significant digits, as JSON writes it: 0.9724999999999999 → 0.9725. */
function roundNumber(value) {
    return Number.isFinite(value) ? Number(value.toPrecision(SIGNIFICANT_DIGITS)) : value;
}
const comment = (text) => `/* ${text} */`;
function scalar(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? JSON.stringify(roundNumber(value)) : 'null';
    if (typeof value === 'string') {
        const cut = value.length > MAX_STRING_CHARS ? `${value.slice(0, MAX_STRING_CHARS - 1)}…` : value;
        return JSON.stringify(cut);
    }
    return JSON.stringify(value) ?? 'null';
}
/** Stands for the items of a long array that are not shown. */
class Omitted {
    text;
    constructor(text) {
        this.text = text;
    }
}
/** The items shown, with a comment standing for those left out. */
function arrayItems(items) {
    if (items.length <= MAX_ARRAY_ITEMS)
        return [...items];
    const omitted = items.length - ARRAY_ENDS.head - ARRAY_ENDS.tail;
    return [
        ...items.slice(0, ARRAY_ENDS.head),
        new Omitted(`${omitted} more of ${items.length} values`),
        ...items.slice(items.length - ARRAY_ENDS.tail)
    ];
}
function render(value, depth, indent) {
    if (value === null || typeof value !== 'object')
        return scalar(value);
    const inner = `${indent}  `;
    let parts;
    let open;
    let close;
    if (Array.isArray(value)) {
        if (value.length === 0)
            return '[]';
        if (depth >= MAX_DEPTH)
            return `[${comment(`${value.length} values`)}]`;
        [open, close] = ['[', ']'];
        parts = arrayItems(value).map((item) => (item instanceof Omitted ? comment(item.text) : render(item, depth + 1, inner)));
    }
    else {
        const entries = Object.entries(value);
        if (entries.length === 0)
            return '{}';
        if (depth >= MAX_DEPTH)
            return `{${comment(`${entries.length} key${entries.length === 1 ? '' : 's'}`)}}`;
        [open, close] = ['{', '}'];
        parts = entries.slice(0, MAX_KEYS).map(([key, entry]) => `${scalar(key)}: ${render(entry, depth + 1, inner)}`);
        if (entries.length > MAX_KEYS)
            parts.push(comment(`${entries.length - MAX_KEYS} more keys`));
    }
    // Comments carry no comma, and no value before only comments does: the text stays JSON once they are taken out.
    const isComment = (part) => part.startsWith('/*');
    const lastValue = parts.length - 1 - [...parts].reverse().findIndex((part) => !isComment(part));
    const joined = (separator) => parts.map((part, index) => (index < lastValue && !isComment(part) ? `${part},` : part)).join(separator);
    const inline = `${open}${joined(' ')}${close}`;
    // The document's own keys one per line; what is inside them on one line when it fits.
    const topObject = depth === 0 && open === '{';
    if (!topObject && !inline.includes('\n') && inline.length + indent.length <= INLINE_WIDTH)
        return inline;
    return `${open}\n${inner}${joined(`\n${inner}`)}\n${indent}${close}`;
}
/** The preview's text; a document that is not JSON is shown as its first lines. */
function jsonPreview(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return `${comment('not valid JSON; its first lines:')}\n${text.split('\n').slice(0, 15).join('\n')}`;
    }
    const lines = render(value, 0, '').split('\n');
    if (lines.length <= MAX_LINES)
        return lines.join('\n');
    return [...lines.slice(0, MAX_LINES - 1), comment(`${lines.length - MAX_LINES + 1} more lines`)].join('\n');
}

;// CONCATENATED MODULE: ./.build/follow/results-download.js
// The job's results: <output s3Path>/output/model.tar.gz, streamed from S3 into
// the safe extractor (never held whole in memory), and a short look at
// results.json when the job wrote one.








function resultsUri(outputS3Path) {
    return `${outputS3Path.replace(/\/+$/, '')}/output/model.tar.gz`;
}
/** The results, or undefined (with a warning) when the job left none. Unsafe archives throw UnsafeArchiveError. */
async function downloadResults(s3, outputS3Path, dir) {
    const s3Uri = resultsUri(outputS3Path);
    const location = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri);
    if (!location) {
        core/* warning */.$e(`Results not downloaded: ${s3Uri} is not an s3:// URI.`, { title: 'download-results' });
        return undefined;
    }
    let body;
    try {
        const response = await s3.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: location[1], Key: location[2] }));
        body = response.Body;
    }
    catch (error) {
        const name = (0,errors/* errorName */.Is)(error);
        if (name === 'NoSuchKey' || name === 'NotFound') {
            core/* warning */.$e(`The job left no results: ${s3Uri} does not exist. Nothing was downloaded.`, { title: 'download-results' });
            return undefined;
        }
        throw (0,aws_call/* awsCallError */.Id)({ service: 'S3', operation: 'GetObject', target: s3Uri, permission: 's3:GetObject' }, error);
    }
    const extracted = await (0,safe_extract/* extractTarGz */.Ce)(body, dir);
    for (const skipped of extracted.skipped)
        core/* warning */.$e(`Not extracted from the results: ${skipped.path} (${skipped.reason})`, { title: 'download-results' });
    const results = { s3Uri, dir, files: extracted.files, skipped: extracted.skipped };
    if (extracted.files.includes('results.json'))
        results.resultsPreview = await previewOf((0,external_node_path_.join)(dir, 'results.json'));
    return results;
}
const PREVIEW_READ_BYTES = 256 * 1024;
/** A look at a results.json on disk (JSON, rounded, long arrays shortened). */
async function previewOf(path) {
    const size = (await (0,promises_.stat)(path)).size;
    if (size > PREVIEW_READ_BYTES)
        return `/* results.json is ${size} bytes: too large to show here */`;
    return jsonPreview(await (0,promises_.readFile)(path, 'utf8'));
}


/***/ }),

/***/ 2685:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ StepLog),
/* harmony export */   S: () => (/* binding */ printVerbatim)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var _common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2892);
// What the follower prints into the step log: one collapsible group per phase of
// the job (its title is the transition, with its time), the job's events and
// queue moves, and the job's own log lines, kept from issuing workflow commands.



const PHASE_HINTS = {
    QUEUED: 'waiting for the device and an instance',
    RUNNING: "the job's log",
    CANCELLING: 'stopping'
};
/** Last lines kept, to repeat outside the groups when the job fails. */
const TAIL_LINES = 30;
/** Prints text that is not ours with workflow commands paused, so a `::set-output` or `::add-mask` in it does nothing. */
function printVerbatim(texts) {
    if (texts.length === 0)
        return;
    const resume = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::stop-commands::${resume}`);
    for (const text of texts)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(text);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::${resume}::`);
}
class StepLog {
    multiInstance;
    printLogs;
    groupOpen = false;
    tail = [];
    constructor(
    /** Instance prefixes only mean something with more than one instance. */
    multiInstance, printLogs) {
        this.multiInstance = multiInstance;
        this.printLogs = printLogs;
    }
    progress(lines) {
        for (const line of lines) {
            // Events, queue notes and statuses are Braket's text.
            if (line.kind !== 'transition') {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(line.text, 1000));
                continue;
            }
            this.closeGroup();
            const hint = PHASE_HINTS[line.to];
            if (hint) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`${line.text} — ${hint}`);
                this.groupOpen = true;
            }
            else {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_common_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(line.text, 1000));
            }
        }
    }
    /** The job's own lines. They are someone else's text: no `::` line of theirs may act as a workflow command. */
    logLines(lines) {
        if (lines.length === 0)
            return;
        const texts = lines.map((line) => (this.multiInstance ? `[${line.instance}] ${line.message}` : line.message));
        for (const text of texts) {
            this.tail.push(text);
            if (this.tail.length > TAIL_LINES)
                this.tail.shift();
        }
        if (!this.printLogs)
            return;
        if (!this.groupOpen) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh("The job's log");
            this.groupOpen = true;
        }
        printVerbatim(texts);
    }
    closeGroup() {
        if (this.groupOpen)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
        this.groupOpen = false;
    }
    lastLines() {
        return [...this.tail];
    }
}


/***/ }),

/***/ 4661:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ WorkflowSignals)
/* harmony export */ });
// When a workflow run is cancelled the runner sends SIGINT, then SIGTERM about
// 7.5 s later, then kills the step. While the action follows a job, either
// signal aborts the wait instead of ending the process, so the job can be
// cancelled and the outcome reported within that window.
class WorkflowSignals {
    target;
    signals;
    controller = new AbortController();
    /** The first signal received. */
    received;
    handler = (signal) => {
        this.received ??= signal;
        this.controller.abort();
    };
    constructor(target = process, signals = ['SIGINT', 'SIGTERM']) {
        this.target = target;
        this.signals = signals;
        for (const signal of this.signals)
            this.target.on(signal, this.handler);
    }
    get signal() {
        return this.controller.signal;
    }
    /** Back to the default (ending the process) once the action no longer waits. */
    dispose() {
        for (const signal of this.signals)
            this.target.off(signal, this.handler);
    }
}


/***/ }),

/***/ 8924:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ currentRun)
/* harmony export */ });
/* unused harmony export runReference */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _plan_run_identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4288);
// The workflow run and commit a report belongs to, as GitHub shows them to people:
// the run's number (#17, not its id), a link to the run (to the attempt, on a
// re-run), and the commit the reviewer pushed — for a pull request the PR's head,
// not the merge commit GitHub tests (GITHUB_SHA of a pull_request event).


const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
function runReference(identity, env, payload) {
    const base = (0,_plan_run_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrl */ .Vp)(identity);
    const pullRequest = PULL_REQUEST_EVENTS.has(identity.eventName) ? payload.pull_request : undefined;
    const sha = pullRequest ? pullRequest.head?.sha : identity.sha;
    const repositoryUrl = `${identity.serverUrl}/${identity.repository}`;
    return {
        workflow: identity.workflow,
        runNumber: env.GITHUB_RUN_NUMBER ?? '',
        attempt: identity.runAttempt,
        url: identity.runAttempt > 1 ? `${base}/attempts/${identity.runAttempt}` : base,
        ...(sha
            ? {
                commit: {
                    sha,
                    url: `${repositoryUrl}/commit/${sha}`,
                    ...(pullRequest?.number !== undefined ? { pullRequest: pullRequest.number } : {})
                }
            }
            : {})
    };
}
/** The reference of the run this process is a step of. */
function currentRun(identity, env) {
    return runReference(identity, env, _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.payload);
}


/***/ })

};
