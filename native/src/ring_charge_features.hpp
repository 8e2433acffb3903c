// The ring and charge features of a molecule (dyereg_features.h), shared by
// dr_mol_ring_charge_features and dr_mol_solubility_features: both structs name these fields alike.
#pragma once

#include <GraphMol/Descriptors/Lipinski.h>
#include <GraphMol/Descriptors/MolSurf.h>
#include <GraphMol/ROMol.h>

namespace dyereg {

template <typename Features>
void fill_ring_charge_features(const RDKit::ROMol& m, Features& f) {
  f.rings = static_cast<int32_t>(RDKit::Descriptors::calcNumRings(m));
  f.aromatic_rings = static_cast<int32_t>(RDKit::Descriptors::calcNumAromaticRings(m));
  f.aliphatic_rings = static_cast<int32_t>(RDKit::Descriptors::calcNumAliphaticRings(m));
  f.heteroatoms = static_cast<int32_t>(RDKit::Descriptors::calcNumHeteroatoms(m));
  for (const auto* atom : m.atoms()) {
    const int charge = atom->getFormalCharge();
    f.formal_charge += charge;
    if (charge != 0) ++f.charged_atoms;
    switch (atom->getAtomicNum()) {
      case 9: case 17: case 35: case 53: ++f.halogens; break;
      default: break;
    }
  }
  f.fraction_csp3 = RDKit::Descriptors::calcFractionCSP3(m);
  f.labute_asa = RDKit::Descriptors::calcLabuteASA(m);
}

}  // namespace dyereg
