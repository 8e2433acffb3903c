// Molecules in and out: SMILES, SMARTS, molfile, pickle; the library's own functions.
// RDConfig first: it defines RDK_BUILD_THREADSAFE_SSS, which adds a mutex to
// RecursiveStructureQuery; without it this file would see that class with another layout.
#include <RDGeneral/RDConfig.h>

#include "internal.hpp"

#include <GraphMol/FileParsers/FileParsers.h>
#include <GraphMol/GenericGroups/GenericGroups.h>
#include <GraphMol/Chirality.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/MolPickler.h>
#include <GraphMol/QueryOps.h>
#include <GraphMol/SanitException.h>
#include <GraphMol/SmilesParse/SmartsWrite.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <GraphMol/SmilesParse/SmilesParseOps.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>
#include <RDGeneral/FileParseException.h>
#include <RDGeneral/versions.h>
#include <boost/property_tree/json_parser.hpp>

#include <sstream>

namespace dyereg {

boost::property_tree::ptree parse_options(const char* json) {
  boost::property_tree::ptree tree;
  if (json == nullptr || *json == '\0') return tree;
  try {
    std::istringstream in(json);
    boost::property_tree::read_json(in, tree);
  } catch (const std::exception& e) {
    fail(DR_ARGUMENT_ERROR, std::string("options are not valid JSON: ") + e.what());
  }
  return tree;
}

dr_mol* wrap(RDKit::RWMol* mol, bool is_query) {
  std::unique_ptr<RDKit::RWMol> owned(mol);
  auto* handle = new dr_mol();
  handle->mol = std::move(owned);
  handle->is_query = is_query;
  return handle;
}

dr_mol** copy_mol_array(std::vector<std::unique_ptr<RDKit::RWMol>>& mols) {
  if (mols.empty()) return nullptr;
  auto** array = static_cast<dr_mol**>(std::malloc(sizeof(dr_mol*) * mols.size()));
  if (!array) throw std::bad_alloc();
  for (size_t i = 0; i < mols.size(); ++i) array[i] = wrap(mols[i].release());
  return array;
}

namespace {

// Turns RDKit's structure exceptions into input errors with their own words; a null result
// from a parser becomes an input error carrying what the parser logged.
template <typename F>
RDKit::RWMol* parse_structure(const char* what, F&& parse) {
  std::unique_ptr<RDKit::RWMol> mol;
  try {
    mol.reset(parse());
  } catch (const RDKit::MolSanitizeException& e) {
    fail(DR_INPUT_ERROR, e.what());
  } catch (const RDKit::SmilesParseException& e) {
    std::string log = take_captured_log();
    fail(DR_INPUT_ERROR, log.empty() ? std::string(e.what()) : log);
  } catch (const RDKit::FileParseException& e) {
    fail(DR_INPUT_ERROR, e.what());
  } catch (const RDKit::MolPicklerException& e) {
    fail(DR_INPUT_ERROR, e.what());
  } catch (const std::exception& e) {
    // RDKit's other failures on bad input (invariant violations, value errors) are input
    // errors from the caller's point of view too: the structure could not be built.
    std::string log = take_captured_log();
    fail(DR_INPUT_ERROR, std::string(e.what()) + (log.empty() ? "" : "; " + log));
  }
  if (!mol) {
    std::string log = take_captured_log();
    fail(DR_INPUT_ERROR, log.empty() ? std::string(what) + " could not be parsed" : log);
  }
  return mol.release();
}

// The screened parse: one unsanitized read of the SMILES, the connectivity screen on that graph,
// then either "ruled out" (valid and none of the queries), or the rest of the full parse on the same
// graph (a candidate), or, when in doubt, the full parse from the text. Its verdicts, molecules and
// errors are exactly those of dr_mol_from_smiles with default options, that is RDKit 2022.09's
// SmilesToMol: toMol (the grammar, ring closures, chirality checks), then, for SMILES without a
// CXSMILES part, removeHs(sanitize) and assignStereochemistry(clean, force, flagPossible).
//
// Why the validity check of a ruled-out record (validity_check below) gives the full parse's
// verdict, read from RDKit 2022.09.3's source (SmilesParse.cpp, AddHs.cpp, MolOps.cpp,
// FindRings.cpp, Kekulize.cpp, Aromaticity.cpp, ConjugHybrid.cpp, Chirality.cpp, Bond.cpp):
// - The read graph is the full parse's: both run toMol on the same text; with no whitespace in the
//   text there is no CXSMILES part, so no conformer, wedge or wiggly-bond step (text with
//   whitespace always gets the full parse).
// - removeHs with no H atom removes nothing, and its only other work is updatePropertyCache(false)
//   (non-strict: no valence error) and then sanitizeMol, which always runs (it is skipped only for
//   a molecule with no atoms). So the full parse is sanitizeMol, then stereo perception. With H
//   atoms removeHs itself is run (it changes valences: an H with two bonds is kept, etc.).
// - Of sanitizeMol's steps, in order: cleanUp and updatePropertyCache(strict) can fail (valence),
//   symmetrizeSSSR can fail (findSSSR throws "Maximum BFS search size exceeded" and has
//   CHECK_INVARIANTs), Kekulize can fail and reads the ring set symmetrizeSSSR stored (its fused
//   systems, their atom order and the non-ring aromatic atom check come from it), so none of these
//   four may be skipped or replaced by a cheaper ring finder. The later steps only perceive:
//   assignRadicals, setConjugation, setHybridization, cleanupChirality and adjustHs throw only
//   through PRECONDITIONs on non-null atoms and through Bond::getBondTypeAsDouble's "Bad bond type"
//   (Bond::OTHER), which updatePropertyCache(strict) has already met on every bond; setAromaticity
//   throws only for a model other than the default and on a CHECK_INVARIANT that holds by
//   construction (a fused set is a subset of the rings).
// - Stereo perception (legacy, the default; with the new perception switched on it is always
//   run) with no chiral tag and no bond stereo, the bond directions at most '/' and '\': with
//   flagPossible it ranks atoms (buildCIPInvariants, iterateCIPRanks, rerankAtoms: size
//   PRECONDITIONs that hold) and tests each atom as a possible centre (its CHECK_INVARIANT
//   "rank < atom count" holds: ranks come from rankVect over the atoms); assignBondStereoCodes
//   only sets stereo on double bonds (its one CHECK_INVARIANT, "too few neighbors" in
//   findAtomNeighborDirHelper, needs a directed neighbour bond besides the first, which is there
//   whenever that first one has no direction and a direction was seen); the special-case and
//   clean-up loops only touch tagged atoms, directed bonds and stereo groups (none from SMILES).
//   So it cannot fail, and is run only for chiral tags or other stereo marks, after the whole
//   sanitization it reads (aromatic bonds, rings, H counts).
// Anything else (a reading error, a failing step) goes to the full parse from the text, so errors
// are word for word its own. Tested against the full parse on the catalogue and on a generated
// hostile corpus (ScreenedParseVerdictTests, ScreenedParseTests, ScreenValidationTests).

// What the first look at a SMILES found.
enum class FirstLook {
  kRuledOut,   // valid (or, unvalidated, readable) and none of the queries can match
  kCandidate,  // a query might match: the graph is kept for the rest of the parse
  kUnsure,     // parse in full from the text (unreadable, failing, or a CXSMILES part)
};

// Whether the graph read from text is exactly what SmilesToMol holds after toMol, with nothing
// of a CXSMILES part to apply: then the rest of the full parse can run on it.
bool plain_graph(const std::string& text, const RDKit::RWMol& raw) {
  return text.find_first_of(" \t") == std::string::npos && raw.getNumConformers() == 0 &&
         !raw.hasProp(SmilesParseOps::detail::_needsDetectAtomStereo) &&
         !raw.hasProp(SmilesParseOps::detail::_needsDetectBondStereo);
}

// The full parse's verdict on a read graph that passed the connectivity screen (see above); the
// graph is changed. False when any step the full parse runs would fail.
bool validity_check(RDKit::RWMol& raw) {
  bool has_hydrogen_atoms = false;
  bool marks_stereo = false;   // any mark: with H atoms, stereo perception runs as before
  bool may_fail_stereo = !RDKit::Chirality::getUseLegacyStereoPerception();  // see above
  for (const auto* a : raw.atoms()) {
    has_hydrogen_atoms = has_hydrogen_atoms || a->getAtomicNum() == 1;
    may_fail_stereo = may_fail_stereo || a->getChiralTag() != RDKit::Atom::CHI_UNSPECIFIED;
  }
  for (const auto* b : raw.bonds()) {
    const auto dir = b->getBondDir();
    marks_stereo = marks_stereo || dir != RDKit::Bond::NONE;
    may_fail_stereo = may_fail_stereo || b->getStereo() != RDKit::Bond::STEREONONE ||
                      (dir != RDKit::Bond::NONE && dir != RDKit::Bond::ENDUPRIGHT && dir != RDKit::Bond::ENDDOWNRIGHT);
  }
  marks_stereo = marks_stereo || may_fail_stereo;
  try {
    raw.getRingInfo()->reset();  // sanitization finds its own (SSSR) rings, as in a full parse
    if (has_hydrogen_atoms) {
      RDKit::MolOps::removeHs(raw, false, true, true);  // what the full parse does, sanitizing
      if (marks_stereo) RDKit::MolOps::assignStereochemistry(raw, true, true, true);
      return true;
    }
    if (may_fail_stereo) {
      RDKit::MolOps::sanitizeMol(raw);  // stereo perception reads aromaticity, rings and H counts
      RDKit::MolOps::assignStereochemistry(raw, true, true, true);
    } else {
      unsigned int failed = 0;
      RDKit::MolOps::sanitizeMol(raw, failed,
                                 RDKit::MolOps::SANITIZE_CLEANUP | RDKit::MolOps::SANITIZE_PROPERTIES |
                                     RDKit::MolOps::SANITIZE_SYMMRINGS | RDKit::MolOps::SANITIZE_KEKULIZE);
    }
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

// validate false: the connectivity screen's verdict alone ("--validate hits"): ruled out as soon
// as the unsanitized graph rules every query out, whether or not the full parse would accept it;
// a SMILES that cannot be read even unsanitized is never ruled out, so the full parse reports it.
// raw holds the graph of a candidate on return.
FirstLook first_look(const std::string& text, dr_mol* const* queries, int32_t count, bool validate,
                     std::unique_ptr<RDKit::RWMol>& raw) {
  RDKit::SmilesParserParams raw_params;
  raw_params.sanitize = false;
  raw_params.removeHs = false;
  raw_params.parseName = false;
  try {
    raw.reset(RDKit::SmilesToMol(text, raw_params));
  } catch (const std::exception&) {
    raw.reset();
    return FirstLook::kUnsure;
  }
  if (!raw) return FirstLook::kUnsure;
  const bool plain = plain_graph(text, *raw);
  bool allows_any = false;
  {
    MoleculeConnectivity facts(*raw);
    for (int32_t i = 0; i < count && !allows_any; ++i) allows_any = connectivity_allows(facts, *queries[i]);
  }
  if (allows_any) {
    if (!plain) return FirstLook::kUnsure;
    // The screen only added ring membership (fastFindRings; matching reads a const graph): drop it.
    raw->getRingInfo()->reset();
    return FirstLook::kCandidate;
  }
  if (!validate) return FirstLook::kRuledOut;
  return plain && validity_check(*raw) ? FirstLook::kRuledOut : FirstLook::kUnsure;
}

// The rest of SmilesToMol with default parameters after toMol, on a graph plain_graph accepts:
// removeHs with sanitization, then stereo perception (cleanIt, force, flagPossible). A SMILES
// parse never sets _NeedsQueryScan (SMARTS-only); if it did, the text is parsed in full instead.
RDKit::RWMol* finish_parse(std::unique_ptr<RDKit::RWMol> raw, const std::string& text) {
  if (raw->hasProp(RDKit::common_properties::_NeedsQueryScan)) {
    RDKit::SmilesParserParams params;
    params.parseName = false;
    return RDKit::SmilesToMol(text, params);
  }
  RDKit::MolOps::removeHs(*raw, false, true, true);
  RDKit::MolOps::assignStereochemistry(*raw, true, true, true);
  return raw.release();
}

// The arguments of the screened parses, checked; the SMILES as text. *out starts null.
std::string screened_input(const char* smiles, dr_mol* const* queries, int32_t count, dr_mol** out) {
  require(smiles != nullptr && out != nullptr, "smiles and out must not be null");
  require(count >= 0 && (count == 0 || queries != nullptr), "queries must hold count entries");
  for (int32_t i = 0; i < count; ++i) require(queries[i] != nullptr && queries[i]->is_query, "queries must be SMARTS queries");
  *out = nullptr;
  std::string text(smiles);
  if (text.empty()) fail(DR_INPUT_ERROR, "empty SMILES");
  return text;
}

// Both screened parses: ruled out (*out stays null), or the molecule or error of the full parse.
// A candidate's parse goes on from the graph already read; the log is not cleared in between, so
// an error's text carries what the reading logged, as the full parse's does.
void screened_parse(const std::string& text, dr_mol* const* queries, int32_t count, bool validate, dr_mol** out) {
  std::unique_ptr<RDKit::RWMol> raw;
  switch (first_look(text, queries, count, validate, raw)) {
    case FirstLook::kRuledOut:
      return;
    case FirstLook::kCandidate:
      *out = wrap(parse_structure("SMILES", [&] { return finish_parse(std::move(raw), text); }));
      return;
    case FirstLook::kUnsure:
      break;
  }
  raw.reset();
  clear_captured_log();  // a first look's log is not this parse's reason
  RDKit::SmilesParserParams params;  // exactly dr_mol_from_smiles with default options
  params.parseName = false;
  *out = wrap(parse_structure("SMILES", [&] { return RDKit::SmilesToMol(text, params); }));
}

// A query's size: its atoms plus those of every recursive SMARTS ($(...)) in it, and how deep
// recursive SMARTS nest. Each atom's query tree is walked for RecursiveStructure nodes, whose
// own molecule is walked in turn (never deeper than 64 levels: over any limit already).
void query_size(const RDKit::ROMol& query, int level, int64_t& atoms, int& deepest) {
  atoms += query.getNumAtoms();
  deepest = std::max(deepest, level);
  if (level > 64) return;
  std::vector<const RDKit::Atom::QUERYATOM_QUERY*> pending;
  for (const auto* atom : query.atoms()) {
    if (!atom->hasQuery()) continue;
    pending.push_back(atom->getQuery());
    while (!pending.empty()) {
      const auto* node = pending.back();
      pending.pop_back();
      if (node->getDescription() == "RecursiveStructure") {
        const auto* recursive = static_cast<const RDKit::RecursiveStructureQuery*>(node);
        if (recursive->getQueryMol() != nullptr)
          query_size(*recursive->getQueryMol(), level + 1, atoms, deepest);
      }
      for (auto child = node->beginChildren(); child != node->endChildren(); ++child) pending.push_back(child->get());
    }
  }
}

}  // namespace
}  // namespace dyereg

using namespace dyereg;

extern "C" {

const char* dr_bridge_version(void) { return "1.0.0"; }

const char* dr_rdkit_version(void) { return RDKit::rdkitVersion; }

void dr_free(void* p) { std::free(p); }

int32_t dr_mol_from_smiles(const char* smiles, const char* options, dr_mol** out, char** error) {
  return guarded(error, [&] {
    require(smiles != nullptr && out != nullptr, "smiles and out must not be null");
    auto opts = parse_options(options);
    RDKit::SmilesParserParams params;
    params.sanitize = opts.get("sanitize", true);
    params.removeHs = opts.get("removeHs", params.sanitize);
    params.parseName = false;
    std::string text(smiles);
    if (text.empty()) fail(DR_INPUT_ERROR, "empty SMILES");
    *out = wrap(parse_structure("SMILES", [&] { return RDKit::SmilesToMol(text, params); }));
  });
}

int32_t dr_mol_from_smiles_screened(const char* smiles, dr_mol* const* queries, int32_t count, dr_mol** out,
                                    char** error) {
  return guarded(error, [&] {
    std::string text = screened_input(smiles, queries, count, out);
    screened_parse(text, queries, count, true, out);
  });
}

int32_t dr_mol_from_smiles_screened_unvalidated(const char* smiles, dr_mol* const* queries, int32_t count,
                                                dr_mol** out, char** error) {
  return guarded(error, [&] {
    std::string text = screened_input(smiles, queries, count, out);
    screened_parse(text, queries, count, false, out);
  });
}

int32_t dr_mol_from_molblock(const char* molblock, const char* options, dr_mol** out, char** error) {
  return guarded(error, [&] {
    require(molblock != nullptr && out != nullptr, "molblock and out must not be null");
    auto opts = parse_options(options);
    bool sanitize = opts.get("sanitize", true);
    bool remove_hs = opts.get("removeHs", sanitize);
    bool strict = opts.get("strictParsing", true);
    std::string text(molblock);
    *out = wrap(parse_structure("molfile", [&] { return read_molblock(text, sanitize, remove_hs, strict); }));
  });
}

int32_t dr_structure_size(const char* text, int32_t is_molblock, int32_t* atoms, int32_t* bonds, int32_t* rings,
                          char** error) {
  return guarded(error, [&] {
    require(text != nullptr && atoms != nullptr && bonds != nullptr && rings != nullptr,
            "text, atoms, bonds and rings must not be null");
    std::string input(text);
    std::unique_ptr<RDKit::RWMol> mol;
    if (is_molblock) {
      mol.reset(parse_structure("molfile", [&] { return read_molblock(input, false, false, true); }));
    } else {
      if (input.empty()) fail(DR_INPUT_ERROR, "empty SMILES");
      RDKit::SmilesParserParams params;
      params.sanitize = false;
      params.removeHs = false;
      params.parseName = false;
      mol.reset(parse_structure("SMILES", [&] { return RDKit::SmilesToMol(input, params); }));
    }
    std::vector<int> mapping;
    auto fragments = static_cast<int64_t>(RDKit::MolOps::getMolFrags(*mol, mapping));
    auto n_atoms = static_cast<int64_t>(mol->getNumAtoms());
    auto n_bonds = static_cast<int64_t>(mol->getNumBonds());
    *atoms = static_cast<int32_t>(n_atoms);
    *bonds = static_cast<int32_t>(n_bonds);
    *rings = static_cast<int32_t>(n_bonds - n_atoms + fragments);
  });
}

int32_t dr_query_size(dr_mol* query, int32_t* atoms, int32_t* recursion_depth, char** error) {
  return guarded(error, [&] {
    require(atoms != nullptr && recursion_depth != nullptr, "atoms and recursion_depth must not be null");
    MolLock lock(query);
    int64_t total = 0;
    int deepest = 0;
    query_size(*query->mol, 0, total, deepest);
    *atoms = static_cast<int32_t>(std::min<int64_t>(total, INT32_MAX));
    *recursion_depth = deepest;
  });
}

int32_t dr_mol_from_smarts(const char* smarts, const char* options, dr_mol** out, char** error) {
  return guarded(error, [&] {
    require(smarts != nullptr && out != nullptr, "smarts and out must not be null");
    auto opts = parse_options(options);
    std::string text(smarts);
    if (text.empty()) fail(DR_INPUT_ERROR, "empty SMARTS");
    auto* query = parse_structure("SMARTS", [&] { return RDKit::SmartsToMol(text); });
    std::unique_ptr<RDKit::RWMol> owned(query);
    if (opts.get("generics", false)) RDKit::GenericGroups::setGenericQueriesFromProperties(*owned);
    // Prepared once here so concurrent matches only read the query.
    RDKit::MolOps::fastFindRings(*owned);
    owned->updatePropertyCache(false);
    *out = wrap(owned.release(), true);
  });
}

int32_t dr_mol_from_pickle(const uint8_t* data, size_t length, dr_mol** out, char** error) {
  return guarded(error, [&] {
    require(data != nullptr && out != nullptr, "data and out must not be null");
    std::string bytes(reinterpret_cast<const char*>(data), length);
    *out = wrap(parse_structure("pickle", [&] {
      auto* mol = new RDKit::RWMol();
      try {
        RDKit::MolPickler::molFromPickle(bytes, *mol);
      } catch (...) {
        delete mol;
        throw;
      }
      return mol;
    }));
  });
}

void dr_mol_free(dr_mol* mol) { delete mol; }

int32_t dr_mol_copy(dr_mol* mol, dr_mol** out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    MolLock lock(mol);
    auto copy = std::make_unique<RDKit::RWMol>(*mol->mol);
    if (!copy->getRingInfo()->isInitialized()) RDKit::MolOps::findSSSR(*copy);
    *out = wrap(copy.release(), mol->is_query);
  });
}

int32_t dr_mol_fragment_count(dr_mol* mol, int32_t* count, char** error) {
  return guarded(error, [&] {
    require(count != nullptr, "count must not be null");
    MolLock lock(mol);
    std::vector<int> mapping;
    *count = static_cast<int32_t>(RDKit::MolOps::getMolFrags(*mol->mol, mapping));
  });
}

int32_t dr_mol_to_smiles(dr_mol* mol, const char* options, char** out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    MolLock lock(mol);
    auto opts = parse_options(options);
    RDKit::SmilesWriteParams params;
    params.canonical = opts.get("canonical", true);
    params.doIsomericSmiles = opts.get("isomeric", true);
    params.doKekule = opts.get("kekule", false);
    if (params.doKekule) {
      RDKit::RWMol copy(*mol->mol);
      RDKit::MolOps::Kekulize(copy);
      *out = copy_string(RDKit::MolToSmiles(copy, params));
    } else {
      *out = copy_string(RDKit::MolToSmiles(*mol->mol, params));
    }
  });
}

