#!/usr/bin/env python3
"""Deterministic generator of N distinct dye-like structures for the store benchmark (issue 15).

Each structure is a substituent swap over a dye scaffold: the formula examples of samples/dyes.smi
(azomethines of (I), the magenta of (M-I), copper phthalocyanine for (C-I): the catalogue holds
no phthalocyanine) and dyes of the real catalogue found by class (azo, anthraquinone, sulfonamide). One to three aromatic hydrogens
of the scaffold are replaced by substituents of the formula vocabulary (halogen, aliphatic,
alkoxy, cyano, nitro, acylamino, sulfonamide, ...). Every structure is new by its canonical
SMILES, and none is a salt or mixture, so every parent is unique up to tautomers (what dyereg
may still call one parent is counted by the import's duplicate report).

Each family gets a fixed share of N (FAMILY_SHARES), so the share of records made from the
scaffolds of each formula is known; the family is in the id (GEN-<family>-<n>).

Usage: generate_dyes.py N CATALOGUE.smi SAMPLES.smi OUT.smi   (a summary goes to stderr)
Same N and inputs: the same file, line for line.
"""
import random
import sys

from rdkit import Chem, RDLogger

RDLogger.DisableLog("rdApp.*")

# The formula vocabulary's substituent classes, one or two SMILES each (attachment at atom 0).
SUBSTITUENTS = [
    "F", "Cl", "Br", "C", "CC", "CCC", "C(C)C", "C(C)(C)C", "OC", "OCC", "OCCC", "C#N",
    "[N+](=O)[O-]", "C(F)(F)F", "NC(C)=O", "NC(=O)CC", "C(=O)OC", "C(=O)OCC", "S(=O)(=O)N",
    "S(=O)(=O)NC", "S(=O)(=O)N(C)C", "S(=O)(=O)C", "SC", "N(C)C", "N(CC)CC", "c1ccccc1", "OC(F)(F)F",
]

# Scaffold families: the formula examples by name in the samples file, and the catalogue by class.
FORMULA_SEEDS = {
    "I": ["pivaloylacetanilide-azomethine", "pyrazolotriazole-azomethine", "indoaniline"],
    "MI": ["magenta-M-I"],
    "CI": ["copper-phthalocyanine"],
}
CLASSES = {
    "AZO": "c[NX2]=[NX2]c",
    "AQ": "O=C1c2ccccc2C(=O)c2ccccc12",
    "SULF": "[#6]S(=O)(=O)[NX3]",
}
FAMILY_SHARES = {"I": 0.10, "MI": 0.05, "CI": 0.05, "AZO": 0.40, "AQ": 0.15, "SULF": 0.25}
MAX_SEEDS_PER_CLASS = 60
MAX_HEAVY = 70


def read_smi(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and not line.startswith("#"):
                yield parts[0], parts[1]


def aromatic_ch(mol):
    return [a.GetIdx() for a in mol.GetAtoms() if a.GetIsAromatic() and a.GetSymbol() == "C" and a.GetTotalNumHs() == 1]


def seeds(catalogue, samples):
    by_name = {name: smiles for smiles, name in read_smi(samples)}
    families = {}
    for family, names in FORMULA_SEEDS.items():
        families[family] = [Chem.MolFromSmiles(by_name[n]) for n in names]
    patterns = {k: Chem.MolFromSmarts(v) for k, v in CLASSES.items()}
    for family in CLASSES:
        families[family] = []
    for smiles, _ in read_smi(catalogue):
        mol = Chem.MolFromSmiles(smiles)
        if mol is None or mol.GetNumHeavyAtoms() > MAX_HEAVY or len(Chem.GetMolFrags(mol)) != 1 or len(aromatic_ch(mol)) < 3:
            continue
        for family in ("AZO", "AQ", "SULF"):
            if len(families[family]) < MAX_SEEDS_PER_CLASS and mol.HasSubstructMatch(patterns[family]):
                families[family].append(mol)
                break
    return families


def substitute(mol, positions, groups):
    rw = Chem.RWMol(mol)
    for position, group in zip(positions, groups):
        fragment = Chem.MolFromSmiles(group)
        offset = rw.GetNumAtoms()
        for atom in fragment.GetAtoms():
            rw.AddAtom(atom)
        for bond in fragment.GetBonds():
            rw.AddBond(bond.GetBeginAtomIdx() + offset, bond.GetEndAtomIdx() + offset, bond.GetBondType())
        rw.AddBond(position, offset, Chem.BondType.SINGLE)
        rw.GetAtomWithIdx(position).SetNumExplicitHs(0)
        rw.GetAtomWithIdx(position).SetNoImplicit(False)
    out = rw.GetMol()
    Chem.SanitizeMol(out)
    return Chem.MolToSmiles(out)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    families = seeds(sys.argv[2], sys.argv[3])
    rng = random.Random(15)
    seen = set()
    counts = {}
    with open(sys.argv[4], "w", encoding="utf-8") as out:
        for family, share in FAMILY_SHARES.items():
            scaffolds = [(m, aromatic_ch(m)) for m in families[family] if len(aromatic_ch(m)) >= 1]
            if not scaffolds:
                sys.exit(f"generate_dyes: no scaffold for family {family}")
            for m, _ in scaffolds:
                seen.add(Chem.MolToSmiles(m))
            want = round(n * share) if family != list(FAMILY_SHARES)[-1] else n - sum(counts.values())
            made, tries = 0, 0
            while made < want:
                tries += 1
                if tries > want * 50 + 1000:
                    sys.exit(f"generate_dyes: family {family} ran out of new structures at {made} of {want}")
                mol, sites = scaffolds[rng.randrange(len(scaffolds))]
                k = min(len(sites), rng.choice((1, 2, 2, 3, 3, 3)))
                positions = rng.sample(sites, k)
                groups = [SUBSTITUENTS[rng.randrange(len(SUBSTITUENTS))] for _ in positions]
                try:
                    smiles = substitute(mol, positions, groups)
                except Exception:  # a valence the swap broke: skip it
                    continue
                if smiles in seen:
                    continue
                seen.add(smiles)
                made += 1
                out.write(f"{smiles}\tGEN-{family}-{made:07d}\n")
            counts[family] = made
    total = sum(counts.values())
    print("generated " + str(total) + " structures: " + ", ".join(f"{f} {c} ({c / max(total, 1):.0%}, {len(families[f])} scaffolds)" for f, c in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
