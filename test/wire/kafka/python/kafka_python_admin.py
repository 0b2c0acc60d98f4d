"""kafka-python 2.0.2: KafkaAdminClient and a KafkaConsumer with manual
assignment (assign/seek/offsets_for_times/beginning_offsets/end_offsets).

Usage: kafka_python_admin.py BOOTSTRAP PREFIX. Prints one JSON object.
"""
import json
import sys
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType, NewPartitions, NewTopic
from kafka.structs import OffsetAndMetadata

bs, prefix = sys.argv[1], sys.argv[2]
topic, group = prefix + '-t', prefix + '-g'
out = {}
a = KafkaAdminClient(bootstrap_servers=bs, client_id=prefix + '-admin')
out['create'] = [e[1] for e in a.create_topics([NewTopic(topic, 3, 1, topic_configs={'retention.ms': '100000'})]).topic_errors]
out['listed'] = topic in a.list_topics()
out['cluster'] = len(a.describe_cluster()['brokers'])
cfg = a.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])[0].resources[0][4]
out['retention'] = [e[1] for e in cfg if e[0] == 'retention.ms']
a.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs={'retention.ms': '200000'})])
cfg = a.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])[0].resources[0][4]
out['retentionAltered'] = [e[1] for e in cfg if e[0] == 'retention.ms']
out['createPartitions'] = [e[1] for e in a.create_partitions({topic: NewPartitions(4)}).topic_errors]
out['partitions'] = len(a.describe_topics([topic])[0]['partitions'])

p = KafkaProducer(bootstrap_servers=bs, compression_type='gzip')
base = int(time.time() * 1000) - 100_000
for i in range(40):
    p.send(topic, key=b'k%d' % i, value=b'v%d' % i, partition=i % 4, timestamp_ms=base + i * 1000)
p.flush()

c = KafkaConsumer(bootstrap_servers=bs, group_id=group, enable_auto_commit=False, auto_offset_reset='latest')
tps = [TopicPartition(topic, i) for i in range(4)]
out['beginning'] = [c.beginning_offsets(tps)[tp] for tp in tps]
out['end'] = [c.end_offsets(tps)[tp] for tp in tps]
# record i is in partition i % 4 at base + i s: base + 20 s is record 20, offset 5 in partition 0
oft = c.offsets_for_times({tp: base + 20_000 for tp in tps})
out['offsetsForTimes'] = [[oft[tp].offset, oft[tp].timestamp - base] for tp in tps]
out['offsetsForTimesFuture'] = c.offsets_for_times({tps[0]: base + 10 ** 7})[tps[0]]
c.assign(tps)
c.seek(tps[1], 3)
c.seek_to_beginning(tps[0])
c.seek_to_end(tps[2])
out['positions'] = [c.position(tp) for tp in tps]
polled = {}
deadline = time.time() + 10
while (len(polled.get(0, [])) < 10 or len(polled.get(1, [])) < 7) and time.time() < deadline:
    for tp, rs in c.poll(timeout_ms=500).items():
        polled.setdefault(tp.partition, []).extend(r.offset for r in rs)
out['polled'] = {str(k): v for k, v in sorted(polled.items())}
c.commit({tps[0]: OffsetAndMetadata(5, 'meta')})
out['committed'] = c.committed(tps[0])
c.close()
groups = dict(a.list_consumer_groups())
out['groupListed'] = group in groups
d = a.describe_consumer_groups([group])[0]
out['groupState'] = d.state
offs = a.list_consumer_group_offsets(group)
out['groupOffsets'] = {str(tp.partition): [o.offset, o.metadata] for tp, o in offs.items()}
out['deleteGroup'] = [e[1].__name__ for e in a.delete_consumer_groups([group])]
out['deleteTopic'] = [e[1] for e in a.delete_topics([topic]).topic_error_codes]
out['listedAfter'] = topic in a.list_topics()
a.close()
print(json.dumps(out))
