"""Build zh_gamechat.jsonl: Chinese game-chat lines labelled advertisement or chat, as weak training text.

    python tests/data/train/build_zh_gamechat.py --mirrors /work/.mirror   # after fetching the repository

The lines are players' chat in a mobile game, labelled by the data set's author: 1 = an advertisement
(sellers of game currency, accounts and services pushing buyers to a private chat: 加微信, 滴滴我,
需要的密, 长期, 货到付), 0 = ordinary chat. They teach the offer model how a short Chinese pitch with a
contact push reads, which the SMS spam and e-mail sources show little of. The label is weak: sellers'
lines are taken as offers (buyers' questions left out), chat as discussion; chat lines carrying a
contact handle are left out of the negatives (the author labelled some of those 0). Every id and
near-duplicate of a dev item is left out (``build_zh.unique``). Seeded; the output is the same on every
run.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from build_zh import BUYER_QUESTION, HERE, SEED, dev_exclusions, git_lines, mirror, repo_row, unique, write

REPO = "Chenliu-svg/nlp-ad-in-game"
COMMIT = "14bc19ec9df7458f5173eb2e84d48544da8d248d"
FILES = ("dataset/train.txt", "dataset/validation.txt")
CAP = 1000  # lines per side
MIN_CJK = 4
CJK = re.compile(r"[\u4e00-\u9fff]")
# a handle or number in a line labelled chat: the author's label is doubtful there
CONTACT = re.compile(r"[0-9]{6,}|加微|加v|加q|微信|vx|wx|qq|扣扣|滴滴|私聊|密我", re.IGNORECASE)


def build(root: Path) -> list[dict]:
    ids, keys = dev_exclusions()
    sides: dict[int, list[dict]] = {0: [], 1: []}
    for path in FILES:
        for number, line in enumerate(git_lines(mirror(root, REPO), COMMIT, path), start=1):
            label, sep, text = line.partition("\t")
            text = text.strip()
            if not sep or label not in ("0", "1") or len(CJK.findall(text)) < MIN_CJK:
                continue
            offer = int(label)
            if (offer and BUYER_QUESTION.search(text)) or (not offer and CONTACT.search(text)):
                continue
            item_id = f"gamechat-{path.split('/')[-1].split('.')[0]}-L{number}"
            sides[offer].append({"id": item_id, "text": text, "path": path, "line": number})
    rng = random.Random(SEED)
    rows: list[dict] = []
    for offer in (1, 0):
        kept = unique(sides[offer], ids, keys)
        for record in sorted(rng.sample(kept, min(CAP, len(kept))), key=lambda r: (r["path"], r["line"])):
            genre = "chat_ad" if offer else "chat"
            path, line = record["path"], record["line"]
            rows.append(repo_row(record["id"], record["text"], offer, genre, REPO, COMMIT, path, line))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, required=True, help="directory of fetched repositories")
    write(build(parser.parse_args().mirrors), HERE / "zh_gamechat.jsonl")


if __name__ == "__main__":
    main()
