// Atom maps and molecule parts: what the Markush layer needs to cut substituents out of a core
// embedding and classify them with SMARTS.
#include "internal.hpp"

#include <GraphMol/MolOps.h>

namespace dyereg {
namespace {

// Kekulé form, so that a ring cut open by the extraction keeps explicit single and double
// bonds; sanitization then re-perceives aromaticity only for rings wholly inside the part.
// Made once per molecule (a compound's substituents are all cut from it) and kept with it: the
// molecule does not change after creation. Called under the molecule's lock.
const RDKit::RWMol& kekule_form(dr_mol& mol) {
  if (!mol.kekule_form) {
    auto copy = std::make_unique<RDKit::RWMol>(*mol.mol);
    RDKit::MolOps::Kekulize(*copy, true);
    mol.kekule_form = std::move(copy);
  }
  return *mol.kekule_form;
}

}  // namespace
}  // namespace dyereg

using namespace dyereg;

extern "C" {

int32_t dr_mol_atom_map_numbers(dr_mol* mol, int32_t** maps, int32_t* count, char** error) {
  return guarded(error, [&] {
    require(maps != nullptr && count != nullptr, "maps and count must not be null");
    MolLock lock(mol);
    std::vector<int32_t> values;
    for (const auto* atom : mol->mol->atoms()) values.push_back(atom->getAtomMapNum());
    *count = static_cast<int32_t>(values.size());
    *maps = copy_array(values);
  });
}

int32_t dr_mol_extract(dr_mol* mol, const int32_t* keep, const int32_t* label, int32_t count,
                       int32_t attach_inside, int32_t attach_outside, int32_t attach_label, dr_mol** out,
                       int32_t** atom_origin, char** error) {
  return guarded(error, [&] {
    require(keep != nullptr && label != nullptr && out != nullptr, "keep, label and out must not be null");
    MolLock lock(mol);
    require(!mol->is_query, "parts are cut from molecules, not queries");
    require(count == static_cast<int32_t>(mol->mol->getNumAtoms()), "keep and label need one entry per atom");
    const RDKit::RWMol* source = &kekule_form(*mol);
    auto part = std::make_unique<RDKit::RWMol>();
    std::vector<int> new_index(source->getNumAtoms(), -1);
    std::vector<int32_t> origin;
    for (const auto* atom : source->atoms()) {
      if (!keep[atom->getIdx()]) continue;
      auto* copy = atom->copy();
      copy->setIsotope(static_cast<unsigned int>(std::max(0, label[atom->getIdx()])));
      copy->setIsAromatic(false);
      new_index[atom->getIdx()] = static_cast<int>(part->addAtom(copy, false, true));
      origin.push_back(static_cast<int32_t>(atom->getIdx()));
    }
    for (const auto* bond : source->bonds()) {
      int a = static_cast<int>(bond->getBeginAtomIdx()), b = static_cast<int>(bond->getEndAtomIdx());
      bool ka = keep[a] != 0, kb = keep[b] != 0;
      if (!ka && !kb) continue;
      if (ka && kb) {
        part->addBond(new_index[a], new_index[b], bond->getBondType());
        continue;
      }
      int inside = ka ? a : b, outside = ka ? b : a;
      auto* dummy = new RDKit::Atom(0);
      bool is_attachment = inside == attach_inside && outside == attach_outside;
      dummy->setIsotope(static_cast<unsigned int>(std::max(0, is_attachment ? attach_label : label[outside])));
      dummy->setNoImplicit(true);
      int d = static_cast<int>(part->addAtom(dummy, false, true));
      part->addBond(new_index[inside], d, bond->getBondType());
      origin.push_back(-1);
    }
    for (auto* atom : part->atoms()) atom->setNoImplicit(true);  // keep each atom's H count as in the parent
    for (const auto* atom : source->atoms()) {
      if (!keep[atom->getIdx()]) continue;
      auto* copy = part->getAtomWithIdx(new_index[atom->getIdx()]);
      copy->setNumExplicitHs(atom->getTotalNumHs());
    }
    unsigned int failed = 0;
    RDKit::MolOps::sanitizeMol(*part, failed, RDKit::MolOps::SANITIZE_ALL);
    if (atom_origin) *atom_origin = copy_array(origin);
    *out = wrap(part.release());
  });
}

int32_t dr_mol_with_isotope_labels(dr_mol* mol, const int32_t* label, int32_t count, dr_mol** out, char** error) {
  return guarded(error, [&] {
    require(label != nullptr && out != nullptr, "label and out must not be null");
    MolLock lock(mol);
    require(!mol->is_query, "labels are set on molecules, not queries");
    require(count == static_cast<int32_t>(mol->mol->getNumAtoms()), "label needs one entry per atom");
    auto copy = std::make_unique<RDKit::RWMol>(*mol->mol);
    for (auto* atom : copy->atoms()) atom->setIsotope(static_cast<unsigned int>(std::max(0, label[atom->getIdx()])));
    *out = wrap(copy.release());
  });
}

}  // extern "C"
