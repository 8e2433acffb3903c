// Whether RDKit's pattern fingerprint of a SMARTS query is a sound substructure screen: every
// molecule that contains the query has all of the query's bits. In RDKit 2022.09 it is not when a
// query atom is an AND whose first test is not the element: [r6;#7], [H1;#7], [a;#7], [X4&#6]
// set bits that molecules which match do not have (measured on the real catalogue: 934 of 1,179
// matches of [r6;#7] screened out), while [#7;r6], [#7;H1], [#6&X4] screen soundly. The
// cartridge's GiST index screens with the same fingerprint. Conservative: any AND, at any depth
// of an atom's query, whose first test is not a plain element test makes the screen untrusted.
#include "internal.hpp"

#include <GraphMol/QueryAtom.h>
#include <GraphMol/QueryOps.h>

namespace dyereg {
namespace {

using AtomQuery = RDKit::QueryAtom::QUERYATOM_QUERY;

bool is_element_test(const AtomQuery& q) {
  const auto& d = q.getDescription();
  return !q.getNegation() && (d == "AtomAtomicNum" || d == "AtomType");
}

bool screens_soundly(const AtomQuery& q) {
  if (q.getDescription() == "AtomAnd" && q.beginChildren() != q.endChildren() && !is_element_test(**q.beginChildren())) {
    return false;
  }
  for (auto child = q.beginChildren(); child != q.endChildren(); ++child) {
    if (!screens_soundly(**child)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool pattern_screen_is_sound(const RDKit::ROMol& query) {
  for (const auto* atom : query.atoms()) {
    if (atom->hasQuery() && !screens_soundly(*atom->getQuery())) {
      return false;
    }
  }
  return true;
}

}  // namespace dyereg
