#!/usr/bin/env python3
"""Checks blind6-gold.json against the articles beside it with the shared validator, ../check_gold.py."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.exit(subprocess.call([sys.executable, os.path.join(HERE, "..", "check_gold.py"), os.path.join(HERE, "blind6-gold.json")]))
