// Standardization steps, tautomers, hashes and fragments: thin layers over RDKit MolStandardize.
#include "internal.hpp"

#include <map>

#include <GraphMol/MolHash/MolHash.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/MolStandardize/Charge.h>
#include <GraphMol/MolStandardize/Fragment.h>
#include <GraphMol/MolStandardize/Metal.h>
#include <GraphMol/MolStandardize/Normalize.h>
#include <GraphMol/MolStandardize/Tautomer.h>
#include <GraphMol/MolStandardize/TautomerCatalog/TautomerCatalogParams.h>
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

bool is_single_metal_ion(const RDKit::ROMol& m) {
  return m.getNumAtoms() == 1 && is_metal(m.getAtomWithIdx(0)->getAtomicNum());
}

// Keeps the largest organic fragment (heavy atoms, then canonical SMILES for a stable choice)
// and, when asked, lone metal ions: an ionically drawn metal complex keeps its metal.
RDKit::RWMol* choose_parent(const RDKit::ROMol& mol, bool keep_metal_ions) {
  auto frags = fragments_of(mol);
  if (frags.size() <= 1) return new RDKit::RWMol(mol);
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
  if (best < 0) return new RDKit::RWMol(mol);  // nothing organic: leave the record as drawn
  auto* parent = new RDKit::RWMol(*frags[best]);
  for (size_t i = 0; i < frags.size(); ++i) {
    if (static_cast<int>(i) == best) continue;
    if (keep_metal_ions && is_single_metal_ion(*frags[i])) parent->insertMol(*frags[i]);
  }
  return parent;
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
    if (opts.get("disconnectMetals", false)) {
      MS::MetalDisconnector().disconnect(*current);
      steps.push_back("disconnectMetals");
    }
    std::string fragments = opts.get<std::string>("fragments", "none");
    if (fragments != "none") {
      if (fragments != "salts" && fragments != "parent")
        fail(DR_ARGUMENT_ERROR, "fragments must be \"none\", \"salts\" or \"parent\", not \"" + fragments + "\"");
      RDKit::RWMol before(*current);
      replace(fragment_remover().remove(*current));
      if (fragments == "parent") current.reset(choose_parent(*current, opts.get("keepMetalIons", true)));
      record_removed(before, *current, removed);
      steps.push_back("fragments:" + fragments);
    }
    if (opts.get("neutralize", false)) {
      replace(uncharger().uncharge(*current));
      steps.push_back("neutralize");
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
