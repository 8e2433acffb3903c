/* Structure features for property estimates (water solubility), beside dyereg_chem.h's
 * descriptors: ring counts, charge, saturation and the Bemis-Murcko scaffold. Same conventions
 * as dyereg_chem.h: status return, *error released with dr_free, no exception crosses. */
#ifndef DYEREG_FEATURES_H
#define DYEREG_FEATURES_H

#include "dyereg_chem.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dr_ring_charge_features {
  int32_t rings;              /* SSSR ring count, RDKit calcNumRings */
  int32_t aromatic_rings;     /* calcNumAromaticRings */
  int32_t aliphatic_rings;    /* calcNumAliphaticRings */
  int32_t formal_charge;      /* sum of atom formal charges */
  int32_t charged_atoms;      /* atoms with a non-zero formal charge (zwitterions show here) */
  int32_t heteroatoms;        /* calcNumHeteroatoms: not C, not H */
  int32_t halogens;           /* F, Cl, Br, I */
  int32_t reserved;
  double fraction_csp3;       /* calcFractionCSP3 */
  double labute_asa;          /* calcLabuteASA, square angstrom */
} dr_ring_charge_features;

DR_EXPORT int32_t dr_mol_ring_charge_features(dr_mol* mol, dr_ring_charge_features* out, char** error);

/* Bemis-Murcko scaffold (RDKit MurckoDecompose: rings and the linkers between them) as canonical
 * SMILES; "" for a molecule without rings. Release *smiles with dr_free. */
DR_EXPORT int32_t dr_mol_murcko_scaffold(dr_mol* mol, char** smiles, char** error);

/* Everything the water-solubility model reads of a structure, in one call (solubility_features.cpp):
 * the mass of the structure as drawn (it converts mol/L to grams) and the descriptors of its
 * standardized parent, each by the same RDKit function (and the bridge's Crippen typing) as
 * dr_mol_descriptors with DR_DESC_ALL and dr_mol_ring_charge_features give it, so the values are
 * those, bit for bit. Leaves out what the model does not read: formulas and exact masses.
 * structure and parent may be the same handle. */
typedef struct dr_solubility_features {
  double drawn_average_mass;  /* calcAMW of the structure as drawn, g/mol */
  double average_mass;        /* calcAMW of the parent, g/mol */
  double crippen_logp;
  double crippen_mr;
  double tpsa;                /* square angstrom */
  double aromatic_atom_fraction;
  double fraction_csp3;
  double labute_asa;          /* square angstrom */
  int32_t rotatable_bonds;    /* calcNumRotatableBonds, RDKit's default (strict) definition */
  int32_t hbond_donors;       /* calcNumHBD */
  int32_t hbond_acceptors;    /* calcNumHBA */
  int32_t heavy_atoms;
  int32_t rings;              /* SSSR ring count (not a feature; an error where ring info is missing, as before) */
  int32_t aromatic_rings;
  int32_t aliphatic_rings;
  int32_t formal_charge;
  int32_t charged_atoms;
  int32_t heteroatoms;
  int32_t halogens;
  int32_t reserved;
} dr_solubility_features;

DR_EXPORT int32_t dr_mol_solubility_features(dr_mol* structure, dr_mol* parent, dr_solubility_features* out,
                                             char** error);

#ifdef __cplusplus
}
#endif

#endif
