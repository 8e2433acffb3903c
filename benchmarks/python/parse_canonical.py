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
passes = int(sys.argv[2]) if len(sys.argv) > 2 else 5
smiles = [line.split()[0] for line in open(path) if line.strip()]
times = []
for _ in range(passes):
    start = time.perf_counter()
    ok = 0
    for s in smiles:
        m = Chem.MolFromSmiles(s)
        if m is not None:
            Chem.MolToSmiles(m)
            ok += 1
    times.append(time.perf_counter() - start)
mean = sum(times) / len(times)
best = min(times)
# Same statistics as BenchmarkDotNet reports (mean and minimum of the passes), so the two compare.
print(f"python3-rdkit {rdBase.rdkitVersion}: parse + canonical SMILES, 1 thread: "
      f"{len(smiles)} records ({ok} parsed), {passes} passes: mean {mean:.2f} s, min {best:.2f} s, "
      f"mean {len(smiles) / mean:.0f} records/s, min-time {len(smiles) / best:.0f} records/s")
