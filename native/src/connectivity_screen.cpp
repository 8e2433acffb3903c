// A necessary condition for a substructure match that holds before sanitization and across the
// matcher's changes of form: only elements, connectivity and ring membership are used, which
// neither sanitization, nor setting fragments aside, nor tautomer enumeration changes (they move
// hydrogens and bond orders, drop whole fragments, and perceive aromaticity, which needs a ring).
#include "internal.hpp"

#include <GraphMol/MolOps.h>
#include <GraphMol/QueryAtom.h>
#include <GraphMol/QueryBond.h>
#include <GraphMol/QueryOps.h>
#include <GraphMol/Substruct/SubstructMatch.h>

#include <algorithm>

namespace dyereg {
namespace {

using AtomQuery = RDKit::QueryAtom::QUERYATOM_QUERY;
using IntAtomEquality = Queries::EqualityQuery<int, const RDKit::Atom*, true>;

// Both facts hold (an AND of two tests): the common elements, the ring requirement either sets
// (contradictory ones claim nothing).
ConnectivityAtom both(ConnectivityAtom a, const ConnectivityAtom& b) {
  if (a.any_element) {
    a.elements = b.elements;
    a.any_element = b.any_element;
  } else if (!b.any_element) {
    auto absent = [&](int e) { return std::find(b.elements.begin(), b.elements.end(), e) == b.elements.end(); };
    a.elements.erase(std::remove_if(a.elements.begin(), a.elements.end(), absent), a.elements.end());
  }
  a.ring = a.ring == 0 ? b.ring : (b.ring == 0 || b.ring == a.ring ? a.ring : 0);
  return a;
}

// One of them holds (an OR): every element of either, a ring requirement only if both have it.
ConnectivityAtom either(ConnectivityAtom a, const ConnectivityAtom& b) {
  if (a.any_element || b.any_element) {
    a.any_element = true;
    a.elements.clear();
  } else {
    for (int e : b.elements)
      if (std::find(a.elements.begin(), a.elements.end(), e) == a.elements.end()) a.elements.push_back(e);
  }
  if (b.ring != a.ring) a.ring = 0;
  return a;
}

// What a query atom's own test says about elements and rings, read conservatively: anything not
// understood (negations, recursion, degrees, charges, hydrogen counts) constrains nothing.
ConnectivityAtom read_atom_query(const AtomQuery* q) {
  ConnectivityAtom any;
  if (q == nullptr) return any;
  const std::string& what = q->getDescription();
  const bool negated = q->getNegation();
  if (what == "AtomAnd" || what == "AtomOr") {
    if (negated || q->beginChildren() == q->endChildren()) return any;
    auto it = q->beginChildren();
    ConnectivityAtom out = read_atom_query(it->get());
    for (++it; it != q->endChildren(); ++it) {
      out = what == "AtomAnd" ? both(std::move(out), read_atom_query(it->get())) : either(std::move(out), read_atom_query(it->get()));
    }
    return out;
  }
  const auto* equality = dynamic_cast<const IntAtomEquality*>(q);
  if (equality == nullptr) return any;
  const int value = equality->getVal();
  ConnectivityAtom out;
  if (what == "AtomAtomicNum" && !negated) {
    out.any_element = false;
    out.elements = {value};
  } else if (what == "AtomType" && !negated) {
    int element = 0;
    bool aromatic = false;
    RDKit::parseAtomType(value, element, aromatic);
    out.any_element = false;
    out.elements = {element};
    if (aromatic) out.ring = 1;
  } else if (what == "AtomIsAromatic" && !negated && value != 0) {
    out.ring = 1;
  } else if (what == "AtomInNRings") {
    if (value == -1) out.ring = negated ? -1 : 1;
    else if (!negated) out.ring = value == 0 ? -1 : 1;
  } else if ((what == "AtomMinRingSize" || what == "AtomRingBondCount") && !negated) {
    out.ring = value == 0 ? -1 : 1;
  }
  return out;
}

// The query with only what connectivity_allows may use: each atom its elements and ring
// membership, each bond any bond (a ring bond where the query's is). An embedding of the query
// in any form of a compound is an embedding of this one in the compound as drawn.
std::unique_ptr<RDKit::RWMol> relaxed_query(const ConnectivityQuery& facts) {
  auto relaxed = std::make_unique<RDKit::RWMol>();
  for (const auto& a : facts.atoms) {
    RDKit::QueryAtom atom;
    atom.setQuery(RDKit::makeAtomNullQuery());
    if (!a.any_element) {
      auto* elements = new RDKit::ATOM_OR_QUERY;
      elements->setDescription("AtomOr");
      for (int e : a.elements) elements->addChild(RDKit::QueryAtom::QUERYATOM_QUERY::CHILD_TYPE(RDKit::makeAtomNumQuery(e)));
      atom.setQuery(elements);
    }
    if (a.ring != 0) {
      auto* ring = RDKit::makeAtomInRingQuery();
      ring->setNegation(a.ring == -1);
      atom.expandQuery(ring, Queries::COMPOSITE_AND);
    }
    relaxed->addAtom(&atom, true, false);
  }
  for (const auto& b : facts.bonds) {
    RDKit::QueryBond bond;
    bond.setBeginAtomIdx(b.begin);
    bond.setEndAtomIdx(b.end);
    if (b.ring == 0) {
      bond.setQuery(RDKit::makeBondNullQuery());
    } else {
      auto* ring = RDKit::makeBondIsInRingQuery();
      ring->setNegation(b.ring == -1);
      bond.setQuery(ring);
    }
    relaxed->addBond(&bond, false);
  }
  RDKit::MolOps::fastFindRings(*relaxed);
  return relaxed;
}

const ConnectivityQuery& connectivity_of(dr_mol& query) {
  std::call_once(query.connectivity_once, [&] {
    const RDKit::ROMol& q = *query.mol;
    auto& facts = query.connectivity;
    const auto* rings = q.getRingInfo();
    const bool know_rings = rings->isInitialized();
    for (const auto* qa : q.atoms()) {
      ConnectivityAtom a = qa->hasQuery()
          ? read_atom_query(static_cast<const RDKit::QueryAtom*>(qa)->getQuery())
          : ConnectivityAtom{false, {qa->getAtomicNum()}, 0};
      // An atom on a cycle of the query lands on a cycle of the molecule.
      if (know_rings && rings->numAtomRings(qa->getIdx()) > 0) a.ring = a.ring == -1 ? 0 : 1;
      facts.atoms.push_back(a);
      if (!a.any_element && a.elements.size() == 1) facts.element_counts[a.elements.front()]++;
    }
    for (const auto* qb : q.bonds()) {
      int ring = know_rings && rings->numBondRings(qb->getIdx()) > 0 ? 1 : 0;
      if (qb->hasQuery()) {
        const auto* bq = static_cast<const RDKit::QueryBond*>(qb)->getQuery();
        if (bq->getDescription() == "BondInRing") {
          const auto* eq = dynamic_cast<const Queries::EqualityQuery<int, const RDKit::Bond*, true>*>(bq);
          if (eq != nullptr) {
            bool in_ring = (eq->getVal() != 0) != bq->getNegation();
            if (ring == 0) ring = in_ring ? 1 : -1;
          }
        }
      }
      facts.bonds.push_back({static_cast<int>(qb->getBeginAtomIdx()), static_cast<int>(qb->getEndAtomIdx()), ring});
    }
    facts.relaxed = relaxed_query(facts);
  });
  return query.connectivity;
}

bool fits(const ConnectivityAtom& q, int element, bool in_ring) {
  if (q.ring == 1 && !in_ring) return false;
  if (q.ring == -1 && in_ring) return false;
  return q.any_element || std::find(q.elements.begin(), q.elements.end(), element) != q.elements.end();
}

}  // namespace

MoleculeConnectivity::MoleculeConnectivity(RDKit::ROMol& mol) : mol(&mol) {
  element.reserve(mol.getNumAtoms());
  for (const auto* a : mol.atoms()) {
    element.push_back(a->getAtomicNum());
    counts[a->getAtomicNum()]++;
  }
}

void MoleculeConnectivity::read_rings() {
  if (rings_read) return;
  rings_read = true;
  // Ring membership only: RDKit's fast ring finder marks every atom and bond on a cycle.
  if (!mol->getRingInfo()->isInitialized()) RDKit::MolOps::fastFindRings(*mol);
  const auto* rings = mol->getRingInfo();
  for (const auto* a : mol->atoms()) atom_in_ring.push_back(rings->numAtomRings(a->getIdx()) > 0);
  for (const auto* b : mol->bonds()) {
    bond_ends.emplace_back(static_cast<int>(b->getBeginAtomIdx()), static_cast<int>(b->getEndAtomIdx()));
    bond_in_ring.push_back(rings->numBondRings(b->getIdx()) > 0);
  }
}

bool connectivity_allows(MoleculeConnectivity& m, dr_mol& query) {
  const auto& q = connectivity_of(query);
  if (q.atoms.size() > m.element.size() || q.bonds.size() > m.mol->getNumBonds()) return false;
  for (const auto& [element, needed] : q.element_counts) {
    auto found = m.counts.find(element);
    if (found == m.counts.end() || found->second < needed) return false;
  }
  m.read_rings();
  for (const auto& qa : q.atoms) {
    bool any = false;
    for (size_t i = 0; i < m.element.size() && !any; ++i) any = fits(qa, m.element[i], m.atom_in_ring[i]);
    if (!any) return false;
  }
  auto at = [&](int i) { return std::make_pair(m.element[i], static_cast<bool>(m.atom_in_ring[i])); };
  for (const auto& qb : q.bonds) {
    const auto& a1 = q.atoms[qb.begin];
    const auto& a2 = q.atoms[qb.end];
    bool any = false;
    for (size_t k = 0; k < m.bond_ends.size() && !any; ++k) {
      if ((qb.ring == 1 && !m.bond_in_ring[k]) || (qb.ring == -1 && m.bond_in_ring[k])) continue;
      auto [u, v] = m.bond_ends[k];
      auto [eu, ru] = at(u);
      auto [ev, rv] = at(v);
      any = (fits(a1, eu, ru) && fits(a2, ev, rv)) || (fits(a1, ev, rv) && fits(a2, eu, ru));
    }
    if (!any) return false;
  }
  // Each atom and bond can land somewhere: now the whole relaxed query, as RDKit embeds it.
  RDKit::SubstructMatchParameters params;
  params.maxMatches = 1;
  params.uniquify = false;
  params.recursionPossible = false;
  return !RDKit::SubstructMatch(*m.mol, *q.relaxed, params).empty();
}

}  // namespace dyereg
