"""Builds the portfolio-matrix benchmark's records (issue 20): N inks and M media in records.md
form, from samples/records.json and dyes taken from a SMILES catalogue (read where it lies, never
copied into the repository). Inks vary in dyes (one to three from the catalogue, with varied water
solubility), polymer and solvents; media are polymer-particle layers of varied thickness, pore
volume A, particle size X and peak pore diameter Y, or two-layer inorganic sheets of varied
particle sizes, void volumes and irradiation (electron beam, UV, gamma), some without production
data. Deterministic (seeded).

Usage: matrix_records.py CATALOGUE INKS MEDIA OUT.json
"""
import json
import random
import sys

catalogue, n_inks, n_media, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(20)
samples = {r["id"]: r for r in json.load(open("samples/records.json"))}

smiles = []
for line in open(catalogue):
    parts = line.split()
    if len(parts) >= 1 and 8 <= len(parts[0]) <= 120 and "." not in parts[0]:
        smiles.append(parts[0])
    if len(smiles) >= n_inks:
        break

records = [samples["M-101"], samples["TCP"], samples["P-1"]]
records += [
    {"kind": "solvent", "id": "S-DBP", "boiling_point_c": 340, "water_solubility_g_per_100g": 0.001},
    {"kind": "solvent", "id": "S-LOW", "boiling_point_c": 120, "water_solubility_g_per_100g": 2},
    {"kind": "solvent", "id": "S-WET", "boiling_point_c": 200, "water_solubility_g_per_100g": 9},
    {"kind": "polymer", "id": "P-HYD", "hydrophobic": False},
]
dyes = []
for k, s in enumerate(smiles):
    dye = {"kind": "dye", "id": f"CAT-{k:04d}", "smiles": s}
    if k % 9 != 4:  # some dyes have no recorded solubility: undetermined, not outside
        dye["water_solubility_g_per_100g"] = rng.choice([0.005, 0.05, 0.5, 0.99, 1.5, 12])
    records.append(dye)
    dyes.append(dye["id"])

for k in range(n_inks):
    components = [{"ref": d, "role": "dye", "mass_percent": 2.0} for d in rng.sample(dyes, rng.choice([1, 1, 2, 3]))]
    if k % 6 == 0:
        components.append({"ref": "M-101", "role": "dye", "mass_percent": 1.0})
    components.append({"ref": "P-HYD" if k % 11 == 5 else "P-1", "role": "polymer", "mass_percent": 3.0})
    for s in rng.sample(["TCP", "S-DBP", "S-LOW", "S-WET"], rng.choice([1, 2])):
        components.append({"ref": s, "role": "solvent", "mass_percent": 1.5})
    form = "colored_fine_particle_dispersion" if k % 13 != 7 else "dye_solution"
    records.append({"kind": "ink", "id": f"INK-{k:04d}", "form": form, "components": components})

for k in range(n_media):
    if k % 3 == 2:
        m = json.loads(json.dumps(samples["SHEET-1"]))
        m["id"] = f"MED-{k:04d}"
        first, second = m["layers"]
        first["microparticles"]["secondary_diameter_nm"] = rng.choice([150, 250, 300])
        second["microparticles"]["secondary_diameter_nm"] = rng.choice([100, 150, 200])
        second["microparticles"]["material"] = rng.choice(["alumina", "silica", "titania"])
        for layer in (first, second):
            layer["void_volume_ml_per_m2"] = rng.choice([12, 18, 25, 38, 45])
        if k % 4 == 0:
            del m["production"]
        else:
            m["production"]["irradiation"] = rng.choice(["electron beam", "UV lamp", "gamma rays"])
    else:
        m = json.loads(json.dumps(samples["MED-1"]))
        m["id"] = f"MED-{k:04d}"
        layer = m["ink_receiving_layer"]
        layer["dry_thickness_um"] = rng.choice([8, 15, 25, 30, 35, 60, 120])
        layer["pore_volume_at_particle_diameter_ml_per_cm2"] = rng.choice([3.0e-4, 5.0e-4, 7.0e-4, 9.0e-4])
        layer["polymer_particles"]["average_diameter_nm"] = rng.choice([30, 50, 80, 150])
        layer["peak_pore_diameter_nm"] = rng.choice([20, 33, 40, 60])
        if k % 10 == 1:
            del layer["peak_pore_diameter_nm"]
    records.append(m)

json.dump(records, open(out, "w"))
print(f"{n_inks} inks ({len(dyes)} catalogue dyes), {n_media} media -> {out}", file=sys.stderr)
