#!/usr/bin/env python3
"""Checks blind7-gold.json with ../check_gold.py under the conventions this set was written with.

Run from anywhere: python3 eval/blind7/check_gold.py
The conventions are the validator's defaults (a running count's later update with its time stated is a separate
group and a trap, not a 'same' pair; consistent pairs join two articles; agreeing pairs and conflicts are judged
by their qualifiers' intervals), plus the speaker check against the first names of the people this set invents,
so that no QUOTE's speaker is written with a first name.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST_NAMES = ("Aksel,Lene,Mira,Tomas,Henrik,Ilka,Paul,Ole,Sana,Harald,Carla,Filip,Ane,Rui,Mattias,Ivo,Oda,"
               "Hanne,Nils,Greta,Petra,Anneli,Karl,Runa,Teo,Sigrun,Mia,Dag,Ines,Jonas,Bror,Karin,Otto,Lars")

if __name__ == "__main__":
    sys.exit(subprocess.call([sys.executable, os.path.join(HERE, "..", "check_gold.py"),
                              os.path.join(HERE, "blind7-gold.json"), "--first-names", FIRST_NAMES]
                             + sys.argv[1:]))
