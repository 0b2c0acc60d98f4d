#!/usr/bin/env bash
# The wire tests drive real clients from Debian: kcat (librdkafka),
# kafka-python, confluent-kafka-python, kazoo, the ZooKeeper C client's shell
# (cli_mt) and Java's zkCli.sh (also the baseline `npm run bench -- zk`
# measures against). This installs whichever are missing, when it can
# (root with apt-get); `npm test` runs it first and `.ci/run` too.
set -euo pipefail

missing=()
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
[ -x /usr/lib/zookeeper/bin/cli_mt ] || missing+=(zookeeper-bin)
[ -x /usr/share/zookeeper/bin/zkCli.sh ] || missing+=(zookeeper)
for mod in kafka:python3-kafka confluent_kafka:python3-confluent-kafka kazoo:python3-kazoo; do
  /usr/bin/python3 -c "import ${mod%%:*}" >/dev/null 2>&1 || missing+=("${mod#*:}")
done

[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing the real clients the wire tests use: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "the wire tests need these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
