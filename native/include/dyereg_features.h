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

#ifdef __cplusplus
}
#endif

#endif
