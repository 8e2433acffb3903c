#!/usr/bin/python3
"""Brute-force check of dyereg's tautomer search (issue 12), independent of its screens.

For every catalogue record that embeds a formula core's skeleton by connectivity (elements, ring
membership, any bond; the only thing H shifts cannot change), Debian's python3-rdkit enumerates
tautomers (RDKit's TautomerEnumerator, up to 1,000 forms) and keeps those in which every carbon
keeps its H count (H moved between heteroatoms only, in net). Each kept form is written as SMILES
and judged by `dyereg match --no-tautomers` (the drawn-form matcher, no tautomer search): a record
is "within by brute force" when some form is within. dyereg's own verdicts come from
`dyereg match` with its tautomer search.

Rule checked: no record that the brute force puts within a formula may be "not within" in dyereg
(undetermined is allowed: it names a limit). Every disagreement of any kind is printed.

Usage: tautomer_bruteforce.py DYEREG CATALOGUE [WORKDIR]
Exit 0 when the rule holds, 1 when it is broken, 2 on usage errors.
"""
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time

from rdkit import Chem, RDLogger
from rdkit.Chem.MolStandardize import rdMolStandardize

RDLogger.DisableLog("rdApp.*")

# The cores' skeletons, written here by hand from formulas/*.yaml (independently of dyereg's
# relaxed queries): elements and ring membership only, any bonds.
SKELETONS = {
    "I": "[#7;!R]~[#6;R]1~[#6;R]~[#6;R]~[#6;R](~[#7,#8])~[#6,#7;R]~[#6,#7;R]~1",
    "Y-I": "[#7;!R]~[#7;!R]",
    "M-I": "[#7;!R]~[#7;!R]~[#6;R]1~[#6;R]~[#7;R]~[#6;R](~[#7])~[#6,#7;R]~[#6,#7;R]~1",
    "C-I": "[#6]1~[#6]~[#6]~[#6]2~[#6](~[#6]~1)~[#6]1~[#7]~[#6]3~[#7]~[#6](~[#7]~[#6]4~[#7]~[#6](~[#7]~[#6]5~[#7]~[#6](~[#7]~[#6]~2~[#7]~1)~[#6]1~[#6]~[#6]~[#6]~[#6]~[#6]~5~1)~[#6]1~[#6]~[#6]~[#6]~[#6]~[#6]~4~1)~[#6]1~[#6]~[#6]~[#6]~[#6]~[#6]~3~1",
}
MAX_TAUTOMERS = 1000


def carbon_hydrogens(mol):
    return [a.GetTotalNumHs() for a in mol.GetAtoms() if a.GetAtomicNum() == 6]


SKELETON_QUERIES = {f: Chem.MolFromSmarts(s) for f, s in SKELETONS.items()}


def enumerate_record(item):
    """(id, smiles, enumeration complete, distinct kept forms as SMILES), kept None when the
    record embeds no core skeleton (or does not parse)."""
    rid, smiles = item
    mol = Chem.MolFromSmiles(smiles)
    if mol is None or not any(mol.HasSubstructMatch(q) for q in SKELETON_QUERIES.values()):
        return rid, smiles, True, None
    params = rdMolStandardize.CleanupParameters()
    params.maxTautomers = MAX_TAUTOMERS
    result = rdMolStandardize.TautomerEnumerator(params).Enumerate(mol)
    hydrogens = carbon_hydrogens(mol)
    kept = []
    for form in result.tautomers:
        if form.GetNumAtoms() == mol.GetNumAtoms() and carbon_hydrogens(form) == hydrogens:
            text = Chem.MolToSmiles(form)
            if text not in kept:
                kept.append(text)
    return rid, smiles, result.status == rdMolStandardize.TautomerEnumeratorStatus.Completed, kept


def read_catalogue(path):
    for line in open(path):
        fields = line.split()
        if len(fields) >= 2 and not line.startswith("#"):
            yield fields[1], fields[0]


def match(dyereg, path, extra):
    out = subprocess.run([dyereg, "match", path, "--format", "jsonl", "-k", *extra],
                         capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"dyereg match failed ({out.returncode}): {out.stderr[-2000:]}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def verdicts(record):
    return {f: v["verdict"] for f, v in record["formulas"].items()}


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    dyereg, catalogue = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="bruteforce-")
    os.makedirs(work, exist_ok=True)
    started = time.time()
    candidates, truncated, forms_written = [], [], 0
    forms_path = os.path.join(work, "forms.smi")
    candidates_path = os.path.join(work, "candidates.smi")
    with multiprocessing.Pool(os.cpu_count()) as pool, open(forms_path, "w") as forms, open(candidates_path, "w") as cands:
        for rid, smiles, complete, kept in pool.imap(enumerate_record, read_catalogue(catalogue), chunksize=8):
            if kept is None:
                continue
            candidates.append(rid)
            cands.write(f"{smiles}\t{rid}\n")
            if not complete:
                truncated.append(rid)
            for k, text in enumerate(kept):
                forms.write(f"{text}\t{rid}#{k}\n")
                forms_written += 1
    enumerated = time.time() - started
    print(f"candidates (a core skeleton by connectivity): {len(candidates)}; forms kept: {forms_written}; "
          f"enumerations stopped at a limit: {len(truncated)}; {enumerated:.0f} s")

    brute = {}
    for r in match(dyereg, forms_path, ["--no-tautomers"]):
        rid = r["id"].rsplit("#", 1)[0]
        brute.setdefault(rid, set()).update(r["within"])
    dyereg_verdicts = {r["id"]: verdicts(r) for r in match(dyereg, candidates_path, [])}

    wrong, undetermined, only_dyereg = [], [], []
    for rid in candidates:
        mine = dyereg_verdicts.get(rid, {})
        for formula in sorted(brute.get(rid, set())):
            verdict = mine.get(formula)
            if verdict == "undetermined":
                undetermined.append((rid, formula))
            elif verdict != "within":
                wrong.append((rid, formula, verdict))
        for formula, verdict in sorted(mine.items()):
            if verdict == "within" and formula not in brute.get(rid, set()):
                only_dyereg.append((rid, formula, "brute force stopped at its limit" if rid in truncated else "no enumerated form is within"))

    within_brute = sum(len(v) for v in brute.values())
    print(f"(record, formula) within by brute force: {within_brute}; dyereg within: "
          f"{sum(1 for v in dyereg_verdicts.values() for x in v.values() if x == 'within')}")
    print(f"WRONG (brute force within, dyereg not within): {len(wrong)}")
    for rid, formula, verdict in wrong:
        print(f"  {rid} ({formula}): dyereg says {verdict}")
    print(f"brute force within, dyereg undetermined (allowed): {len(undetermined)}")
    for rid, formula in undetermined:
        print(f"  {rid} ({formula})")
    print(f"dyereg within, brute force not: {len(only_dyereg)}")
    for rid, formula, why in only_dyereg:
        print(f"  {rid} ({formula}): {why}")
    print(f"total {time.time() - started:.0f} s")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
