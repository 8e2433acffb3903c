// Descriptors and fingerprints: RDKit's definitions, unchanged.
#include "internal.hpp"

#include <DataStructs/ExplicitBitVect.h>
#include <GraphMol/Descriptors/Crippen.h>
#include <GraphMol/Descriptors/Lipinski.h>
#include <GraphMol/Descriptors/MolDescriptors.h>
#include <GraphMol/Descriptors/MolSurf.h>
#include <GraphMol/Fingerprints/Fingerprints.h>
#include <GraphMol/Fingerprints/MorganFingerprints.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/Substruct/SubstructMatch.h>

#include <boost/dynamic_bitset.hpp>

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

// RDKit's SubstructMatch stops at this many matches (its default maxMatches).
constexpr size_t substruct_match_cap = 1000;

}  // namespace

// Crippen logP and MR (Wildman and Crippen 1999) with the values RDKit's calcCrippenDescriptors
// gives: explicit Hs added, each atom typed by the first of RDKit's Crippen patterns, in their
// order, that matches with that atom first; the contributions summed in atom order. Fewer
// searches: a pattern is searched for only when its first atom's query accepts some atom not yet
// typed (no match could type anything otherwise), and a one-atom pattern is applied atom by atom
// unless it would reach SubstructMatch's cap. On the catalogue's 28,725 structures about a third
// less CPU than RDKit's function (Crippen typing is most of a solubility estimate's features).
// Tests pin it to RDKit's own function (DR_DESC_CRIPPEN_REFERENCE) on the catalogue and AqSolDB.
void crippen_descriptors(const RDKit::ROMol& mol, double& logp, double& mr) {
  std::unique_ptr<RDKit::ROMol> with_hs(RDKit::MolOps::addHs(mol, false, false));
  const auto& h = *with_hs;
  const auto n = h.getNumAtoms();
  std::vector<double> logp_of(n, 0.0), mr_of(n, 0.0);
  boost::dynamic_bitset<> untyped(n);
  untyped.set();
  constexpr auto end = boost::dynamic_bitset<>::npos;
  for (const auto& type : *RDKit::Descriptors::CrippenParamCollection::getParams()) {
    if (untyped.none()) break;
    const auto& pattern = *type.dp_pattern;
    const auto* first = pattern.getAtomWithIdx(0);
    bool wanted = false;
    for (auto i = untyped.find_first(); i != end && !wanted; i = untyped.find_next(i))
      wanted = first->Match(h.getAtomWithIdx(static_cast<unsigned int>(i)));
    if (!wanted) continue;
    std::vector<unsigned int> roots;
    if (pattern.getNumAtoms() == 1) {
      for (const auto* atom : h.atoms())
        if (first->Match(atom)) roots.push_back(atom->getIdx());
    }
    if (pattern.getNumAtoms() != 1 || roots.size() >= substruct_match_cap) {
      roots.clear();
      std::vector<RDKit::MatchVectType> matches;
      RDKit::SubstructMatch(h, pattern, matches, false, true);
      for (const auto& match : matches) roots.push_back(static_cast<unsigned int>(match[0].second));
    }
    for (const auto idx : roots) {
      if (!untyped[idx]) continue;
      untyped[idx] = false;
      logp_of[idx] = type.logp;
      mr_of[idx] = type.mr;
    }
  }
  logp = 0.0;
  for (const double v : logp_of) logp += v;
  mr = 0.0;
  for (const double v : mr_of) mr += v;
}

}  // namespace dyereg

using namespace dyereg;

extern "C" {

int32_t dr_mol_descriptors(dr_mol* mol, int32_t groups, dr_descriptors* out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    require_not_query(mol);
    MolLock lock(mol);
    const auto& m = *mol->mol;
    require((groups & ~(DR_DESC_ALL | DR_DESC_MASS | DR_DESC_CRIPPEN_REFERENCE)) == 0 && (groups & ~DR_DESC_CRIPPEN_REFERENCE) != 0,
            "groups must be DR_DESC_MASS_LOGP, DR_DESC_POLARITY, DR_DESC_MASS or a combination");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    dr_descriptors d{nan, nan, nan, nan, nan, -1, -1, -1, -1, -1, 0, nan};
    if (groups & DR_DESC_MASS_LOGP) {
      d.average_mass = RDKit::Descriptors::calcAMW(m);
      d.exact_mass = RDKit::Descriptors::calcExactMW(m);
      if (groups & DR_DESC_CRIPPEN_REFERENCE)
        RDKit::Descriptors::calcCrippenDescriptors(m, d.crippen_logp, d.crippen_mr, true, true);
      else
        crippen_descriptors(m, d.crippen_logp, d.crippen_mr);
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
    // A query whose fingerprint would screen out true matches gets no bits: every molecule passes.
    std::unique_ptr<ExplicitBitVect> fp(mol->is_query && !dyereg::pattern_screen_is_sound(*mol->mol)
        ? new ExplicitBitVect(static_cast<unsigned int>(n_bits))
        : RDKit::PatternFingerprintMol(*mol->mol, static_cast<unsigned int>(n_bits)));
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
