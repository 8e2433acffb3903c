// The solubility model's features in one call (dyereg_features.h): the RDKit functions
// dr_mol_descriptors (DR_DESC_ALL) and dr_mol_ring_charge_features call, on the same molecule,
// without what the model does not read (formula, exact masses) and without three
// crossings of the bridge per estimate.
#include "dyereg_features.h"
#include "internal.hpp"
#include "ring_charge_features.hpp"

#include <GraphMol/Descriptors/Lipinski.h>
#include <GraphMol/Descriptors/MolDescriptors.h>
#include <GraphMol/Descriptors/MolSurf.h>

using namespace dyereg;

extern "C" {

int32_t dr_mol_solubility_features(dr_mol* structure, dr_mol* parent, dr_solubility_features* out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    require(structure != nullptr && structure->mol != nullptr && parent != nullptr && parent->mol != nullptr,
            "molecule handle is null");
    require(!structure->is_query && !parent->is_query, "features are defined for molecules, not queries");
    dr_solubility_features f{};
    {
      // One lock at a time: structure and parent may be one handle.
      MolLock lock(structure);
      f.drawn_average_mass = RDKit::Descriptors::calcAMW(*structure->mol);
    }
    MolLock lock(parent);
    const auto& m = *parent->mol;
    f.average_mass = RDKit::Descriptors::calcAMW(m);
    crippen_descriptors(m, f.crippen_logp, f.crippen_mr);
    int32_t aromatic_atoms = 0;
    for (const auto* atom : m.atoms()) {
      if (atom->getAtomicNum() <= 1) continue;
      ++f.heavy_atoms;
      if (atom->getIsAromatic()) ++aromatic_atoms;
    }
    f.aromatic_atom_fraction = f.heavy_atoms == 0 ? 0.0 : static_cast<double>(aromatic_atoms) / f.heavy_atoms;
    f.tpsa = RDKit::Descriptors::calcTPSA(m);
    f.rotatable_bonds = static_cast<int32_t>(RDKit::Descriptors::calcNumRotatableBonds(m));
    f.hbond_donors = static_cast<int32_t>(RDKit::Descriptors::calcNumHBD(m));
    f.hbond_acceptors = static_cast<int32_t>(RDKit::Descriptors::calcNumHBA(m));
    fill_ring_charge_features(m, f);
    *out = f;
  });
}

}  // extern "C"
