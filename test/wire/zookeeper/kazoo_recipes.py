"""kazoo 2.8 (Debian python3-kazoo) recipes against a ZooKeeper port.

Usage: /usr/bin/python3 kazoo_recipes.py <port>
Prints one JSON object with what each recipe observed; the vitest file
asserts on it. Every wait is bounded so a broken server fails, not hangs.
"""
import json
import sys
import threading
import time

from kazoo.client import KazooClient
from kazoo.exceptions import BadVersionError, LockTimeout, NoAuthError, NodeExistsError
from kazoo.security import make_digest_acl

PORT = int(sys.argv[1])
HOSTS = "127.0.0.1:%d" % PORT


def client():
    zk = KazooClient(hosts=HOSTS, timeout=10)
    zk.start(timeout=10)
    return zk


out = {}
a, b, c = client(), client(), client()

# --- server identity via four-letter words -------------------------------
out["ruok"] = a.command(b"ruok")
out["server_version"] = list(a.server_version())

# --- lock: mutual exclusion between sessions ---------------------------------
lock_a = a.Lock("/recipes/lock", "a")
lock_b = b.Lock("/recipes/lock", "b")
assert lock_a.acquire(timeout=5)
try:
    out["lock_b_while_held"] = lock_b.acquire(timeout=0.5)
except LockTimeout:
    out["lock_b_while_held"] = False
out["lock_contenders"] = lock_b.contenders()
lock_a.release()
out["lock_b_after_release"] = lock_b.acquire(timeout=5)
lock_b.release()

# --- election: one leader, the next takes over when it leaves -----------------
leaders = []
stop_a = threading.Event()
stop_b = threading.Event()


def lead(name, stop):
    leaders.append(name)
    stop.wait(10)


e_a = a.Election("/recipes/election", "a")
e_b = b.Election("/recipes/election", "b")
ta = threading.Thread(target=e_a.run, args=(lead, "a", stop_a), daemon=True)
ta.start()
deadline = time.time() + 5
while not leaders and time.time() < deadline:
    time.sleep(0.02)
tb = threading.Thread(target=e_b.run, args=(lead, "b", stop_b), daemon=True)
tb.start()
time.sleep(0.3)
out["election_first"] = list(leaders)
out["election_contenders"] = sorted(e_a.contenders())
stop_a.set()
ta.join(5)
deadline = time.time() + 5
while len(leaders) < 2 and time.time() < deadline:
    time.sleep(0.02)
out["election_after_handover"] = list(leaders)
stop_b.set()
tb.join(5)

# --- barrier and double barrier ----------------------------------------------
bar = a.Barrier("/recipes/barrier")
bar.create()
out["barrier_wait_while_up"] = bar.wait(0.2)
threading.Timer(0.2, bar.remove).start()
out["barrier_wait_released"] = b.Barrier("/recipes/barrier").wait(5)

entered = []


def double(zk, name):
    db = zk.DoubleBarrier("/recipes/double", 2, name)
    db.enter()
    entered.append(name)
    db.leave()


t1 = threading.Thread(target=double, args=(a, "a"), daemon=True)
t2 = threading.Thread(target=double, args=(b, "b"), daemon=True)
t1.start()
t2.start()
t1.join(10)
t2.join(10)
out["double_barrier_entered"] = sorted(entered)

# --- counter: concurrent increments from three sessions ------------------------
def bump(zk):
    counter = zk.Counter("/recipes/counter")
    for _ in range(30):
        counter += 1


threads = [threading.Thread(target=bump, args=(zk,)) for zk in (a, b, c)]
for t in threads:
    t.start()
for t in threads:
    t.join(30)
out["counter"] = a.Counter("/recipes/counter").value

# --- party: membership through ephemeral nodes ---------------------------------
pa = a.Party("/recipes/party", "a")
pb = b.Party("/recipes/party", "b")
pc = c.ShallowParty("/recipes/shallow", "c")
pa.join()
pb.join()
pc.join()
out["party_members"] = sorted(pa)
out["party_len"] = len(pb)
pb.leave()
out["party_after_leave"] = sorted(pa)
out["shallow_members"] = list(c.ShallowParty("/recipes/shallow"))

# --- queue and watches recipes --------------------------------------------------
q = a.LockingQueue("/recipes/queue")
q.put(b"one")
q.put(b"two", priority=1)
out["queue_first"] = q.get(2).decode()
q.consume()

seen = []
ready = threading.Event()


@b.DataWatch("/recipes/watched")
def on_data(data, stat):
    seen.append(None if data is None else data.decode())
    if len(seen) >= 3:
        ready.set()


a.create("/recipes/watched", b"v1", makepath=True)
time.sleep(0.2)
a.set("/recipes/watched", b"v2")
ready.wait(5)
out["data_watch"] = seen[:3]

kids = []


@b.ChildrenWatch("/recipes")
def on_children(children):
    kids.append(sorted(children))


a.create("/recipes/new-child")
time.sleep(0.3)
out["children_watch_last"] = kids[-1] if kids else None

# --- transactions, versions and ACLs ---------------------------------------------
t = a.transaction()
t.create("/recipes/tx", b"x")
t.check("/recipes", 0)
out["txn"] = [str(r) for r in t.commit()]
try:
    a.set("/recipes/tx", b"y", version=7)
    out["bad_version"] = False
except BadVersionError:
    out["bad_version"] = True
try:
    a.create("/recipes/tx")
    out["node_exists"] = False
except NodeExistsError:
    out["node_exists"] = True

a.add_auth("digest", "admin:pw")
a.create("/recipes/secret", b"s", acl=[make_digest_acl("admin", "pw", all=True)])
try:
    c.get("/recipes/secret")
    out["noauth"] = False
except NoAuthError:
    out["noauth"] = True
out["owner_reads"] = a.get("/recipes/secret")[0].decode()

# --- ephemerals vanish with their session ------------------------------------------
c.create("/recipes/eph", b"", ephemeral=True)
c.stop()
c.close()
out["eph_after_close"] = a.exists("/recipes/eph") is not None

a.stop()
b.stop()
print(json.dumps(out))
