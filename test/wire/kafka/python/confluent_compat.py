"""confluent-kafka-python (librdkafka) against gale serve: admin, producer, consumer group.

Usage: confluent_compat.py BOOTSTRAP PREFIX. Prints one JSON object of
observations for the test to check; exits non-zero on an unexpected exception.
"""
import json
import sys
import time

from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewPartitions, NewTopic

bs, prefix = sys.argv[1], sys.argv[2]
out = {}
topic, other, idem = prefix + '-data', prefix + '-other', prefix + '-idem'


def fail_name(fut):
    try:
        fut.result()
        return None
    except KafkaException as e:
        return e.args[0].name()


admin = AdminClient({'bootstrap.servers': bs})
out['create'] = {t: fail_name(f) for t, f in admin.create_topics(
    [NewTopic(topic, 3, 1, config={'retention.ms': '3600000'}), NewTopic(other, 1, 1), NewTopic(idem, 2, 1)],
    operation_timeout=10).items()}
out['createAgain'] = {t: fail_name(f) for t, f in admin.create_topics([NewTopic(other, 1, 1)]).items()}
res = ConfigResource('topic', topic)
out['retention'] = [f.result()['retention.ms'].value for f in admin.describe_configs([res]).values()][0]
for f in admin.alter_configs([ConfigResource('topic', topic, set_config={'retention.ms': '7200000'})]).values():
    f.result()
out['retentionAltered'] = [f.result()['retention.ms'].value for f in admin.describe_configs([res]).values()][0]
for f in admin.create_partitions([NewPartitions(other, 3)]).values():
    f.result()
md = admin.list_topics(timeout=10)
out['partitions'] = {t: len(md.topics[t].partitions) for t in (topic, other, idem)}

# producers: every codec, keys, headers, explicit timestamps, delivery reports
reports = []
base = int(time.time() * 1000) - 600_000
n = 0
for codec in ('none', 'gzip', 'snappy', 'lz4', 'zstd'):
    p = Producer({'bootstrap.servers': bs, 'compression.type': codec, 'linger.ms': 5})
    for i in range(6):
        p.produce(topic, key=f'{codec}-{i}', value=f'{codec} value {i}', partition=n % 3, timestamp=base + n * 1000,
                  headers=[('codec', codec.encode()), ('n', str(n).encode())],
                  on_delivery=lambda err, m: reports.append(str(err) if err else None))
        n += 1
    p.flush(10)
out['delivered'] = len(reports)
out['deliveryErrors'] = [r for r in reports if r is not None]

# two idempotent producers one after the other: each gets its own producer id
idem_errors = []
for run in range(2):
    p = Producer({'bootstrap.servers': bs, 'enable.idempotence': True, 'acks': 'all'})
    for i in range(20):
        p.produce(idem, key=str(i), value=f'idem {run} {i}',
                  on_delivery=lambda err, m: idem_errors.append(str(err)) if err else None)
    p.flush(10)
out['idempotentErrors'] = idem_errors

# a consumer group: subscribe to two topics, commit sync and async
c = Consumer({'bootstrap.servers': bs, 'group.id': prefix + '-group', 'auto.offset.reset': 'earliest',
              'enable.auto.commit': False, 'session.timeout.ms': 6000})
c.subscribe([topic, idem])
got = []
deadline = time.time() + 20
while len(got) < 70 and time.time() < deadline:
    m = c.poll(0.5)
    if m is None or m.error():
        continue
    got.append(m)
    if len(got) == 10:
        c.commit(message=m, asynchronous=False)
    if len(got) == 20:
        c.commit(asynchronous=True)
out['consumed'] = len(got)
first = next(m for m in got if m.topic() == topic and m.partition() == 0 and m.offset() == 0)
out['first'] = {'key': first.key().decode(), 'value': first.value().decode(),
                'headers': [[k, v.decode()] for k, v in first.headers()], 'timestamp': first.timestamp()[1] - base}
c.commit(asynchronous=False)
tps = [TopicPartition(topic, i) for i in range(3)]
out['committed'] = [p.offset for p in c.committed(tps, timeout=10)]
out['watermarks'] = [list(c.get_watermark_offsets(tp, timeout=10)) for tp in tps]
# offsets for times: record n sits in partition n % 3 at base + n*1000
out['offsetsForTimes'] = [p.offset for p in c.offsets_for_times(
    [TopicPartition(topic, 0, 0), TopicPartition(topic, 1, base + 7000), TopicPartition(topic, 2, base + 10 ** 7)], timeout=10)]
c.seek(TopicPartition(topic, 0, 4))
after_seek = None
deadline = time.time() + 10
while after_seek is None and time.time() < deadline:
    m = c.poll(0.5)
    if m is not None and not m.error() and m.topic() == topic and m.partition() == 0:
        after_seek = m.offset()
out['afterSeek'] = after_seek
c.close()

groups = admin.list_groups(timeout=10)
mine = [g for g in groups if g.id == prefix + '-group']
out['group'] = {'state': mine[0].state, 'protocolType': mine[0].protocol_type, 'members': len(mine[0].members)} if mine else None

# transactions are refused with a clear, non-retriable error
tp = Producer({'bootstrap.servers': bs, 'transactional.id': prefix + '-tx'})
try:
    tp.init_transactions(10)
    out['transactions'] = 'accepted'
except KafkaException as e:
    out['transactions'] = e.args[0].name()

out['delete'] = {t: fail_name(f) for t, f in admin.delete_topics([other, prefix + '-missing'], operation_timeout=10).items()}
out['topicsAfterDelete'] = sorted(t for t in admin.list_topics(timeout=10).topics if t.startswith(prefix))
print(json.dumps(out))
