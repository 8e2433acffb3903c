// Standardization steps, tautomers, hashes and fragments: thin layers over RDKit MolStandardize.
#include "internal.hpp"

#include <map>

#include <GraphMol/MolHash/MolHash.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/SanitException.h>
#include <GraphMol/MolStandardize/Charge.h>
#include <GraphMol/MolStandardize/Fragment.h>
#include <GraphMol/MolStandardize/Metal.h>
#include <GraphMol/MolStandardize/Normalize.h>
#include <GraphMol/MolStandardize/Tautomer.h>
#include <GraphMol/MolStandardize/TautomerCatalog/TautomerCatalogParams.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>
#include <boost/property_tree/json_parser.hpp>

#include <algorithm>
#include <sstream>

namespace dyereg {
namespace {

namespace MS = RDKit::MolStandardize;

// RDKit's standardizers load their rule tables when constructed, which costs far more than
// running them; one instance per thread is built once and never shared.
MS::Normalizer& normalizer() {
  thread_local MS::Normalizer instance;
  return instance;
}
MS::Reionizer& reionizer() {
  thread_local MS::Reionizer instance;
  return instance;
}
MS::Uncharger& uncharger() {
  thread_local MS::Uncharger instance(true);
  return instance;
}
MS::FragmentRemover& fragment_remover() {
  thread_local MS::FragmentRemover instance;
  return instance;
}
MS::MetalDisconnector& metal_disconnector() {
  thread_local MS::MetalDisconnector instance;
  return instance;
}

// One enumerator per thread and kind: building one compiles its transform SMARTS.
MS::TautomerEnumerator& default_enumerator() {
  thread_local MS::TautomerEnumerator instance;
  return instance;
}

// RDKit's default transforms restricted to those it names "heteroatom H shift".
MS::TautomerEnumerator& heteroatom_shift_enumerator() {
  thread_local MS::TautomerEnumerator instance([] {
    MS::TautomerTransformDefs kept;
    for (const auto& t : MS::defaults::defaultTautomerTransforms)
      if (std::get<0>(t).find("heteroatom H shift") != std::string::npos) kept.push_back(t);
    auto* params = new MS::TautomerCatalogParams(kept);
    return new MS::TautomerCatalog(params);
  }());
  return instance;
}

bool is_metal(int atomic_num) {
  // Everything but the non-metals and noble gases. B, Si, Ge, As, Sb and Te (metalloids) count
  // as metals: phthalocyanine patents of this family name Si and Ge centres.
  static const int non_metals[] = {1, 2, 6, 7, 8, 9, 10, 15, 16, 17, 18, 34, 35, 36, 53, 54, 85, 86};
  if (atomic_num <= 0) return false;
  return std::find(std::begin(non_metals), std::end(non_metals), atomic_num) == std::end(non_metals);
}

std::vector<RDKit::ROMOL_SPTR> fragments_of(const RDKit::ROMol& mol) {
  return RDKit::MolOps::getMolFrags(mol, false);
}

// A cheap identity of a fragment: atom and bond counts and its atoms' elements, charges and H
// counts, sorted. Two fragments with different keys differ; equal keys may still be isomers.
std::string fragment_key(const RDKit::ROMol& f) {
  std::vector<int> atoms;
  atoms.reserve(f.getNumAtoms());
  for (const auto* a : f.atoms()) atoms.push_back(a->getAtomicNum() * 10000 + (a->getFormalCharge() + 50) * 100 + static_cast<int>(a->getTotalNumHs()));
  std::sort(atoms.begin(), atoms.end());
  std::string key = std::to_string(f.getNumAtoms()) + "/" + std::to_string(f.getNumBonds()) + ":";
  for (int v : atoms) key += std::to_string(v) + ",";
  return key;
}

// What `before` had that `after` lacks, as a multiset of fragment SMILES. Canonical SMILES (the
// costly part) are written only for fragments whose cheap key does not settle it: the removed
// ones, and fragments sharing a key with another.
void record_removed(const RDKit::ROMol& before, const RDKit::ROMol& after, std::vector<std::string>& removed) {
  auto b = fragments_of(before);
  auto a = fragments_of(after);
  std::vector<std::string> b_key(b.size());
  std::map<std::string, std::vector<size_t>> a_keys;
  std::map<std::string, int> b_count;
  for (size_t i = 0; i < b.size(); ++i) ++b_count[b_key[i] = fragment_key(*b[i])];
  for (size_t i = 0; i < a.size(); ++i) a_keys[fragment_key(*a[i])].push_back(i);
  std::map<std::string, std::vector<std::string>> kept_smiles;  // per shared key, written on demand
  for (size_t i = 0; i < b.size(); ++i) {  // in the record's fragment order, as before
    auto found = a_keys.find(b_key[i]);
    if (found == a_keys.end()) {
      removed.push_back(RDKit::MolToSmiles(*b[i]));
      continue;
    }
    if (found->second.size() == 1 && b_count[b_key[i]] == 1) continue;  // the same fragment kept
    // Fragments share the key: compare by canonical SMILES, as a multiset.
    auto& kept = kept_smiles[b_key[i]];
    if (kept.empty() && !found->second.empty()) {
      for (size_t j : found->second) kept.push_back(RDKit::MolToSmiles(*a[j]));
      found->second.clear();
    }
    auto smi = RDKit::MolToSmiles(*b[i]);
    auto it = std::find(kept.begin(), kept.end(), smi);
    if (it != kept.end()) {
      kept.erase(it);
    } else {
      removed.push_back(smi);
    }
  }
}

int heavy_atoms(const RDKit::ROMol& m) {
  int n = 0;
  for (const auto* a : m.atoms()) n += a->getAtomicNum() > 1 ? 1 : 0;
  return n;
}

bool is_organic(const RDKit::ROMol& m) {
  for (const auto* a : m.atoms())
    if (a->getAtomicNum() == 6) return true;
  return false;
}

// Alkali and alkaline-earth metals are counter-ions of salt formation (Na+, K+, Li+, a Ca or Ba
// lake), never the centre of a metal-complex dye.
bool is_counter_ion_metal(int z) {
  static const int salt_metals[] = {3, 4, 11, 12, 19, 20, 37, 38, 55, 56, 87, 88};
  return std::find(std::begin(salt_metals), std::end(salt_metals), z) != std::end(salt_metals);
}

// Every other metal can be the centre of a complex: the transition metals (Cr, Co, Fe, Cu, Ni,
// Mn, Zn, Ti, V, ...), lanthanides and Al, Ga, In, Tl, Sn, Pb, Bi. Not the metalloids that
// is_metal admits for phthalocyanine centres (B, Si, Ge, As, Sb, Te): in a fragment of several
// pieces they are organosilicon groups or counter-anions (BF4-, BPh4-, SbF6-).
bool is_complex_metal(int z) {
  static const int metalloids[] = {5, 14, 32, 33, 51, 52};
  return is_metal(z) && !is_counter_ion_metal(z) &&
         std::find(std::begin(metalloids), std::end(metalloids), z) == std::end(metalloids);
}

bool is_complex_metal_ion(const RDKit::ROMol& m) {
  return m.getNumAtoms() == 1 && is_complex_metal(m.getAtomWithIdx(0)->getAtomicNum());
}

bool holds_complex_metal(const RDKit::ROMol& m) {
  for (const auto* a : m.atoms())
    if (is_complex_metal(a->getAtomicNum())) return true;
  return false;
}

int net_charge(const RDKit::ROMol& m) {
  int q = 0;
  for (const auto* a : m.atoms()) q += a->getFormalCharge();
  return q;
}

// An atom that can give a metal a lone pair: the O of a hydroxy, oxido or carbonyl group (not an
// ether O, nor an O of a sulfo, phosphono, nitro or N-oxide group), any N that is not positively
// charged (amine, imine, azo, ring N, [n-]), an S that carries no O (thiol, thiolate, thioether,
// ring S).
bool is_donor(const RDKit::ROMol& m, const RDKit::Atom* a) {
  if (a->getFormalCharge() > 0) return false;
  switch (a->getAtomicNum()) {
    case 7:
      return true;
    case 8: {
      for (const auto* n : m.atomNeighbors(a)) {
        int z = n->getAtomicNum();
        if (z == 7 || z == 15 || z == 16) return false;
      }
      if (a->getFormalCharge() < 0 || a->getTotalNumHs() > 0) return true;
      for (const auto* b : m.atomBonds(a))
        if (b->getBondType() == RDKit::Bond::DOUBLE) return true;
      return false;
    }
    case 16:
      for (const auto* n : m.atomNeighbors(a))
        if (n->getAtomicNum() == 8) return false;
      return true;
    default:
      return false;
  }
}

// Whether the three atoms lie on one ring of at most six atoms.
bool on_one_small_ring(const RDKit::ROMol& m, int a, int b, int c) {
  for (const auto& ring : m.getRingInfo()->atomRings()) {
    if (ring.size() > 6) continue;
    auto has = [&](int x) { return std::find(ring.begin(), ring.end(), x) != ring.end(); };
    if (has(a) && has(b) && has(c)) return true;
  }
  return false;
}

// Two donor atoms 3 or 4 bonds apart close a 5- or 6-membered chelate ring with a metal: the
// o,o'-dihydroxy azo, o-hydroxy-o'-carboxy azo, o-hydroxy-o'-amino azo, pyridylazo, formazan,
// salicylate, 8-hydroxyquinoline, bipyridyl and phthalocyanine/porphyrin N4 sites of
// metal-complex dyes all have them. Not when the path leaves a ring donor through two more atoms
// of its own 5- or 6-membered ring: the lone pair of a ring N points away from a meta-like
// neighbour (nicotine's pyridine N and pyrrolidine N cannot both bind one metal).
bool can_chelate(const RDKit::ROMol& m) {
  std::vector<unsigned> donors;
  for (const auto* a : m.atoms())
    if (is_donor(m, a)) donors.push_back(a->getIdx());
  if (donors.size() < 2) return false;
  if (!m.getRingInfo()->isInitialized()) RDKit::MolOps::findSSSR(m);
  const double* d = RDKit::MolOps::getDistanceMat(m);
  unsigned n = m.getNumAtoms();
  for (size_t i = 0; i < donors.size(); ++i)
    for (size_t j = i + 1; j < donors.size(); ++j) {
      double bonds = d[donors[i] * n + donors[j]];
      if (bonds != 3 && bonds != 4) continue;
      auto path = RDKit::MolOps::getShortestPath(m, donors[i], donors[j]);
      std::vector<int> p(path.begin(), path.end());
      if (p.size() < 4) continue;
      size_t e = p.size() - 1;
      if (on_one_small_ring(m, p[0], p[1], p[2]) || on_one_small_ring(m, p[e], p[e - 1], p[e - 2])) continue;
      return true;
    }
  return false;
}

// A carbanion: the C- of a cyclopentadienide or aryl ligand, also in a zwitterionic drawing.
bool has_carbanion(const RDKit::ROMol& m) {
  for (const auto* a : m.atoms())
    if (a->getAtomicNum() == 6 && a->getFormalCharge() < 0) return true;
  return false;
}

// A ligand of a complex drawn as separate ions: an organic fragment that is not a cation (an
// organic cation - ammonium, pyridinium, a cationic dye - is a counter-ion) and is an anion
// (oxido, carboxylate, sulfonate, cyclopentadienide), or a neutral molecule (a zwitterion
// included) that can chelate or carries a carbanion. A neutral zwitterion that cannot chelate (a
// rhodamine carboxylate beside a 1:2 complex anion) is a counter-ion.
bool is_ligand(const RDKit::ROMol& f) {
  if (!is_organic(f)) return false;
  int q = net_charge(f);
  if (q != 0) return q < 0;
  return has_carbanion(f) || can_chelate(f);
}

int largest_organic(const std::vector<RDKit::ROMOL_SPTR>& frags) {
  // Canonical SMILES only break ties in size, so they are written only when a tie occurs.
  int best = -1;
  int best_heavy = -1;
  std::string best_smiles;
  bool best_smiles_known = false;
  for (size_t i = 0; i < frags.size(); ++i) {
    const auto& f = *frags[i];
    if (!is_organic(f)) continue;
    int heavy = heavy_atoms(f);
    if (best >= 0 && heavy < best_heavy) continue;
    if (best >= 0 && heavy == best_heavy) {
      if (!best_smiles_known) {
        best_smiles = RDKit::MolToSmiles(*frags[best]);
        best_smiles_known = true;
      }
      std::string smi = RDKit::MolToSmiles(f);
      if (!(smi < best_smiles)) continue;
      best_smiles = smi;
    } else {
      best_smiles_known = false;
    }
    best = static_cast<int>(i);
    best_heavy = heavy;
  }
  return best;
}

// The parent of a record drawn in several pieces, from `drawn` (the record, after cleanup) and
// `desalted` (the same after RDKit's salt and solvent list).
//
// A metal complex is kept whole. When the record holds a complex-forming metal (is_complex_metal:
// anything but the alkali and alkaline-earth metals) as a lone ion, or an organic fragment with
// such a metal bonded in it, the parent is every part of the complex with its stoichiometry:
//   - every organic fragment holding such a metal (a complex drawn with covalent/dative bonds);
//   - every ligand (is_ligand) among the desalted fragments, each as often as drawn;
//   - every lone complex-forming metal ion of the record, even one the salt list would remove
//     (Zn2+, Al3+, Ag+), each as often as drawn.
// Everything else is set aside: alkali and alkaline-earth ions, ammonium and other organic
// cations, inorganic anions, water, acids and solvents of the salt list, neutral organics that
// cannot chelate. A record with such a metal ion but no ligand (a cationic dye beside ZnCl2 or a
// metal ion) is not a complex: its parent is as for a metal-free record, the largest organic
// fragment, with the lone complex-forming metal ions the salt list keeps.
//
// keep_metal_ions false: the largest organic fragment only, whatever the metals.
RDKit::RWMol* choose_parent(const RDKit::ROMol& drawn, const RDKit::ROMol& desalted, bool keep_metal_ions) {
  auto drawn_frags = fragments_of(drawn);
  if (drawn_frags.size() <= 1) return new RDKit::RWMol(desalted);
  auto frags = fragments_of(desalted);
  int best = largest_organic(frags);
  if (best < 0) return new RDKit::RWMol(desalted);  // nothing organic: leave the record as drawn
  if (!keep_metal_ions) return new RDKit::RWMol(*frags[best]);

  std::vector<RDKit::ROMOL_SPTR> complex;  // organic fragments of the complex
  bool bonded_metal = false;
  for (const auto& f : frags) {
    if (!is_organic(*f)) continue;
    if (holds_complex_metal(*f)) {
      complex.push_back(f);
      bonded_metal = true;
    } else if (is_ligand(*f)) {
      complex.push_back(f);
    }
  }
  std::vector<RDKit::ROMOL_SPTR> ions;  // lone complex-forming metal ions as drawn
  for (const auto& f : drawn_frags)
    if (is_complex_metal_ion(*f)) ions.push_back(f);

  bool is_complex = bonded_metal || (!ions.empty() && !complex.empty());
  RDKit::RWMol* parent = nullptr;
  if (is_complex) {
    parent = new RDKit::RWMol(*complex[0]);
    for (size_t i = 1; i < complex.size(); ++i) parent->insertMol(*complex[i]);
    for (const auto& ion : ions) parent->insertMol(*ion);
    // insertMol leaves the ring information of the first fragment only: perceive it again.
    parent->getRingInfo()->reset();
    RDKit::MolOps::findSSSR(*parent);
    return parent;
  }
  if (frags.size() <= 1) return new RDKit::RWMol(desalted);
  parent = new RDKit::RWMol(*frags[best]);
  for (size_t i = 0; i < frags.size(); ++i)
    if (static_cast<int>(i) != best && is_complex_metal_ion(*frags[i])) parent->insertMol(*frags[i]);
  return parent;
}

// RDKit's metal disconnector; a metal drawn with a negative charge gets the total charge kept.
// RDKit 2022.09 treats a negative metal charge as zero (the charge that balanced N+ donors, which
// it neutralizes without crediting the metal), so an anionic 1:2 complex drawn [Cr-] with dative
// N->Cr bonds, or [Cr-3] with two N+ donors, comes out Cr(IV). When exactly one metal lost bonds
// and it was drawn negative, the difference goes back onto it: Cr(III), as in the ionic drawing.
// A metal drawn with a charge of zero or more keeps RDKit's answer (its charge drawn as the
// oxidation state, N+ donors drawn for valence: [Zn+2] with four pyridinium N gives Zn2+).
void disconnect_metals(RDKit::RWMol& mol) {
  std::vector<unsigned> degree;
  std::vector<int> charge;
  for (const auto* a : mol.atoms()) {
    degree.push_back(a->getDegree());
    charge.push_back(a->getFormalCharge());
  }
  int before = net_charge(mol);
  metal_disconnector().disconnect(mol);
  int delta = before - net_charge(mol);
  if (delta == 0 || mol.getNumAtoms() != degree.size()) return;
  RDKit::Atom* metal = nullptr;
  for (auto* a : mol.atoms()) {
    if (!is_metal(a->getAtomicNum()) || a->getDegree() == degree[a->getIdx()]) continue;
    if (metal != nullptr) return;  // several metals: RDKit's charges stand
    metal = a;
  }
  if (metal == nullptr || charge[metal->getIdx()] >= 0) return;
  metal->setFormalCharge(metal->getFormalCharge() + delta);
  mol.updatePropertyCache(false);
}

// Whether the molecule's SMILES reads back (the uncharger can leave aromatic flags that sanitize
// in memory but not as written: a neutral cyclopentadienyl written c1cccc1).
bool reads_back(const RDKit::ROMol& mol) {
  try {
    std::unique_ptr<RDKit::RWMol> back(RDKit::SmilesToMol(RDKit::MolToSmiles(mol)));
    return back != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

bool charges_changed(const RDKit::ROMol& a, const RDKit::ROMol& b) {
  if (a.getNumAtoms() != b.getNumAtoms()) return true;
  for (unsigned i = 0; i < a.getNumAtoms(); ++i)
    if (a.getAtomWithIdx(i)->getFormalCharge() != b.getAtomWithIdx(i)->getFormalCharge()) return true;
  return false;
}

}  // namespace
}  // namespace dyereg

using namespace dyereg;

extern "C" {

int32_t dr_mol_standardize(dr_mol* mol, const char* options, dr_mol** out, char** report, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    auto opts = parse_options(options);
    std::unique_ptr<RDKit::RWMol> current;
    {
      MolLock lock(mol);
      current.reset(new RDKit::RWMol(*mol->mol));
    }
    std::vector<std::string> steps, removed;
    int tautomers_seen = 0;
    auto replace = [&](RDKit::ROMol* next) {
      std::unique_ptr<RDKit::ROMol> owned(next);
      current.reset(new RDKit::RWMol(*owned));
    };

    if (opts.get("cleanup", false)) {
      RDKit::MolOps::removeHs(*current);
      replace(normalizer().normalize(*current));
      replace(reionizer().reionize(*current));
      steps.push_back("cleanup");
    }
    std::string fragments = opts.get<std::string>("fragments", "none");
    if (fragments != "none") {
      if (fragments != "salts" && fragments != "parent")
        fail(DR_ARGUMENT_ERROR, "fragments must be \"none\", \"salts\" or \"parent\", not \"" + fragments + "\"");
      RDKit::RWMol before(*current);
      replace(fragment_remover().remove(*current));
      if (fragments == "parent") current.reset(choose_parent(before, *current, opts.get("keepMetalIons", true)));
      record_removed(before, *current, removed);
      steps.push_back("fragments:" + fragments);
    }
    // After the fragments: the ions a disconnection frees (an oxo or chloro axial ligand, the
    // donor anions) stay with the parent instead of being stripped as salts.
    if (opts.get("disconnectMetals", false)) {
      disconnect_metals(*current);
      steps.push_back("disconnectMetals");
    }
    if (opts.get("neutralize", false)) {
      // A parent must be a structure RDKit reads back. The uncharger can break one: a ring [CH2+]
      // drawn with three neighbours becomes [CH3] with three (a valence of 6), an aromatic
      // cyclopentadienide or pyranone carbanion loses its charge but no aromatic electrons (it
      // cannot be kekulized). Then the charged form stays.
      // An aromatic carbanion is neutralized from its Kekule form instead (its carbon then takes
      // the H as sp3: sodium dehydroacetate gives dehydroacetic acid).
      RDKit::RWMol before(*current);
      replace(uncharger().uncharge(*current));
      // Checked only when a charge changed (a round trip through SMILES costs a parse).
      bool ok = !charges_changed(before, *current) || reads_back(*current);
      if (!ok) {
        RDKit::RWMol kekule(before);
        try {
          RDKit::MolOps::Kekulize(kekule, true);
          std::unique_ptr<RDKit::ROMol> neutral(uncharger().uncharge(kekule));
          RDKit::RWMol candidate(*neutral);
          RDKit::MolOps::sanitizeMol(candidate);
          if (reads_back(candidate)) {
            current.reset(new RDKit::RWMol(candidate));
            ok = true;
          }
        } catch (const RDKit::MolSanitizeException&) {
        }
      }
      if (ok) {
        steps.push_back("neutralize");
      } else {
        current.reset(new RDKit::RWMol(before));
        steps.push_back("neutralize:skipped");
      }
    }
    if (opts.get("canonicalTautomer", false)) {
      auto rules = opts.get<std::string>("tautomerRules", "all");
      require(rules == "all" || rules == "heteroatom", "tautomerRules must be \"all\" or \"heteroatom\"");
      auto& enumerator = rules == "heteroatom" ? heteroatom_shift_enumerator() : default_enumerator();
      enumerator.setMaxTautomers(opts.get("maxTautomers", 1000));
      auto result = enumerator.enumerate(*current);
      tautomers_seen = static_cast<int>(result.size());
      if (result.size() > 0) replace(enumerator.pickCanonical(result));
      steps.push_back("canonicalTautomer");
    }
    current->updatePropertyCache(false);
    // As a parse does: an atom left without its H (the S of a metal sulfide after disconnection)
    // gets radical electrons, so its SMILES says [S] and reads back as this structure, not as H2S.
    RDKit::MolOps::assignRadicals(*current);

    if (report) {
      boost::property_tree::ptree tree, steps_node, removed_node;
      for (const auto& s : steps) {
        boost::property_tree::ptree item;
        item.put("", s);
        steps_node.push_back(std::make_pair("", item));
      }
      for (const auto& s : removed) {
        boost::property_tree::ptree item;
        item.put("", s);
        removed_node.push_back(std::make_pair("", item));
      }
      tree.add_child("steps", steps_node);
      tree.add_child("removedFragments", removed_node);
      tree.put("tautomersSeen", tautomers_seen);
      std::ostringstream json;
      boost::property_tree::write_json(json, tree, false);
      *report = copy_string(json.str());
    }
    *out = wrap(current.release());
  });
}

int32_t dr_mol_enumerate_tautomers(dr_mol* mol, int32_t max_tautomers, int32_t flags, dr_mol*** out,
                                   int32_t* count, int32_t* truncated, char** error) {
  return guarded(error, [&] {
    require(out != nullptr && count != nullptr, "out and count must not be null");
    require(max_tautomers > 0, "max_tautomers must be positive");
    require(flags == DR_TAUTOMERS_ALL || flags == DR_TAUTOMERS_HETEROATOM_SHIFTS_ONLY, "unknown tautomer flags");
    auto& enumerator = flags == DR_TAUTOMERS_HETEROATOM_SHIFTS_ONLY ? heteroatom_shift_enumerator() : default_enumerator();
    enumerator.setMaxTautomers(static_cast<unsigned int>(max_tautomers));
    std::vector<std::unique_ptr<RDKit::RWMol>> mols;
    MS::TautomerEnumeratorStatus status;
    {
      MolLock lock(mol);
      auto result = enumerator.enumerate(*mol->mol);
      status = result.status();
      for (const auto& t : result.tautomers()) mols.emplace_back(new RDKit::RWMol(*t));
    }
    if (truncated) *truncated = status == MS::TautomerEnumeratorStatus::Completed ? 0 : 1;
    *count = static_cast<int32_t>(mols.size());
    *out = copy_mol_array(mols);
  });
}

int32_t dr_mol_hash(dr_mol* mol, int32_t function, char** out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    require(function >= 1 && function <= 17, "function must be an RDKit MolHash HashFunction value (1-17)");
    std::unique_ptr<RDKit::RWMol> copy;
    {
      MolLock lock(mol);
      copy.reset(new RDKit::RWMol(*mol->mol));
    }
    *out = copy_string(RDKit::MolHash::MolHash(copy.get(), static_cast<RDKit::MolHash::HashFunction>(function)));
  });
}

int32_t dr_mol_fragments(dr_mol* mol, dr_mol*** out, int32_t* count, char** error) {
  return guarded(error, [&] {
    require(out != nullptr && count != nullptr, "out and count must not be null");
    std::vector<std::unique_ptr<RDKit::RWMol>> mols;
    {
      MolLock lock(mol);
      for (const auto& f : fragments_of(*mol->mol)) mols.emplace_back(new RDKit::RWMol(*f));
    }
    *count = static_cast<int32_t>(mols.size());
    *out = copy_mol_array(mols);
  });
}

}  // extern "C"
