// Substructure search: all embeddings (or just "is there one"), with RDKit's own parameters.
#include "internal.hpp"

#include <GraphMol/MolOps.h>
#include <GraphMol/QueryAtom.h>
#include <GraphMol/QueryBond.h>
#include <GraphMol/Substruct/SubstructMatch.h>

namespace dyereg {
namespace {

RDKit::SubstructMatchParameters match_parameters(const char* options) {
  auto opts = parse_options(options);
  RDKit::SubstructMatchParameters params;
  int max_matches = opts.get("maxMatches", 1000);
  require(max_matches > 0, "maxMatches must be positive");
  params.maxMatches = static_cast<unsigned int>(max_matches);
  params.uniquify = opts.get("uniquify", true);
  params.useChirality = opts.get("useChirality", false);
  params.useGenericMatchers = opts.get("useGenericMatchers", false);
  params.recursionPossible = opts.get("recursionPossible", true);
  params.numThreads = 1;  // callers parallelise over molecules, not inside one match
  return params;
}

void require_query(dr_mol* query) {
  require(query != nullptr && query->mol != nullptr, "query handle is null");
}

// Ring queries (r6, R) need ring info; a molecule copied or built by RDKit operations may come
// without it. Called under the molecule's lock.
void ensure_rings(dr_mol* mol) {
  if (!mol->is_query && !mol->mol->getRingInfo()->isInitialized()) RDKit::MolOps::findSSSR(*mol->mol);
}

bool has_recursion(const RDKit::QueryAtom::QUERYATOM_QUERY* q) {
  if (q == nullptr) return false;
  if (q->getDescription() == "RecursiveStructure") return true;
  for (auto it = q->beginChildren(); it != q->endChildren(); ++it) {
    if (has_recursion(it->get())) return true;
  }
  return false;
}

// Query atoms whose own test can be run on a molecule atom alone: a query atom with a recursive
// SMARTS needs RDKit's precomputed submatches, so it is left out (treated as matching anything).
bool screenable(const RDKit::Atom* qa) {
  if (!qa->hasQuery()) return false;
  return !has_recursion(static_cast<const RDKit::QueryAtom*>(qa)->getQuery());
}

// The necessary condition of dr_substruct_screen for one query; `m` has its ring info.
bool match_possible(const RDKit::ROMol& m, dr_mol& query) {
  const RDKit::ROMol& q = *query.mol;
  if (q.getNumAtoms() > m.getNumAtoms() || q.getNumBonds() > m.getNumBonds()) return false;
  std::call_once(query.screen_once, [&] {
    query.screenable_atoms.assign(q.getNumAtoms(), 0);
    for (const auto* qa : q.atoms()) query.screenable_atoms[qa->getIdx()] = screenable(qa) ? 1 : 0;
  });
  const auto& simple = query.screenable_atoms;
  for (const auto* qa : q.atoms()) {
    if (!simple[qa->getIdx()]) continue;
    bool any = false;
    for (const auto* a : m.atoms()) {
      if (qa->Match(a)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  auto ends = [&](const RDKit::Atom* qa, const RDKit::Atom* a) { return !simple[qa->getIdx()] || qa->Match(a); };
  for (const auto* qb : q.bonds()) {
    if (!qb->hasQuery()) continue;
    const auto* q1 = qb->getBeginAtom();
    const auto* q2 = qb->getEndAtom();
    bool any = false;
    for (const auto* b : m.bonds()) {
      if (!qb->Match(b)) continue;
      const auto* u = b->getBeginAtom();
      const auto* v = b->getEndAtom();
      if ((ends(q1, u) && ends(q2, v)) || (ends(q1, v) && ends(q2, u))) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

}  // namespace
}  // namespace dyereg

using namespace dyereg;

extern "C" {

int32_t dr_substruct_matches(dr_mol* mol, dr_mol* query, const char* options, int32_t** atoms,
                             int32_t* match_count, int32_t* query_atom_count, char** error) {
  return guarded(error, [&] {
    require(atoms != nullptr && match_count != nullptr && query_atom_count != nullptr,
            "atoms, match_count and query_atom_count must not be null");
    require_query(query);
    auto params = match_parameters(options);
    std::vector<RDKit::MatchVectType> matches;
    {
      MolLock lock(mol);
      ensure_rings(mol);
      matches = RDKit::SubstructMatch(*mol->mol, *query->mol, params);
    }
    const int32_t width = static_cast<int32_t>(query->mol->getNumAtoms());
    std::vector<int32_t> flat(matches.size() * static_cast<size_t>(width), -1);
    for (size_t k = 0; k < matches.size(); ++k)
      for (const auto& pair : matches[k]) flat[k * width + pair.first] = pair.second;
    *match_count = static_cast<int32_t>(matches.size());
    *query_atom_count = width;
    *atoms = copy_array(flat);
  });
}

int32_t dr_substruct_has_match(dr_mol* mol, dr_mol* query, const char* options, int32_t* found, char** error) {
  return guarded(error, [&] {
    require(found != nullptr, "found must not be null");
    require_query(query);
    auto params = match_parameters(options);
    params.maxMatches = 1;
    MolLock lock(mol);
    ensure_rings(mol);
    *found = RDKit::SubstructMatch(*mol->mol, *query->mol, params).empty() ? 0 : 1;
  });
}

int32_t dr_substruct_screen(dr_mol* mol, dr_mol* const* queries, int32_t count, uint8_t* possible, char** error) {
  return guarded(error, [&] {
    require(count >= 0 && (count == 0 || (queries != nullptr && possible != nullptr)), "queries and possible must hold count entries");
    for (int32_t i = 0; i < count; ++i) require_query(queries[i]);
    MolLock lock(mol);
    ensure_rings(mol);
    for (int32_t i = 0; i < count; ++i) {
      possible[i] = match_possible(*mol->mol, *queries[i]) ? 1 : 0;
    }
  });
}

int32_t dr_substruct_skeleton_screen(dr_mol* mol, dr_mol* const* queries, int32_t count, uint8_t* possible,
                                     char** error) {
  return guarded(error, [&] {
    require(count >= 0 && (count == 0 || (queries != nullptr && possible != nullptr)), "queries and possible must hold count entries");
    for (int32_t i = 0; i < count; ++i) require_query(queries[i]);
    MolLock lock(mol);
    ensure_rings(mol);
    MoleculeConnectivity facts(*mol->mol);
    for (int32_t i = 0; i < count; ++i) {
      possible[i] = connectivity_allows(facts, *queries[i]) ? 1 : 0;
    }
  });
}

}  // extern "C"
