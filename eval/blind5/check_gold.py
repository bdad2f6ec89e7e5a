#!/usr/bin/env python3
"""Checks blind5-gold.json against the articles beside it with the shared validator, ../check_gold.py, under the
conventions this set was written with: speakers never carry one of the first names of its invented people.

Run: python3 check_gold.py
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.exit(subprocess.call([sys.executable, os.path.join(HERE, "..", "check_gold.py"), os.path.join(HERE, "blind5-gold.json"), "--first-names", "Ingrid,Aron,Marit,Helga,Pavel,Anja,Imre,Mirela,Olek,Ruth,Gerry,Bernadette,Dita,Hanna,Aksel,Tove,Leona,Amara,Irena"]))
