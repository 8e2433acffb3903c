// Substructure search: all embeddings (or just "is there one"), with RDKit's own parameters.
#include "internal.hpp"

#include <GraphMol/MolOps.h>
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

}  // extern "C"
