"""Baseline (a) of issue 6: what a chemist would otherwise write. Single-threaded Debian
python3-rdkit: parse each SMILES and test the formula cores (every core variant in formulas/*.yaml,
as plain SMARTS, no Markush classification). Prints records, hits, seconds.
Usage: /usr/bin/python3 screen_cores.py CATALOGUE.smi FORMULAS_DIR"""
import glob, re, sys, time
from rdkit import Chem, RDLogger

RDLogger.DisableLog("rdApp.*")
catalogue, formulas = sys.argv[1], sys.argv[2]
cores = []
for path in sorted(glob.glob(formulas + "/*.yaml")):
    for m in re.finditer(r'^\s*core:\s*"([^"]+)"', open(path).read(), re.M):
        cores.append(Chem.MolFromSmarts(m.group(1)))
assert cores and all(c is not None for c in cores), "a core SMARTS did not parse"

start = time.perf_counter()
records = hits = failed = 0
with open(catalogue) as f:
    for line in f:
        parts = line.split()
        if not parts:
            continue
        records += 1
        mol = Chem.MolFromSmiles(parts[0])
        if mol is None:
            failed += 1
        elif any(mol.HasSubstructMatch(c) for c in cores):
            hits += 1
print(f"records {records} hits {hits} failed {failed} cores {len(cores)} seconds {time.perf_counter() - start:.3f}")
