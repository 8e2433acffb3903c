// Standardization steps, tautomers, hashes and fragments: thin layers over RDKit MolStandardize.
#include "internal.hpp"

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

std::vector<std::string> fragment_smiles(const RDKit::ROMol& mol) {
  std::vector<std::string> out;
  for (const auto& f : fragments_of(mol)) out.push_back(RDKit::MolToSmiles(*f));
  return out;
}

// What `before` had that `after` lacks, as a multiset of fragment SMILES.
void record_removed(const RDKit::ROMol& before, const RDKit::ROMol& after, std::vector<std::string>& removed) {
  auto b = fragment_smiles(before);
  auto a = fragment_smiles(after);
  for (const auto& s : b) {
    auto it = std::find(a.begin(), a.end(), s);
    if (it != a.end()) {
      a.erase(it);
    } else {
      removed.push_back(s);
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
  int best = -1;
  std::string best_smiles;
  for (size_t i = 0; i < frags.size(); ++i) {
    const auto& f = *frags[i];
    if (!is_organic(f)) continue;
    std::string smi = RDKit::MolToSmiles(f);
    if (best < 0 || heavy_atoms(f) > heavy_atoms(*frags[best]) ||
        (heavy_atoms(f) == heavy_atoms(*frags[best]) && smi < best_smiles)) {
      best = static_cast<int>(i);
      best_smiles = smi;
    }
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
