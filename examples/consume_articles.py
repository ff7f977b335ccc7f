#!/usr/bin/env python3
"""Read news.articles and validate every article against the published JSON Schema.

Debian: apt-get install python3-confluent-kafka python3-jsonschema
Run:    python3 examples/consume_articles.py --bootstrap-servers 127.0.0.1:19092 --until-end
"""
import argparse
import json
import sys

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, TopicPartition
from jsonschema import Draft202012Validator

KNOWN_VERSION = 1  # the schemaVersion this consumer was written for


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bootstrap-servers", default="127.0.0.1:19092")
    p.add_argument("--topic", default="news.articles")
    p.add_argument("--schema", default="model/src/main/resources/schemas/article.v1.schema.json")
    p.add_argument("--until-end", action="store_true", help="stop at the end of every partition")
    args = p.parse_args()

    with open(args.schema, encoding="utf-8") as f:
        validator = Draft202012Validator(json.load(f))
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": "newswire-python-example",  # offsets are never committed: assign() below
        "isolation.level": "read_committed",      # enrich writes in transactions
        "enable.auto.commit": False,
        "enable.partition.eof": True,
    })
    partitions = consumer.list_topics(args.topic, timeout=10).topics[args.topic].partitions
    consumer.assign([TopicPartition(args.topic, p, OFFSET_BEGINNING) for p in partitions])
    remaining = set(partitions)
    read = invalid = 0
    try:
        while remaining or not args.until_end:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    remaining.discard(msg.partition())
                    continue
                raise SystemExit(f"kafka error: {msg.error()}")
            read += 1
            where = f"{msg.topic()}/{msg.partition()}@{msg.offset()}"
            article = json.loads(msg.value())
            if article.get("schemaVersion", 0) > KNOWN_VERSION:
                print(f"{where}: schemaVersion {article['schemaVersion']} is newer than this consumer", file=sys.stderr)
                invalid += 1
                continue
            errors = sorted(validator.iter_errors(article), key=lambda e: list(e.path))
            if errors or msg.key().decode() != article["id"]:
                invalid += 1
                for e in errors:
                    print(f"{where}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
                continue
            people = [e["name"] for e in article["entities"] if e["type"] == "PERSON"][:3]
            print(f"{article['id']}  {article.get('language', '--')}  {article.get('title', '')}  {', '.join(people)}")
    finally:
        consumer.close()
    print(f"{read} articles read, {read - invalid} valid, {invalid} invalid", file=sys.stderr)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
