"""The same question over the same library gets the same answer in every process: nothing an answer reads from
may follow the order of a set, which Python shuffles per process (PYTHONHASHSEED)."""

from __future__ import annotations

import os
import subprocess
import sys

_SPELLED = ("from assistant.answers.reading import _one_spelling; "
            "print(_one_spelling([{'ocr_text': 'GATE B12 FRANKFURT FRANKFUT LH716 LH716'}], lambda token: 0)[0]['ocr_text'])")


def test_a_sign_misread_on_the_same_photo_is_spelled_one_way_in_every_process():
    """Two readings of one sign, as often each: which becomes the spelling was the set's order, so "what was the flight
    number" read "LH 716 FRANKFUT LANDED" (sure) in one process and "716" (likely) in another."""
    spelled = {subprocess.run([sys.executable, "-c", _SPELLED], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                              capture_output=True, text=True, check=True).stdout for seed in range(8)}
    assert len(spelled) == 1
