// Internal helpers shared by the bridge's translation units. Nothing here is exported.
#pragma once

#include "dyereg_chem.h"

#include <GraphMol/RWMol.h>
#include <boost/property_tree/ptree.hpp>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dyereg {

// What connectivity_allows (connectivity_screen.cpp) knows of one query atom: the elements it
// can be (any_element when the query does not say) and whether it must lie on a ring (1), must
// not (-1) or either (0).
struct ConnectivityAtom {
  bool any_element = true;
  std::vector<int> elements;
  int ring = 0;
};

struct ConnectivityBond {
  int begin, end;
  int ring;  // 1: a ring bond, -1: not a ring bond, 0: either
};

struct ConnectivityQuery {
  std::vector<ConnectivityAtom> atoms;
  std::vector<ConnectivityBond> bonds;
  std::map<int, int> element_counts;  // atoms that can only be one element, per element
  std::unique_ptr<RDKit::RWMol> relaxed;  // the query as elements, rings and connectivity only
};

}  // namespace dyereg

// The opaque handle. RDKit caches ring info and computed properties on a molecule even in
// "const" calls, so every export that reads a molecule holds its mutex. Queries are prepared at
// creation (rings, generics) and then only read, so is_query molecules are matched without it.
struct dr_mol {
  std::unique_ptr<RDKit::RWMol> mol;
  bool is_query = false;
  std::mutex mutex;
  // Queries only: which atoms dr_substruct_screen can test on their own (no recursive SMARTS),
  // worked out once on first use.
  std::once_flag screen_once;
  std::vector<char> screenable_atoms;
  // Molecules only: the Kekulé form parts are cut from (parts.cpp), made on first use.
  std::unique_ptr<RDKit::RWMol> kekule_form;
  // Queries only: elements and rings for connectivity_allows, also worked out once.
  std::once_flag connectivity_once;
  dyereg::ConnectivityQuery connectivity;
};

namespace dyereg {

// An error a bridge function raises on purpose; carries the status it maps to.
struct BridgeError {
  dr_status status;
  std::string message;
};

[[noreturn]] inline void fail(dr_status status, std::string message) {
  throw BridgeError{status, std::move(message)};
}

// RDKit writes parse failures to its error log and returns null. The bridge routes the error and
// warning logs into a per-thread buffer (log_capture.cpp) so each call can report its own reason.
// A molecule's elements and ring membership, read once for several queries (rings are found
// by RDKit's fast ring finder when the molecule has none, so an unsanitized molecule will do).
// Elements are counted at once; rings and bonds are read only when a query's element counts
// are met (most records lack a core's elements, and their rings were never needed).
struct MoleculeConnectivity {
  explicit MoleculeConnectivity(RDKit::ROMol& mol);
  RDKit::ROMol* mol;
  std::vector<int> element;
  std::map<int, int> counts;
  // Filled by read_rings, on first need.
  bool rings_read = false;
  std::vector<char> atom_in_ring;
  std::vector<std::pair<int, int>> bond_ends;
  std::vector<char> bond_in_ring;
  void read_rings();
};

// False when no embedding of the query can exist in the molecule, in any form the matcher
// makes of it (sanitized, fragments set aside, tautomers): an element, ring or connectivity
// requirement of the query is unmet. True means possible, not certain.
bool connectivity_allows(MoleculeConnectivity& mol, dr_mol& query);

void install_log_capture();
void clear_captured_log();
std::string take_captured_log();

char* copy_string(const std::string& s);

// Parses an options JSON object; null or empty means "{}". Bad JSON is DR_ARGUMENT_ERROR.
boost::property_tree::ptree parse_options(const char* json);

dr_mol* wrap(RDKit::RWMol* mol, bool is_query = false);

// Runs body, mapping every exception to a status and message (RDKit's log text when it has no
// better reason). This is the only place exceptions are caught, so no export can leak one.
template <typename F>
int32_t guarded(char** error, F&& body) {
  if (error) *error = nullptr;
  std::string message;
  dr_status status;
  try {
    install_log_capture();
    clear_captured_log();
    body();
    return DR_OK;
  } catch (const BridgeError& e) {
    status = e.status;
    message = e.message;
  } catch (const std::exception& e) {
    status = DR_INTERNAL_ERROR;
    message = e.what();
  } catch (...) {
    status = DR_INTERNAL_ERROR;
    message = "unknown native exception";
  }
  try {
    std::string log = take_captured_log();
    if (message.empty()) message = log;
    if (error) *error = copy_string(message.empty() ? std::string("failed without a reason") : message);
  } catch (...) {
    // Out of memory while reporting: the status alone still tells the caller it failed.
  }
  return status;
}

inline void require(bool condition, const char* what) {
  if (!condition) fail(DR_ARGUMENT_ERROR, what);
}

// Locks a non-query molecule for the duration of a call.
class MolLock {
 public:
  explicit MolLock(dr_mol* m) : m_(m) {
    require(m != nullptr && m->mol != nullptr, "molecule handle is null");
    if (!m_->is_query) m_->mutex.lock();
  }
  ~MolLock() {
    if (!m_->is_query) m_->mutex.unlock();
  }
  MolLock(const MolLock&) = delete;
  MolLock& operator=(const MolLock&) = delete;

 private:
  dr_mol* m_;
};

// Copies a vector into a malloc'd buffer the caller frees with dr_free.
template <typename T>
T* copy_array(const std::vector<T>& v) {
  if (v.empty()) return nullptr;
  T* p = static_cast<T*>(std::malloc(sizeof(T) * v.size()));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, v.data(), sizeof(T) * v.size());
  return p;
}

// RDKit's molfile reader with the molecule owned by the bridge (molfile.cpp explains why).
RDKit::RWMol* read_molblock(const std::string& block, bool sanitize, bool remove_hs, bool strict);

dr_mol** copy_mol_array(std::vector<std::unique_ptr<RDKit::RWMol>>& mols);

// Crippen logP and MR as RDKit's calcCrippenDescriptors gives them, by fewer searches
// (descriptors.cpp); also used by the solubility features (solubility_features.cpp).
void crippen_descriptors(const RDKit::ROMol& mol, double& logp, double& mr);

// Whether RDKit's pattern fingerprint of this query is a sound screen (pattern_screen.cpp).
bool pattern_screen_is_sound(const RDKit::ROMol& query);

}  // namespace dyereg
