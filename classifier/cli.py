"""commentdesk-classify [--article FILE] < comments.jsonl > decisions.jsonl

Reads one JSON object per line, {"id": ..., "text": ..., "lang": optional},
and writes one JSON line per input line, in order. A line that cannot be
read yields {"id": ..., "error": ...} and the others still run.
"""

import argparse
import json
import sys
from itertools import islice

from classifier.api import Article, classify_many

BATCH = 256


def parse_line(line):
    """({"id", "text", "lang"}, None) for a good line, or (None, error object)."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return None, {"id": None, "error": f"not valid JSON: {error.msg}"}
    if not isinstance(item, dict):
        return None, {"id": None, "error": "expected a JSON object"}
    if not isinstance(item.get("text"), str):
        return None, {"id": item.get("id"), "error": 'missing "text" string'}
    lang = item.get("lang")
    if lang is not None and not isinstance(lang, str):
        return None, {"id": item.get("id"), "error": '"lang" must be a string'}
    return {"id": item.get("id"), "text": item["text"], "lang": lang}, None


def decide_lines(lines, article=None):
    """One output object per input line, in order."""
    parsed = [parse_line(line) for line in lines]
    items = [item for item, _ in parsed if item]
    results = iter(classify_many(items, article=article))
    for item, error in parsed:
        if error:
            yield error
            continue
        result = next(results)
        yield {"id": item["id"], **result.to_dict()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=argparse.FileType(encoding="utf-8"), help="plain-text article, headline on the first line")
    args = parser.parse_args(argv)
    article = Article.from_text(args.article.read()) if args.article else None
    lines = (line for line in sys.stdin if line.strip())
    while batch := list(islice(lines, BATCH)):
        for output in decide_lines(batch, article):
            sys.stdout.write(json.dumps(output, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
