// The registry's duplicate key: RDKit's HetAtomTautomer MolHash plus a layer that keeps mobile
// hydrogen from pooling across parts of a molecule that no H shift connects.
#include "internal.hpp"

#include <GraphMol/MolHash/MolHash.h>
#include <GraphMol/new_canon.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace dyereg {
namespace {

// A carbon all of whose bonds are single (neutral, no radical, degree + H = 4). Heteroatom H
// shifts move H between heteroatoms and bond orders along a conjugated path; a carbon's H count
// and degree never change, so such a carbon is saturated in every tautomer and no path crosses it.
bool saturated_carbon(const RDKit::Atom* a) {
  return a->getAtomicNum() == 6 && a->getFormalCharge() == 0 && a->getNumRadicalElectrons() == 0 &&
         a->getDegree() + a->getTotalNumHs() == 4;
}

int find_root(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

// RDKit 2022.09's HetAtomTautomer hash pools every heteroatom H and every charge of the molecule
// into one count, so two parts joined only through saturated carbons may trade hydrogen: a
// hydroquinone-CH2-quinone and its quinone-CH2-hydroquinone isomer hash the same. The layer lists,
// for each such part (a region) holding a heteroatom or a charge, its H on heteroatoms minus its
// charge (a protomer count: a zwitterion and its neutral form agree), named by the smallest
// canonical rank of its atoms in the molecule with every bond single, charges zeroed and
// heteroatom H removed (a graph all heteroatom tautomers share; ties unbroken, so symmetric
// regions share a name). Empty when fewer than two regions count.
std::string region_layer(const RDKit::ROMol& mol) {
  const unsigned n = mol.getNumAtoms();
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<bool> saturated(n);
  for (const auto* a : mol.atoms()) saturated[a->getIdx()] = saturated_carbon(a);
  for (const auto* b : mol.bonds()) {
    unsigned i = b->getBeginAtomIdx(), j = b->getEndAtomIdx();
    if (saturated[i] || saturated[j]) continue;
    parent[find_root(parent, i)] = find_root(parent, j);
  }
  // Regions (roots) that hold a heteroatom or a charge, and their counts.
  std::vector<int> count(n, 0);
  std::vector<bool> counted(n, false);
  int regions = 0;
  for (const auto* a : mol.atoms()) {
    unsigned i = a->getIdx();
    if (saturated[i]) continue;
    int root = find_root(parent, i);
    bool hetero = a->getAtomicNum() != 6;
    if (!hetero && a->getFormalCharge() == 0) continue;
    if (!counted[root]) {
      counted[root] = true;
      ++regions;
    }
    if (hetero) count[root] += static_cast<int>(a->getTotalNumHs());
    count[root] -= a->getFormalCharge();
  }
  if (regions < 2) return "";

  RDKit::RWMol relaxed(mol);
  for (auto* a : relaxed.atoms()) {
    unsigned h = a->getAtomicNum() == 6 ? a->getTotalNumHs() : 0;
    a->setFormalCharge(0);
    a->setIsAromatic(false);
    a->setNoImplicit(true);
    a->setNumExplicitHs(h);
    a->setChiralTag(RDKit::Atom::CHI_UNSPECIFIED);
  }
  for (auto* b : relaxed.bonds()) {
    b->setBondType(RDKit::Bond::SINGLE);
    b->setIsAromatic(false);
    b->setStereo(RDKit::Bond::STEREONONE);
  }
  relaxed.updatePropertyCache(false);
  std::vector<unsigned> ranks;
  RDKit::Canon::rankMolAtoms(relaxed, ranks, /*breakTies=*/false, /*includeChirality=*/false, /*includeIsotopes=*/true);

  std::vector<unsigned> name(n, n);
  for (unsigned i = 0; i < n; ++i) {
    if (saturated[i]) continue;
    int root = find_root(parent, i);
    if (counted[root]) name[root] = std::min(name[root], ranks[i]);
  }
  std::vector<std::pair<unsigned, int>> items;
  for (unsigned i = 0; i < n; ++i)
    if (counted[i] && find_root(parent, i) == static_cast<int>(i)) items.emplace_back(name[i], count[i]);
  std::sort(items.begin(), items.end());
  std::string layer;
  for (const auto& [r, c] : items) layer += (layer.empty() ? "" : ",") + std::to_string(r) + ":" + std::to_string(c);
  return layer;
}

}  // namespace
}  // namespace dyereg

using namespace dyereg;

extern "C" {

int32_t dr_mol_duplicate_key(dr_mol* mol, char** out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    std::unique_ptr<RDKit::RWMol> copy;
    {
      MolLock lock(mol);
      copy.reset(new RDKit::RWMol(*mol->mol));
    }
    std::string layer = region_layer(*copy);
    std::string key = RDKit::MolHash::MolHash(copy.get(), RDKit::MolHash::HashFunction::HetAtomTautomer);
    if (!layer.empty()) key += " regions:" + layer;
    *out = copy_string(key);
  });
}

}  // extern "C"
