#!/usr/bin/env python3
"""Runs ../check_gold.py on blind10-gold.json with the conventions blind10 was written with.

Conventions: the checker's defaults (no --updates-share-groups, --pairs-within-articles or --pairs-by-story):
a running figure's earlier and later values sit in different groups and are listed as consistent traps; every
consistent pair joins two articles; agreeing pairs and conflicts are judged by their qualifiers' intervals.
Speakers are surnames, roles or organisations, never one of the invented first names below.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST_NAMES = [
    "Halvard", "Margit", "Anselm", "Dorit", "Lotte", "Teodor", "Ruud", "Britta", "Kai", "Pieter",
    "Aurel", "Selma", "Paul", "Irena", "Noor", "Ivo", "Jonas", "Hanne", "Greta",
    "Henrik", "Agnes", "Mirja", "Sune", "Olaf",
    "Tomas", "Dana", "Viktor", "Petra", "Oskar", "Jens", "Emil", "Ruta",
    "Ilona", "Hedda", "Anton", "Lise", "Sabine", "Katrin", "Marit", "Ruben",
]

if __name__ == "__main__":
    sys.exit(subprocess.call([sys.executable, os.path.join(HERE, "..", "check_gold.py"),
                              os.path.join(HERE, "blind10-gold.json"),
                              "--first-names", ",".join(FIRST_NAMES)]))
