// Atom, bond and ring facts, in bulk: one call per molecule, not one per atom.
#include "internal.hpp"

#include <GraphMol/MolOps.h>
#include <GraphMol/RingInfo.h>

#include <numeric>

namespace dyereg {
namespace {

// Ring info is computed by sanitization; an unsanitized molecule gets SSSR here (under the
// molecule's lock, since this writes to it).
void ensure_rings(RDKit::RWMol& mol) {
  if (!mol.getRingInfo()->isInitialized()) RDKit::MolOps::findSSSR(mol);
}

int find_root(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Fused ring systems: SSSR rings that share a bond (two or more atoms) are one system. Spiro
// rings (one shared atom) stay separate systems; the atom is reported with the first of them.
std::vector<int32_t> ring_systems(const RDKit::ROMol& mol) {
  const auto& rings = mol.getRingInfo()->atomRings();
  std::vector<int> parent(rings.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < rings.size(); ++i) {
    for (size_t j = i + 1; j < rings.size(); ++j) {
      int shared = 0;
      for (int a : rings[i])
        for (int b : rings[j]) shared += a == b ? 1 : 0;
      if (shared >= 2) parent[find_root(parent, static_cast<int>(i))] = find_root(parent, static_cast<int>(j));
    }
  }
  std::vector<int32_t> system_of_atom(mol.getNumAtoms(), -1);
  std::vector<int> index_of_root(rings.size(), -1);
  int next = 0;
  for (size_t r = 0; r < rings.size(); ++r) {
    int root = find_root(parent, static_cast<int>(r));
    if (index_of_root[root] < 0) index_of_root[root] = next++;
    for (int a : rings[r])
      if (system_of_atom[a] < 0) system_of_atom[a] = index_of_root[root];
  }
  return system_of_atom;
}

}  // namespace
}  // namespace dyereg

using namespace dyereg;

extern "C" {

int32_t dr_mol_atom_count(dr_mol* mol, int32_t* count, char** error) {
  return guarded(error, [&] {
    require(count != nullptr, "count must not be null");
    MolLock lock(mol);
    *count = static_cast<int32_t>(mol->mol->getNumAtoms());
  });
}

int32_t dr_mol_atoms(dr_mol* mol, dr_atom_info** atoms, int32_t* count, char** error) {
  return guarded(error, [&] {
    require(atoms != nullptr && count != nullptr, "atoms and count must not be null");
    MolLock lock(mol);
    auto& m = *mol->mol;
    ensure_rings(m);
    if (!mol->is_query) m.updatePropertyCache(false);
    auto systems = ring_systems(m);
    const auto* ring_info = m.getRingInfo();
    std::vector<dr_atom_info> infos(m.getNumAtoms());
    for (const auto* atom : m.atoms()) {
      auto& info = infos[atom->getIdx()];
      info = dr_atom_info{};
      info.atomic_num = atom->getAtomicNum();
      info.formal_charge = atom->getFormalCharge();
      info.total_h_count = mol->is_query ? 0 : static_cast<int32_t>(atom->getTotalNumHs(false));
      info.degree = static_cast<int32_t>(atom->getDegree());
      info.isotope = static_cast<int32_t>(atom->getIsotope());
      info.radical_electrons = static_cast<int32_t>(atom->getNumRadicalElectrons());
      info.hybridization = static_cast<int32_t>(atom->getHybridization());
      info.ring_system = systems[atom->getIdx()];
      info.smallest_ring = static_cast<int32_t>(ring_info->minAtomRingSize(atom->getIdx()));
      info.is_aromatic = atom->getIsAromatic() ? 1 : 0;
      info.is_in_ring = ring_info->numAtomRings(atom->getIdx()) > 0 ? 1 : 0;
    }
    *count = static_cast<int32_t>(infos.size());
    *atoms = copy_array(infos);
  });
}

int32_t dr_mol_bonds(dr_mol* mol, dr_bond_info** bonds, int32_t* count, char** error) {
  return guarded(error, [&] {
    require(bonds != nullptr && count != nullptr, "bonds and count must not be null");
    MolLock lock(mol);
    auto& m = *mol->mol;
    ensure_rings(m);
    const auto* ring_info = m.getRingInfo();
    std::vector<dr_bond_info> infos(m.getNumBonds());
    for (const auto* bond : m.bonds()) {
      auto& info = infos[bond->getIdx()];
      info = dr_bond_info{};
      info.begin_atom = static_cast<int32_t>(bond->getBeginAtomIdx());
      info.end_atom = static_cast<int32_t>(bond->getEndAtomIdx());
      info.bond_type = static_cast<int32_t>(bond->getBondType());
      info.is_aromatic = bond->getIsAromatic() ? 1 : 0;
      info.is_in_ring = ring_info->numBondRings(bond->getIdx()) > 0 ? 1 : 0;
      info.is_conjugated = bond->getIsConjugated() ? 1 : 0;
    }
    *count = static_cast<int32_t>(infos.size());
    *bonds = copy_array(infos);
  });
}

int32_t dr_mol_rings(dr_mol* mol, int32_t** ring_atoms, int32_t** ring_offsets, int32_t* ring_count, char** error) {
  return guarded(error, [&] {
    require(ring_atoms != nullptr && ring_offsets != nullptr && ring_count != nullptr,
            "ring_atoms, ring_offsets and ring_count must not be null");
    MolLock lock(mol);
    ensure_rings(*mol->mol);
    const auto& rings = mol->mol->getRingInfo()->atomRings();
    std::vector<int32_t> flat, offsets{0};
    for (const auto& ring : rings) {
      flat.insert(flat.end(), ring.begin(), ring.end());
      offsets.push_back(static_cast<int32_t>(flat.size()));
    }
    *ring_count = static_cast<int32_t>(rings.size());
    *ring_atoms = copy_array(flat);
    *ring_offsets = copy_array(offsets);
  });
}

}  // extern "C"
