#!/usr/bin/env python3
"""Validates blind8-gold.json with ../check_gold.py under this set's conventions.

Run: python3 eval/blind8/check_gold.py   (from anywhere; extra arguments are passed on)

The conventions are the validator's defaults (every pair of a 'same' group whose figures cannot both hold is a
listed conflict, so a running toll's later update is a trap rather than a member of the group; consistent pairs join
two articles; agreeing pairs and conflicts are judged by their qualifiers' intervals), plus --first-names with every
invented first name used in the articles, so that no speaker is written with a first name.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

FIRST_NAMES = [
    # story 1 (waiting lists)
    "Sabeth", "Maren", "Doran", "Corin", "Hanne", "Rupert", "Nell", "Gwil", "Renske",
    # story 2 (marathon)
    "Oren", "Halsey", "Fenna", "Tamsin", "Bram", "Pell", "Juno", "Mattias",
    # story 3 (landslide)
    "Lise", "Tobin", "Ottilie", "Aldous", "Lucan", "Elsbeth", "Anton", "Milo", "Wenna", "Darius",
    # story 4 (network outage)
    "Leona", "Aurel", "Tavish",
    # story 5 (border clashes)
    "Ines", "Piet", "Maud", "Radek", "Dessa", "Arvid", "Stellan", "Teodor", "Ilkin", "Vitan",
]

if __name__ == "__main__":
    cmd = [sys.executable, os.path.join(HERE, "..", "check_gold.py"), os.path.join(HERE, "blind8-gold.json"),
           "--first-names", ",".join(FIRST_NAMES)] + sys.argv[1:]
    sys.exit(subprocess.call(cmd))
