"""What changes the source hash and what does not."""

import hashlib
import unicodedata

from nmm_site.translation.hashing import normalise, source_hash

SOURCE = """---
type: province
id: ha-giang
title: Hà Giang
description: Hà Giang, tỉnh cực bắc của Việt Nam, với cao nguyên đá Đồng Văn và những ruộng bậc thang.
sources: [census-2019]
---

## Địa lý

Cao nguyên đá Đồng Văn nằm ở phía bắc tỉnh.
"""


def test_hash_is_pinned():
    normalised = (
        "Hà Giang\n\nHà Giang, tỉnh cực bắc của Việt Nam, với cao nguyên đá Đồng Văn và những ruộng "
        "bậc thang.\n\n## Địa lý\n\nCao nguyên đá Đồng Văn nằm ở phía bắc tỉnh."
    )
    assert hashlib.sha256(normalised.encode()).hexdigest()[:16] == "49d8ba4f6562aa07"
    assert source_hash(SOURCE) == "49d8ba4f6562aa07"
    assert normalise("A", "B", " x  y\n z \n\n\n w") == "A\n\nB\n\nx y z\n\nw"


def test_unchanged_by_form_and_layout():
    same = [
        unicodedata.normalize("NFD", SOURCE),
        SOURCE.replace("\n", "\r\n"),
        SOURCE.replace("sources: [census-2019]", "sources: [census-2019, decision-369-2024]\nhero: a.jpg"),
        SOURCE.replace("nằm ở phía", "nằm ở\nphía"),  # re-wrapped
        SOURCE.replace("Văn nằm", "Văn   nằm").replace("tỉnh.\n", "tỉnh.   \n\n\n"),
        SOURCE + "\n\n",
    ]
    assert {source_hash(text) for text in same} == {source_hash(SOURCE)}


def test_changed_by_words_title_description_and_paragraphs():
    changed = [
        SOURCE.replace("phía bắc", "phía Bắc"),
        SOURCE.replace("title: Hà Giang", "title: Tỉnh Hà Giang"),
        SOURCE.replace("cực bắc", "địa đầu"),
        SOURCE.replace("nằm ở phía", "nằm ở\n\nphía"),  # a new paragraph
        SOURCE.replace("## Địa lý", "### Địa lý"),
    ]
    hashes = {source_hash(text) for text in changed}
    assert len(hashes) == len(changed) and source_hash(SOURCE) not in hashes
