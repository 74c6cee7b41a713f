# Builds ZIP archives for tests, including hostile ones that no honest tool
# would make. Usage: python3 zip.py OUT.zip SPEC.json, where SPEC is a list of
# {"name": str, "text"?: str, "base64"?: str, "zeros"?: int, "symlink"?: bool,
#  "extra"?: base64 of raw extra fields, written to the local and central headers}.
import base64
import json
import sys
import warnings
import zipfile

warnings.simplefilter("ignore")  # duplicate names are the point of some tests
out, spec = sys.argv[1], json.load(open(sys.argv[2]))
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for item in spec:
        info = zipfile.ZipInfo(item["name"])
        info.compress_type = zipfile.ZIP_DEFLATED
        if "extra" in item:
            info.extra = base64.b64decode(item["extra"])
        if item.get("symlink"):
            info.external_attr = (0o120777 << 16)
        if "zeros" in item:
            data = bytes(item["zeros"])
        elif "base64" in item:
            data = base64.b64decode(item["base64"])
        else:
            data = item.get("text", "").encode("utf-8")
        z.writestr(info, data)
