"""Ceiling (b) of issue 6: RDKit's SMILES parser alone, one thread (Debian python3-rdkit; the
Python loop adds little next to the parse). Prints records, seconds.
Usage: /usr/bin/python3 parse_only.py CATALOGUE.smi"""
import sys, time
from rdkit import Chem, RDLogger

RDLogger.DisableLog("rdApp.*")
start = time.perf_counter()
records = 0
with open(sys.argv[1]) as f:
    for line in f:
        parts = line.split()
        if parts:
            records += 1
            Chem.MolFromSmiles(parts[0])
print(f"records {records} seconds {time.perf_counter() - start:.3f}")
