// An execute-mode job creates a quantum task through the stand-in's Braket
// endpoint, as a job container does: with its role's credentials, the endpoint
// from AWS_ENDPOINT_URL_BRAKET and its AMZN_BRAKET_JOB_TOKEN, and the task
// belongs to the job. The entry point signs with Python's standard library
// only, so the test needs no AWS SDK for Python.
import { BraketClient, CreateJobCommand, SearchQuantumTasksCommand } from '@aws-sdk/client-braket'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'
import { tarGz } from './support/tar-gz.js'
import { SV1 } from './support/braket-devices.js'

const BUCKET = 'amazon-braket-us-west-2-123456789012'

const CREATE_TASK = `
import datetime, hashlib, hmac, json, os, urllib.parse, urllib.request, uuid


def _key(secret, date, region):
    key = ("AWS4" + secret).encode()
    for part in (date, region, "braket", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def run(shots: int):
    endpoint = os.environ["AWS_ENDPOINT_URL_BRAKET"]
    region = os.environ["AWS_REGION"]
    body = json.dumps({
        "clientToken": str(uuid.uuid4()),
        "deviceArn": os.environ["AMZN_BRAKET_DEVICE_ARN"],
        "shots": shots,
        "outputS3Bucket": os.environ["AMZN_BRAKET_OUT_S3_BUCKET"],
        "outputS3KeyPrefix": "jobs/" + os.environ["AMZN_BRAKET_JOB_NAME"] + "/tasks",
        "action": json.dumps({"braketSchemaHeader": {"name": "braket.ir.openqasm.program", "version": "1"}, "source": "OPENQASM 3;"}),
        "jobToken": os.environ["AMZN_BRAKET_JOB_TOKEN"],
    }).encode()
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, date = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    headers = {
        "content-type": "application/json",
        "host": urllib.parse.urlparse(endpoint).netloc,
        "x-amz-date": amz_date,
        "x-amz-security-token": os.environ["AWS_SESSION_TOKEN"],
    }
    names = sorted(headers)
    canonical = "\\n".join(["POST", "/quantum-task", "", "".join(f"{n}:{headers[n]}\\n" for n in names), ";".join(names),
                           hashlib.sha256(body).hexdigest()])
    scope = f"{date}/{region}/braket/aws4_request"
    to_sign = "\\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    signature = hmac.new(_key(os.environ["AWS_SECRET_ACCESS_KEY"], date, region), to_sign.encode(), hashlib.sha256).hexdigest()
    headers["authorization"] = (f"AWS4-HMAC-SHA256 Credential={os.environ['AWS_ACCESS_KEY_ID']}/{scope}, "
                                f"SignedHeaders={';'.join(names)}, Signature={signature}")
    request = urllib.request.Request(endpoint + "/quantum-task", data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request) as response:
        print("created", json.load(response)["quantumTaskArn"])
`

let standIn: StandIn

beforeAll(async () => {
  standIn = await start({ mode: 'execute' })
  standIn.objects.createBucket(BUCKET, STATIC_CREDENTIALS.accountId, 'us-west-2')
})
afterAll(async () => standIn.stop())

it('creates a task with the job token through the Braket endpoint, and the task belongs to the job', async () => {
  await standIn.objects.write(BUCKET, 'src/source.tar.gz', await tarGz([{ name: 'tasks.py', content: CREATE_TASK }]))
  const braket = new BraketClient({ region: 'us-west-2', endpoint: standIn.endpoints.braket, credentials: STATIC_CREDENTIALS })
  const { jobArn } = await braket.send(
    new CreateJobCommand({
      clientToken: `execute-tasks-${Date.now()}`,
      jobName: `execute-tasks-${Date.now()}`,
      roleArn: `arn:aws:iam::${STATIC_CREDENTIALS.accountId}:role/BraketJobs`,
      algorithmSpecification: {
        scriptModeConfig: { entryPoint: 'tasks:run', s3Uri: `s3://${BUCKET}/src/source.tar.gz`, compressionType: 'GZIP' }
      },
      hyperParameters: { shots: '123' },
      outputDataConfig: { s3Path: `s3://${BUCKET}/jobs/out` },
      instanceConfig: { instanceType: 'ml.m5.large', volumeSizeInGb: 30 },
      deviceConfig: { device: SV1 }
    })
  )
  const job = await standIn.jobs.waitForStatus(jobArn!, ['COMPLETED', 'FAILED'], 30_000)
  expect(job.failureReason).toBeUndefined()
  const { quantumTasks } = await braket.send(
    new SearchQuantumTasksCommand({ filters: [{ name: 'jobArn', operator: 'EQUAL', values: [jobArn!] }] })
  )
  expect(quantumTasks).toHaveLength(1)
  expect(quantumTasks![0]).toMatchObject({ deviceArn: SV1, shots: 123, outputS3Bucket: BUCKET })
  const created = standIn.requests.of('braket', 'CreateQuantumTask')
  expect(created).toHaveLength(1)
  // Signed with the job role's session credentials, not the static pair.
  expect(created[0]!.accessKeyId).toMatch(/^ASIA/)
}, 40_000)
