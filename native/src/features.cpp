// Structure features for property estimates (dyereg_features.h): RDKit's definitions, unchanged.
#include "dyereg_features.h"
#include "internal.hpp"
#include "ring_charge_features.hpp"

#include <GraphMol/ChemTransforms/ChemTransforms.h>
#include <GraphMol/Descriptors/Lipinski.h>
#include <GraphMol/Descriptors/MolSurf.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>

using namespace dyereg;

namespace {

void require_molecule(dr_mol* mol) {
  require(mol != nullptr && mol->mol != nullptr, "molecule handle is null");
  require(!mol->is_query, "features are defined for molecules, not queries");
}

}  // namespace

extern "C" {

int32_t dr_mol_ring_charge_features(dr_mol* mol, dr_ring_charge_features* out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    require_molecule(mol);
    MolLock lock(mol);
    const auto& m = *mol->mol;
    dr_ring_charge_features f{};
    fill_ring_charge_features(m, f);
    *out = f;
  });
}

int32_t dr_mol_murcko_scaffold(dr_mol* mol, char** smiles, char** error) {
  return guarded(error, [&] {
    require(smiles != nullptr, "smiles must not be null");
    require_molecule(mol);
    MolLock lock(mol);
    std::unique_ptr<RDKit::ROMol> scaffold(RDKit::MurckoDecompose(*mol->mol));
    if (!scaffold || scaffold->getNumAtoms() == 0) {
      *smiles = copy_string("");
      return;
    }
    // The decomposition leaves implicit-H counts of the cut atoms stale; RDKit's Python
    // GetScaffoldForMol sanitizes too. A scaffold that does not sanitize is written as it is.
    RDKit::RWMol rw(*scaffold);
    try {
      RDKit::MolOps::sanitizeMol(rw);
    } catch (const std::exception&) {
    }
    *smiles = copy_string(RDKit::MolToSmiles(rw));
  });
}

}  // extern "C"
