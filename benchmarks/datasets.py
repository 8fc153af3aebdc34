"""The evaluation sets: the validation part of the shared data (never trained
or calibrated on) and the project's news comment sets (those of
corpus.TRAINED_NEWS_SETS are training data since the tenth issue-4 pass, the
others never trained on)."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from classifier import Article  # noqa: E402
from classifier.corpus import TRAINED_NEWS_SETS, data_dir, read_jsonl, shared_examples, split_shared  # noqa: E402

DATA_DIR = Path(__file__).resolve().parent.parent / "classifier" / "data"


def validation_examples(data=None):
    return split_shared(shared_examples(data))[2]


# The first set was consulted while tuning (its list of mistakes guided the
# examples written later); the holdout was written blind afterwards and judged
# the fourth issue-4 pass, consulted after each step; the third, written blind
# at its end, was read once, for the model that pass shipped; the fourth was
# written blind before the fifth pass, and read with the third once for its
# first half; the fifth, written blind after that reading, judged its second
# half, and the sixth its third; the seventh, written blind before the sixth
# pass, judged its first part, and the eighth, written blind after that
# reading, its second; the ninth, written blind before the seventh pass,
# judged its first part, and the tenth, written blind after that reading, its
# second; the eleventh, written blind before the eighth pass, judged its first
# part, and the twelfth, written blind after that reading, its second; the
# thirteenth, written blind before the ninth pass from classifier/data/LABELLING.md,
# judges its first part, and the fourteenth, written blind while it trained, its second;
# the fifteenth, written blind before the tenth pass, judges its first part, and the sixteenth,
# written blind after that reading, its second, and the seventeenth, written blind after both,
# read the shipped model once more; from that pass the sets read before it are training data
# (classifier/data/README.md); the eighteenth, written blind before the eleventh pass, judges
# its first part, the nineteenth, written blind while it trained, its second, and the
# twentieth, written blind after both, reads the shipped model once more; the twenty-first,
# written blind before the twelfth pass, judges its first part, the twenty-third, written blind
# while it trained, its second, and the twenty-second, written blind beside the twenty-third,
# reads the shipped model once more, and the twenty-fourth, written blind after both, judged its
# third part; the twenty-fifth, written blind at the end of the twelfth pass, judges the
# thirteenth pass's first part, the twenty-seventh its second, the twenty-sixth read the model
# it shipped once, and the twenty-eighth its third part; the twenty-ninth, written blind at
# the end of the thirteenth pass, judged the fourteenth pass's first part, the thirtieth and
# thirty-first, written blind at its start, its second, and the thirty-second and
# thirty-third, written blind after that reading, read the model it shipped once; the
# thirty-fourth and thirty-fifth, written blind at its end, judged the fifteenth pass's first
# part, the thirty-sixth, written blind while it trained, read its model once, the
# thirty-seventh, written beside it, and the thirty-eighth judged its second part, and the
# thirty-ninth read the model it shipped once (the fortieth waits unread).
_ALL_NEWS_SETS = {"news (consulted)": "news_eval", "news holdout": "news_holdout", "news blind 3": "news_blind3",
                  "news blind 4": "news_blind4", "news blind 5": "news_blind5",
                  "news blind 6": "news_blind6", "news blind 7": "news_blind7",
                  "news blind 8": "news_blind8", "news blind 9": "news_blind9",
                  "news blind 10": "news_blind10", "news blind 11": "news_blind11",
                  "news blind 12": "news_blind12", "news blind 13": "news_blind13",
                  "news blind 14": "news_blind14", "news blind 15": "news_blind15",
                  "news blind 16": "news_blind16", "news blind 17": "news_blind17",
                  "news blind 18": "news_blind18", "news blind 19": "news_blind19",
                  "news blind 20": "news_blind20", "news blind 21": "news_blind21",
                  "news blind 22": "news_blind22", "news blind 23": "news_blind23",
                  "news blind 24": "news_blind24", "news blind 25": "news_blind25",
                  "news blind 26": "news_blind26", "news blind 27": "news_blind27",
                  "news blind 28": "news_blind28", "news blind 29": "news_blind29",
                  "news blind 30": "news_blind30", "news blind 31": "news_blind31",
                  "news blind 32": "news_blind32", "news blind 33": "news_blind33",
                  "news blind 34": "news_blind34", "news blind 35": "news_blind35",
                  "news blind 36": "news_blind36", "news blind 37": "news_blind37",
                  "news blind 38": "news_blind38", "news blind 39": "news_blind39"}
# Since the tenth pass the sets read before it are training data: their figures are marked so.
NEWS_SETS = {f"{title} (trained on)" if name in TRAINED_NEWS_SETS else title: name
             for title, name in _ALL_NEWS_SETS.items()}


def news_comments(name):
    """The labelled news comments of one set, each with the Article it was written under."""
    with open(DATA_DIR / f"{name}_articles.json", encoding="utf-8") as file:
        articles = {key: Article(a["headline"], a["body"]) for key, a in json.load(file).items()}
    rows = read_jsonl(DATA_DIR / f"{name}.jsonl")
    return [{**row, "article": articles[row["article"]]} for row in rows]


def speed_comments(count=2000, data=None):
    """Real comment texts for timing, taken in turn from every shared dataset."""
    files = sorted(data_dir(data).glob("*.jsonl"))
    per_file = count // len(files) + 1
    columns = [[row["text"] for row in read_jsonl(file)[:per_file]] for file in files]
    return [text for row in zip(*columns) for text in row][:count]