int32_t dr_mol_to_smarts(dr_mol* mol, char** out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    MolLock lock(mol);
    *out = copy_string(RDKit::MolToSmarts(*mol->mol));
  });
}

int32_t dr_mol_to_molblock(dr_mol* mol, char** out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    MolLock lock(mol);
    *out = copy_string(RDKit::MolToMolBlock(*mol->mol));
  });
}

int32_t dr_mol_to_pickle(dr_mol* mol, uint8_t** out, size_t* length, char** error) {
  return guarded(error, [&] {
    require(out != nullptr && length != nullptr, "out and length must not be null");
    MolLock lock(mol);
    std::string bytes;
    RDKit::MolPickler::pickleMol(*mol->mol, bytes, RDKit::PicklerOps::AllProps);
    auto* p = static_cast<uint8_t*>(std::malloc(bytes.size() ? bytes.size() : 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, bytes.data(), bytes.size());
    *out = p;
    *length = bytes.size();
  });
}

int32_t dr_mol_get_name(dr_mol* mol, char** out, char** error) {
  return guarded(error, [&] {
    require(out != nullptr, "out must not be null");
    MolLock lock(mol);
    std::string name;
    mol->mol->getPropIfPresent(RDKit::common_properties::_Name, name);
    *out = copy_string(name);
  });
}

}  // extern "C"
