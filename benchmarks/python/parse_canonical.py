#!/usr/bin/python3
"""Baseline a chemist would write: Debian python3-rdkit parses each SMILES of a catalogue and
writes its canonical SMILES, one thread. Prints records/s over the best of N passes.

Usage: /usr/bin/python3 benchmarks/python/parse_canonical.py CATALOGUE.smi [passes]
"""
import sys
import time

from rdkit import Chem, RDLogger, rdBase

RDLogger.DisableLog("rdApp.*")
path = sys.argv[1]
passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
smiles = [line.split()[0] for line in open(path) if line.strip()]
best = None
for _ in range(passes):
    start = time.perf_counter()
    ok = 0
    for s in smiles:
        m = Chem.MolFromSmiles(s)
        if m is not None:
            Chem.MolToSmiles(m)
            ok += 1
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"python3-rdkit {rdBase.rdkitVersion}: parse + canonical SMILES, 1 thread: "
      f"{len(smiles)} records ({ok} parsed), best of {passes}: {best:.2f} s, {len(smiles) / best:.0f} records/s")
