// A tiny wheel built on the spot, for pip to install with --no-index
// --find-links (the test machines reach no Python package index).
import { execFileSync } from 'node:child_process'

const BUILD = `
import base64, hashlib, sys, zipfile
directory, name, version, source = sys.argv[1:5]
files = {
    f"{name}/__init__.py": source,
    f"{name}-{version}.dist-info/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n",
    f"{name}-{version}.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
record = f"{name}-{version}.dist-info/RECORD"
lines = []
for path, text in files.items():
    data = text.encode()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    lines.append(f"{path},sha256={digest},{len(data)}")
lines.append(f"{record},,")
with zipfile.ZipFile(f"{directory}/{name}-{version}-py3-none-any.whl", "w") as wheel:
    for path, text in files.items():
        wheel.writestr(path, text)
    wheel.writestr(record, "\\n".join(lines) + "\\n")
`

/** Writes `<name>-<version>-py3-none-any.whl` holding the package `name` with `source` as its __init__.py. */
export function buildWheel(directory: string, name: string, version: string, source: string): void {
  execFileSync('python3', ['-c', BUILD, directory, name, version, source])
}
