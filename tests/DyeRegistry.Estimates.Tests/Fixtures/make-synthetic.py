#!/usr/bin/python3
"""Writes synthetic-solubility.csv: 200+ structures made here from small parts (not taken from any
data set) with an invented log S (a smooth function of Crippen logP and mass plus a fixed
pseudo-random term), in AqSolDB's CSV layout. Run with Debian's python3-rdkit."""
import csv, hashlib
from rdkit import Chem
from rdkit.Chem import Crippen, Descriptors

cores = ["c1ccccc1", "c1ccc2ccccc2c1", "c1ccncc1", "C1CCCCC1", "c1ccsc1", "c1ccc(-c2ccccc2)cc1",
         "c1ccc2[nH]ccc2c1", "O=C1c2ccccc2C(=O)c2ccccc12", "c1ccc(N=Nc2ccccc2)cc1", "C1CCOC1"]
subs = ["", "C", "CC", "O", "N", "Cl", "C(=O)O", "OC", "CCCC", "S(=O)(=O)O"]
chains = ["C" * n for n in range(2, 12)]
smiles = []
for core in cores:
    for s in subs:
        for s2 in ["", "C", "O"]:
            m = Chem.MolFromSmiles(core)
            # attach at the first atom with an H, and the second substituent at the last such atom
            rw = Chem.RWMol(m)
            text = core
            if s:
                text = s + "." + core
            idx = [a.GetIdx() for a in m.GetAtoms() if a.GetTotalNumHs() > 0]
            parts = Chem.RWMol(m)
            for sub, at in ((s, idx[0]), (s2, idx[-1])):
                if not sub:
                    continue
                frag = Chem.MolFromSmiles(sub)
                combo = Chem.RWMol(Chem.CombineMols(parts, frag))
                combo.AddBond(at, parts.GetNumAtoms(), Chem.BondType.SINGLE)
                parts = combo
            mol = parts.GetMol()
            try:
                Chem.SanitizeMol(mol)
            except Exception:
                continue
            smiles.append(Chem.MolToSmiles(mol))
for c in chains:
    for end in ["", "O", "N", "C(=O)O", "Cl"]:
        smiles.append(c + end)
seen, rows = set(), []
for s in smiles:
    if s in seen:
        continue
    seen.add(s)
    m = Chem.MolFromSmiles(s)
    noise = int(hashlib.sha256(s.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF - 0.5
    log_s = 0.5 - 1.0 * Crippen.MolLogP(m) - 0.005 * Descriptors.MolWt(m) + 0.6 * noise
    rows.append((f"S-{len(rows) + 1}", f"synthetic {len(rows) + 1}, made here", s, round(log_s, 4)))
with open("synthetic-solubility.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["ID", "Name", "SMILES", "Solubility"])
    w.writerows(rows)
print(len(rows))
