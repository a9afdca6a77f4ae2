"""Walk a Bulwark demo node with the OASIS taxii2-client 2.3 (TAXII 2.1 API).

usage: python3 taxii2client_walkthrough.py URL USER TOKEN [CA_PEM]   (URL like https://localhost:8443/taxii2/)
With CA_PEM the node's certificate is verified; without it verification is off (demo only).
"""
import sys
import uuid
import warnings
from datetime import datetime, timedelta, timezone

import taxii2client
from taxii2client.common import TokenAuth
from taxii2client.v21 import ApiRoot, Server, as_pages

warnings.filterwarnings("ignore", message="Unverified HTTPS request")  # demo: self-signed certificate

url, user, token = sys.argv[1:4]
verify = sys.argv[4] if len(sys.argv) > 4 else False
TLP_GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"


def ts(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


print("taxii2-client", taxii2client.__version__)

# 1. Server discovery
server = Server(url, user=user, password=token, verify=verify)
print("server:", server.title, "| default root:", server.default.url)
print("api roots:", [r.url for r in server.api_roots])

# 2. API root information
root = server.api_roots[0]
print("api root:", root.title, root.versions, "max_content_length", root.max_content_length)

# 3. Collections
for c in root.collections:
    print("collection:", c.id, repr(c.title), "alias", c.alias, "read", c.can_read, "write", c.can_write)
coll = next(c for c in root.collections if c.alias == "intel")

# 4. Add a bundle; then a newer version of one of its objects; poll the status resource
now = datetime.now(timezone.utc).replace(microsecond=0)
ids = ["indicator--" + str(uuid.uuid4()) for _ in range(3)]
bundle = {"type": "bundle", "id": "bundle--" + str(uuid.uuid4()), "objects": [
    {"type": "indicator", "spec_version": "2.1", "id": i, "created": ts(now), "modified": ts(now),
     "name": "python client test %d" % n, "pattern": "[ipv4-addr:value = '198.51.100.%d']" % (n + 1),
     "pattern_type": "stix", "valid_from": ts(now), "object_marking_refs": [TLP_GREEN]}
    for n, i in enumerate(ids)]}
status = coll.add_objects(bundle, wait_for_completion=False)
print("add_objects:", status.status, "total", status.total_count, "success", status.success_count,
      "failure", status.failure_count, "pending", status.pending_count)
polled = root.get_status(status.id)
print("status polled:", polled.url, polled.status, "successes",
      [s["id"] + " " + s["version"] for s in polled.successes])
newer = dict(bundle["objects"][0], modified=ts(now + timedelta(seconds=5)), name="python client test 0 (v2)")
status2 = coll.add_objects({"objects": [newer]}, wait_for_completion=True, poll_interval=1, timeout=10)
print("add newer version:", status2.status, "success", status2.success_count, "failure", status2.failure_count)

# 5. Page through all objects with as_pages
seen, pages = [], 0
for envelope in as_pages(coll.get_objects, per_request=50):
    pages += 1
    seen += [o["id"] + "@" + o.get("modified", "") for o in envelope.get("objects", [])]
print("as_pages(get_objects, per_request=50):", pages, "pages,", len(seen), "objects,",
      len(set(seen)), "distinct; ours present:", all(any(s.startswith(i) for s in seen) for i in ids))

# 6. Filter with match[type]
ind = coll.get_objects(type="indicator", limit=1000)
types = {o["type"] for o in ind.get("objects", [])}
print("get_objects(type='indicator'):", len(ind.get("objects", [])), "objects, types", types,
      "more", ind.get("more"), "| X-TAXII-Date-Added-Last", ind.headers.get("X-TAXII-Date-Added-Last"))
mixed = coll.get_objects(type=["malware", "threat-actor"])
print("get_objects(type=['malware','threat-actor']):", sorted({o["type"] for o in mixed.get("objects", [])}))

# 7. One object, its versions, version filters
one = coll.get_object(ids[0])
print("get_object:", [(o["id"], o["modified"], o["name"]) for o in one["objects"]])
versions = coll.object_versions(ids[0])
print("object_versions:", versions["versions"])
first = coll.get_object(ids[0], version="first")
print("get_object(version='first'):", [o["name"] for o in first["objects"]])
allv = coll.get_objects(id=ids[0], version="all")
print("get_objects(id=..., version='all'):", [o["modified"] for o in allv["objects"]])

# 8. Manifest, one page and paged
man = coll.get_manifest(type="indicator", limit=5)
print("get_manifest(type='indicator', limit=5):", len(man["objects"]), "records, more", man.get("more"))
print("  first record:", man["objects"][0])
mpages = list(as_pages(coll.get_manifest, per_request=100))
print("as_pages(get_manifest, per_request=100):", len(mpages), "pages,",
      sum(len(p.get("objects", [])) for p in mpages), "records")
added_after = coll.get_objects(added_after=polled.request_timestamp)
print("get_objects(added_after=request_timestamp):", [o["id"] for o in added_after.get("objects", [])].count(ids[0]),
      "version(s) of the updated object,", len(added_after.get("objects", [])), "objects")

# 9. Client-side conveniences: datetime filters, paging with filters, a limit above the server's maximum
since = coll.get_objects(added_after=now - timedelta(seconds=1), type="indicator")
print("get_objects(added_after=datetime, type='indicator'):", len(since.get("objects", [])), "objects")
at = coll.get_objects(id=ids[0], version=now)
print("get_objects(id=..., version=datetime):", [o["modified"] for o in at.get("objects", [])])
typed = [o["type"] for p in as_pages(coll.get_objects, per_request=10, type="indicator") for o in p.get("objects", [])]
print("as_pages(get_objects, per_request=10, type='indicator'):", len(typed), "objects, types", set(typed))
big = list(as_pages(coll.get_objects, per_request=5000))
print("as_pages(get_objects, per_request=5000):", len(big), "page(s),", sum(len(p.get("objects", [])) for p in big), "objects")

# 10. The client's TokenAuth ("Authorization: Token ...") instead of HTTP Basic
tok_root = ApiRoot(root.url, auth=TokenAuth(token), verify=verify)
print("ApiRoot(auth=TokenAuth(token)).collections:", [c.alias for c in tok_root.collections])
print("OK")
