#!/usr/bin/env python3
"""Checks blind2-gold.json against the articles beside it with the shared validator, ../check_gold.py, under the
conventions this set was written with: a running count's updates share its group, a demand and an offer of one article are a trap pair, pairs were judged by their story.

Run: python3 check_gold.py
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.exit(subprocess.call([sys.executable, os.path.join(HERE, "..", "check_gold.py"), os.path.join(HERE, "blind2-gold.json"), "--updates-share-groups", "--pairs-within-articles", "--pairs-by-story"]))
