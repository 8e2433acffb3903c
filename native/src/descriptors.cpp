// Descriptors and fingerprints: RDKit's definitions, unchanged.
#include "internal.hpp"

#include <DataStructs/ExplicitBitVect.h>
#include <GraphMol/Descriptors/Crippen.h>
#include <GraphMol/Descriptors/Lipinski.h>
#include <GraphMol/Descriptors/MolDescriptors.h>
#include <GraphMol/Descriptors/MolSurf.h>
#include <GraphMol/Fingerprints/Fingerprints.h>
#include <GraphMol/Fingerprints/MorganFingerprints.h>

#include <limits>

namespace dyereg {
namespace {

void require_not_query(dr_mol* mol) {
  require(mol != nullptr && mol->mol != nullptr, "molecule handle is null");
  require(!mol->is_query, "descriptors are defined for molecules, not queries");
}

uint64_t* pack_bits(const ExplicitBitVect& bits, int32_t n_bits) {
  std::vector<uint64_t> words(static_cast<size_t>(n_bits / 64), 0);
  for (int32_t i = 0; i < n_bits; ++i)
    if (bits.getBit(static_cast<unsigned int>(i))) words[i / 64] |= uint64_t{1} << (i % 64);
  return copy_array(words);
}

void require_bits(int32_t n_bits) {
  require(n_bits > 0 && n_bits % 64 == 0, "n_bits must be a positive multiple of 64");
}

}  // namespace
}  // namespace dyereg

using namespace dyereg;

extern "C" {

int32_t dr_mol_descriptors(dr_mol* mol, int32_t groups, dr_descriptors* out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    require_not_query(mol);
    MolLock lock(mol);
    const auto& m = *mol->mol;
    require((groups & ~(DR_DESC_ALL | DR_DESC_MASS)) == 0 && groups != 0, "groups must be DR_DESC_MASS_LOGP, DR_DESC_POLARITY, DR_DESC_MASS or a combination");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    dr_descriptors d{nan, nan, nan, nan, nan, -1, -1, -1, -1, -1, 0, nan};
    if (groups & DR_DESC_MASS_LOGP) {
      d.average_mass = RDKit::Descriptors::calcAMW(m);
      d.exact_mass = RDKit::Descriptors::calcExactMW(m);
      RDKit::Descriptors::calcCrippenDescriptors(m, d.crippen_logp, d.crippen_mr);
      d.heavy_atoms = 0;
      d.aromatic_atoms = 0;
      for (const auto* atom : m.atoms()) {
        if (atom->getAtomicNum() <= 1) continue;
        ++d.heavy_atoms;
        if (atom->getIsAromatic()) ++d.aromatic_atoms;
      }
      d.aromatic_atom_fraction = d.heavy_atoms == 0 ? 0.0 : static_cast<double>(d.aromatic_atoms) / d.heavy_atoms;
    }
    if ((groups & DR_DESC_MASS) && !(groups & DR_DESC_MASS_LOGP)) {
      d.average_mass = RDKit::Descriptors::calcAMW(m);
      d.exact_mass = RDKit::Descriptors::calcExactMW(m);
      d.heavy_atoms = 0;
      for (const auto* atom : m.atoms())
        if (atom->getAtomicNum() > 1) ++d.heavy_atoms;
    }
    if (groups & DR_DESC_POLARITY) {
      d.tpsa = RDKit::Descriptors::calcTPSA(m);
      d.rotatable_bonds = static_cast<int32_t>(RDKit::Descriptors::calcNumRotatableBonds(m));
      d.hbond_donors = static_cast<int32_t>(RDKit::Descriptors::calcNumHBD(m));
      d.hbond_acceptors = static_cast<int32_t>(RDKit::Descriptors::calcNumHBA(m));
    }
    *out = d;
  });
}

int32_t dr_mol_formula(dr_mol* mol, char** out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    require_not_query(mol);
    MolLock lock(mol);
    *out = copy_string(RDKit::Descriptors::calcMolFormula(*mol->mol));
  });
}

int32_t dr_mol_pattern_fingerprint(dr_mol* mol, int32_t n_bits, uint64_t** words, char** error) {
  return guarded(error, [&] {
    require(words != nullptr, "words must not be null");
    require_bits(n_bits);
    MolLock lock(mol);
    std::unique_ptr<ExplicitBitVect> fp(RDKit::PatternFingerprintMol(*mol->mol, static_cast<unsigned int>(n_bits)));
    *words = pack_bits(*fp, n_bits);
  });
}

int32_t dr_mol_morgan_fingerprint(dr_mol* mol, int32_t radius, int32_t n_bits, uint64_t** words, char** error) {
  return guarded(error, [&] {
    require(words != nullptr, "words must not be null");
    require(radius >= 0 && radius <= 8, "radius must be between 0 and 8");
    require_bits(n_bits);
    require_not_query(mol);
    MolLock lock(mol);
    std::unique_ptr<ExplicitBitVect> fp(RDKit::MorganFingerprints::getFingerprintAsBitVect(
        *mol->mol, static_cast<unsigned int>(radius), static_cast<unsigned int>(n_bits)));
    *words = pack_bits(*fp, n_bits);
  });
}

}  // extern "C"
