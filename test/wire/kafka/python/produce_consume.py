"""kafka-python 2.0.2 against Gale: ApiVersions v0 (+ pipelined Metadata v0),
Produce, then a group-less consumer (ListOffsets v1, Fetch v4).

usage: /usr/bin/python3 produce_consume.py <bootstrap> <topic> <count> [<sasl mechanism> <user> <password>]
With SASL, kafka-python sends SaslHandshake v0 and then raw SASL token frames.
Prints one JSON line: {"sent": [...offsets], "received": [[key, value, offset], ...], "api_version": [..]}
"""
import json
import sys

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

bootstrap, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
security = {}
if len(sys.argv) > 4:
    security = {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": sys.argv[4],
        "sasl_plain_username": sys.argv[5],
        "sasl_plain_password": sys.argv[6],
    }

producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5, **security)
futures = [producer.send(topic, key=b"k%d" % i, value=b"value-%d" % i) for i in range(count)]
producer.flush(timeout=20)
sent = [f.get(timeout=20).offset for f in futures]
api_version = list(producer.config["api_version"])
producer.close()

consumer = KafkaConsumer(
    bootstrap_servers=bootstrap,
    group_id=None,
    enable_auto_commit=False,
    consumer_timeout_ms=3000,
    fetch_max_wait_ms=200,
    **security,
)
tp = TopicPartition(topic, 0)
consumer.assign([tp])
consumer.seek_to_beginning(tp)
received = []
for msg in consumer:
    received.append([msg.key.decode(), msg.value.decode(), msg.offset])
    if len(received) >= count:
        break
end = consumer.end_offsets([tp])[tp]
consumer.close()
print(json.dumps({"sent": sent, "received": received, "api_version": api_version, "end": end}))
