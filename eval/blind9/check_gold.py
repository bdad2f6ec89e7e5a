#!/usr/bin/env python3
"""Validates blind9-gold.json with ../check_gold.py under the conventions this set was written with:
the validator's defaults (agreeing pairs and conflicts judged by their qualifiers' intervals, every pair of one
'same' group that cannot both hold listed as a conflict, consistent pairs across two articles) and speakers never
given by an invented first name (the --first-names list below holds every first name the articles use).

Run from anywhere: python3 eval/blind9/check_gold.py
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

FIRST_NAMES = [
    "Anders", "Anneliese", "Anselm", "Bettany", "Casimir", "Corin", "Derek", "Elias", "Gunnhild", "Halvard",
    "Hollis", "Idun", "Jonas", "Konstantin", "Leontine", "Lorcan", "Mabel", "Margit", "Maud", "Mirela", "Orla",
    "Ottilie", "Petrus", "Rhona", "Ruairi", "Tamsin", "Tomasz", "Wilhelmina", "Ysolde",
]


def main():
    cmd = [sys.executable, os.path.join(HERE, "..", "check_gold.py"), os.path.join(HERE, "blind9-gold.json"),
           "--first-names", ",".join(FIRST_NAMES)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
