/*
 * dyereg_chem.h — the C ABI of DyeRegistry's bridge over RDKit.
 *
 * Rules every export follows (see native/README.md):
 *  - Every export is wrapped in try/catch(...): no C++ exception crosses this boundary.
 *  - Functions that can fail return dr_status and, on failure, set *error to a UTF-8 message
 *    (RDKit's own reason where it gave one) that the caller releases with dr_free.
 *  - Every buffer returned through an out-parameter is released with dr_free; molecules with
 *    dr_mol_free. Out-parameters are untouched on failure unless documented.
 *  - Strings are NUL-terminated UTF-8. Options travel as one JSON object (may be NULL or "{}").
 *  - A dr_mol may be used from several threads: each export locks the molecule it reads
 *    (RDKit caches ring info and computed properties on the molecule). Query molecules are
 *    prepared fully at creation and are only read afterwards, so matching against one query
 *    from many threads needs no lock.
 */
#ifndef DYEREG_CHEM_H
#define DYEREG_CHEM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DR_EXPORT __attribute__((visibility("default")))

typedef enum dr_status {
  DR_OK = 0,
  DR_INPUT_ERROR = 1,    /* the input (SMILES, SMARTS, molfile, pickle) is not a valid structure */
  DR_ARGUMENT_ERROR = 2, /* a caller mistake: null pointer, bad options JSON, index out of range */
  DR_INTERNAL_ERROR = 3  /* anything else RDKit threw; the message says what */
} dr_status;

typedef struct dr_mol dr_mol; /* a molecule or a query molecule */

/* Per-atom facts, one per atom, in atom index order. */
typedef struct dr_atom_info {
  int32_t atomic_num;
  int32_t formal_charge;
  int32_t total_h_count;   /* implicit + explicit H (not counting H atoms present as graph nodes) */
  int32_t degree;          /* explicit neighbours in the graph */
  int32_t isotope;
  int32_t radical_electrons;
  int32_t hybridization;   /* RDKit's Atom::HybridizationType value */
  int32_t ring_system;     /* index of the fused ring system the atom belongs to, -1 if acyclic */
  int32_t smallest_ring;   /* size of the smallest SSSR ring containing the atom, 0 if none */
  uint8_t is_aromatic;
  uint8_t is_in_ring;
  uint8_t reserved[2];
} dr_atom_info;

/* Per-bond facts, one per bond, in bond index order. */
typedef struct dr_bond_info {
  int32_t begin_atom;
  int32_t end_atom;
  int32_t bond_type;       /* RDKit's Bond::BondType value: 1 single, 2 double, 3 triple, 12 aromatic, ... */
  uint8_t is_aromatic;
  uint8_t is_in_ring;
  uint8_t is_conjugated;
  uint8_t reserved;
} dr_bond_info;

typedef struct dr_descriptors {
  double average_mass;      /* g/mol, RDKit calcAMW */
  double exact_mass;        /* monoisotopic, g/mol */
  double crippen_logp;      /* Wildman-Crippen logP */
  double crippen_mr;        /* Wildman-Crippen molar refractivity */
  double tpsa;              /* topological polar surface area, square angstrom */
  int32_t rotatable_bonds;  /* RDKit's default (strict) definition */
  int32_t hbond_donors;     /* Lipinski NHOH count variant is not used: calcNumHBD */
  int32_t hbond_acceptors;  /* calcNumHBA */
  int32_t heavy_atoms;
  int32_t aromatic_atoms;
  int32_t reserved;
  double aromatic_atom_fraction; /* aromatic heavy atoms / heavy atoms, 0 for no heavy atoms */
} dr_descriptors;

/* ---- library ---- */
DR_EXPORT const char* dr_bridge_version(void); /* static string, do not free */
DR_EXPORT const char* dr_rdkit_version(void);  /* static string, do not free */
DR_EXPORT void dr_free(void* p);

/* ---- molecules: parse and write ----
 * options (JSON): {"sanitize":true,"removeHs":true}
 */
DR_EXPORT int32_t dr_mol_from_smiles(const char* smiles, const char* options, dr_mol** out, char** error);
/* Parses SMILES with default options only where one of `count` SMARTS queries could match:
 * *out is NULL (status DR_OK) when the SMILES is valid and, by elements, connectivity and ring
 * membership (which sanitizing, setting fragments aside and tautomers keep), contains none of
 * the queries; otherwise *out and any error are exactly those of dr_mol_from_smiles. Validity
 * without the full parse is checked by the sanitization steps that reject structures. */
DR_EXPORT int32_t dr_mol_from_smiles_screened(const char* smiles, dr_mol* const* queries, int32_t count,
                                              dr_mol** out, char** error);
/* As dr_mol_from_smiles_screened, without proving validity: *out is NULL (status DR_OK) as soon
 * as the SMILES reads unsanitized and its connectivity contains none of the queries, even where
 * the full parse would reject it (a valence error, say); any SMILES that could hold a query gets
 * exactly dr_mol_from_smiles's molecule or error. For screens that want hits only. */
DR_EXPORT int32_t dr_mol_from_smiles_screened_unvalidated(const char* smiles, dr_mol* const* queries, int32_t count,
                                                          dr_mol** out, char** error);
DR_EXPORT int32_t dr_mol_from_molblock(const char* molblock, const char* options, dr_mol** out, char** error);
/* Counts a structure read without sanitizing, before anything costly is done to it (size limits):
 * atoms as written, bonds, and rings as bonds - atoms + fragments. is_molblock: 0 SMILES, 1
 * molfile. A text RDKit cannot read even unsanitized is DR_INPUT_ERROR (its full parse says why). */
DR_EXPORT int32_t dr_structure_size(const char* text, int32_t is_molblock, int32_t* atoms, int32_t* bonds,
                                    int32_t* rings, char** error);
/* A SMARTS query's size: its atoms with those of its recursive SMARTS ($(...)), and how deep
 * recursive SMARTS nest (0 without any). */
DR_EXPORT int32_t dr_query_size(dr_mol* query, int32_t* atoms, int32_t* recursion_depth, char** error);
/* options: {"generics":false}  generics: turn atom labels (CXSMARTS) into RDKit generic groups */
DR_EXPORT int32_t dr_mol_from_smarts(const char* smarts, const char* options, dr_mol** out, char** error);
DR_EXPORT int32_t dr_mol_from_pickle(const uint8_t* data, size_t length, dr_mol** out, char** error);
DR_EXPORT void dr_mol_free(dr_mol* mol);
/* An independent copy (a query copies as a query). */
DR_EXPORT int32_t dr_mol_copy(dr_mol* mol, dr_mol** out, char** error);
/* Number of disconnected pieces (RDKit getMolFrags). */
DR_EXPORT int32_t dr_mol_fragment_count(dr_mol* mol, int32_t* count, char** error);

/* options: {"canonical":true,"isomeric":true,"kekule":false} */
DR_EXPORT int32_t dr_mol_to_smiles(dr_mol* mol, const char* options, char** out, char** error);
DR_EXPORT int32_t dr_mol_to_smarts(dr_mol* mol, char** out, char** error);
DR_EXPORT int32_t dr_mol_to_molblock(dr_mol* mol, char** out, char** error);
/* Binary pickle with all properties; release with dr_free. */
DR_EXPORT int32_t dr_mol_to_pickle(dr_mol* mol, uint8_t** out, size_t* length, char** error);
/* Copies atom properties of the named kind into JSON is out of scope; the molecule name: */
DR_EXPORT int32_t dr_mol_get_name(dr_mol* mol, char** out, char** error);

/* ---- standardization ----
 * options (JSON), each step off unless set:
 *  {"cleanup":true,        remove Hs, RDKit normalizer transforms, reionizer (never disconnects metals)
 *   "disconnectMetals":false,
 *   "fragments":"none"|"salts"|"parent",
 *        salts : RDKit's salt/solvent list removes known counter-ions and solvents
 *        parent: salts, then keep the largest organic fragment; metal ions are kept when
 *                "keepMetalIons" is true (default true) so ionic metal complexes stay whole
 *   "keepMetalIons":true,
 *   "neutralize":true,     RDKit Uncharger
 *   "canonicalTautomer":false, "maxTautomers":1000}
 * report (JSON): {"removedFragments":["[Na+]",...],"steps":["cleanup",...],"tautomersSeen":n}
 */
DR_EXPORT int32_t dr_mol_standardize(dr_mol* mol, const char* options, dr_mol** out, char** report, char** error);

/* All tautomers (RDKit TautomerEnumerator), at most max_tautomers; *out is an array of
 * *count molecules, each released with dr_mol_free, the array itself with dr_free.
 * *truncated is 1 when the enumeration stopped at the limit.
 * flags: DR_TAUTOMERS_HETEROATOM_SHIFTS_ONLY uses only RDKit's own "heteroatom H shift"
 * transforms (1,3 ... 1,11): hydrogen moves between heteroatoms (azo/hydrazone, lactam/lactim,
 * keto-enamine/hydroxy-imine), not to or from carbon (keto/enol of ketones, imine/enamine). */
#define DR_TAUTOMERS_ALL 0
#define DR_TAUTOMERS_HETEROATOM_SHIFTS_ONLY 1
DR_EXPORT int32_t dr_mol_enumerate_tautomers(dr_mol* mol, int32_t max_tautomers, int32_t flags, dr_mol*** out,
                                             int32_t* count, int32_t* truncated, char** error);

/* RDKit MolHash. function: the RDKit HashFunction value (10 = HetAtomTautomer, 3 = CanonicalSmiles ...). */
DR_EXPORT int32_t dr_mol_hash(dr_mol* mol, int32_t function, char** out, char** error);

/* The registry's duplicate key: RDKit's HetAtomTautomer hash, then " regions:" and, for each part
 * of the molecule that saturated carbons cut off and that holds a heteroatom or a charge, its
 * heteroatom H minus its charge (only when two or more parts count). */
DR_EXPORT int32_t dr_mol_duplicate_key(dr_mol* mol, char** out, char** error);

/* Disconnected components as separate molecules (RDKit getMolFrags); array as in enumerate_tautomers. */
DR_EXPORT int32_t dr_mol_fragments(dr_mol* mol, dr_mol*** out, int32_t* count, char** error);

/* ---- substructure ----
 * options (JSON): {"maxMatches":1000,"uniquify":true,"useChirality":false,
 *                  "useGenericMatchers":false,"recursionPossible":true}
 * *atoms receives match_count * query_atom_count target atom indices: match k, query atom q is
 * atoms[k * query_atom_count + q]. Release with dr_free (NULL when there are no matches).
 */
DR_EXPORT int32_t dr_substruct_matches(dr_mol* mol, dr_mol* query, const char* options, int32_t** atoms,
                                       int32_t* match_count, int32_t* query_atom_count, char** error);
/* *found: 1 when at least one match exists (faster than listing matches). */
DR_EXPORT int32_t dr_substruct_has_match(dr_mol* mol, dr_mol* query, const char* options, int32_t* found,
                                         char** error);
/* A necessary condition for each of `count` queries, under one lock: possible[i] = 0 when some
 * atom of query i (outside recursive SMARTS) matches no atom of mol, or some bond of it matches
 * no bond of mol with compatible ends, so dr_substruct_has_match would find nothing; 1 otherwise
 * (a match is possible, not certain). Much cheaper than a substructure search per query. */
DR_EXPORT int32_t dr_substruct_screen(dr_mol* mol, dr_mol* const* queries, int32_t count, uint8_t* possible,
                                      char** error);
/* The skeleton condition of each query: possible[i] = 1 when query i with only its elements and
 * ring membership, and any bonds (the relaxed query of dr_mol_from_smiles_screened), embeds in
 * mol. Hydrogen shifts change neither, so 0 means no tautomer of mol can match query i. */
DR_EXPORT int32_t dr_substruct_skeleton_screen(dr_mol* mol, dr_mol* const* queries, int32_t count,
                                               uint8_t* possible, char** error);

/* ---- graph facts ----
 * Arrays released with dr_free. Rings: SSSR atom rings, flattened: ring r has atoms
 * ring_atoms[ring_offsets[r] .. ring_offsets[r+1]-1]; ring_offsets has ring_count+1 entries.
 */
DR_EXPORT int32_t dr_mol_atom_count(dr_mol* mol, int32_t* count, char** error);
DR_EXPORT int32_t dr_mol_atoms(dr_mol* mol, dr_atom_info** atoms, int32_t* count, char** error);
DR_EXPORT int32_t dr_mol_bonds(dr_mol* mol, dr_bond_info** bonds, int32_t* count, char** error);
DR_EXPORT int32_t dr_mol_rings(dr_mol* mol, int32_t** ring_atoms, int32_t** ring_offsets, int32_t* ring_count,
                               char** error);

/* Atom map numbers (SMARTS [C:3] -> 3), one per atom, 0 where none; release with dr_free. */
DR_EXPORT int32_t dr_mol_atom_map_numbers(dr_mol* mol, int32_t** maps, int32_t* count, char** error);

/* A part of a molecule as a molecule of its own (Markush substituents).
 * keep[i] != 0 keeps atom i. Every bond from a kept atom to a dropped atom becomes a bond (same
 * order) to a new dummy atom whose isotope is label[dropped atom]. label[kept atom] is set as
 * the kept atom's isotope (0 for none). The molecule is kekulized before the cut and sanitized
 * after it, so only rings wholly inside the part stay aromatic. Arrays have one entry per atom.
 * The dummy for the one bond attach_inside-attach_outside (kept, dropped) gets attach_label
 * instead (the attachment point of a substituent, when the same dropped atom is bonded twice);
 * pass -1 for attach_inside to use label[] only.
 * *atom_origin (optional, release with dr_free) receives for each atom of the result the parent
 * atom it came from, or -1 for a dummy. */
DR_EXPORT int32_t dr_mol_extract(dr_mol* mol, const int32_t* keep, const int32_t* label, int32_t count,
                                 int32_t attach_inside, int32_t attach_outside, int32_t attach_label,
                                 dr_mol** out, int32_t** atom_origin, char** error);

/* A copy of the whole molecule with label[i] as atom i's isotope (0 for none), everything else
 * (bonds, aromaticity, H counts, ring info) as it is: what dr_mol_extract gives when every atom is
 * kept, without the Kekule cut and the sanitization a part needs. One entry per atom. */
DR_EXPORT int32_t dr_mol_with_isotope_labels(dr_mol* mol, const int32_t* label, int32_t count, dr_mol** out,
                                             char** error);

/* ---- descriptors ----
 * groups: bit flags choosing what is computed; fields of groups not asked for are NaN (doubles)
 * or -1 (integers).
 *   DR_DESC_MASS_LOGP: average_mass, exact_mass, crippen_logp, crippen_mr, heavy_atoms,
 *                      aromatic_atoms, aromatic_atom_fraction (cheap)
 *   DR_DESC_POLARITY:  tpsa, hbond_donors, hbond_acceptors, rotatable_bonds (SMARTS-based, costlier)
 *   DR_DESC_MASS:      average_mass, exact_mass, heavy_atoms only (no Crippen typing: cheapest)
 *   DR_DESC_CRIPPEN_REFERENCE: with DR_DESC_MASS_LOGP, logP and MR by RDKit's calcCrippenDescriptors
 *                      itself rather than the bridge's equal but faster typing (for tests)
 */
#define DR_DESC_MASS_LOGP 1
#define DR_DESC_POLARITY 2
#define DR_DESC_ALL 3
#define DR_DESC_MASS 4
#define DR_DESC_CRIPPEN_REFERENCE 8
DR_EXPORT int32_t dr_mol_descriptors(dr_mol* mol, int32_t groups, dr_descriptors* out, char** error);
/* Hill-order formula with charge, e.g. "C16H9N4O3S-" (RDKit calcMolFormula). */
DR_EXPORT int32_t dr_mol_formula(dr_mol* mol, char** out, char** error);

/* ---- fingerprints ----
 * Bits packed little-endian into 64-bit words: bit i is (words[i/64] >> (i%64)) & 1.
 * *words receives n_bits/64 words (n_bits must be a positive multiple of 64); release with dr_free.
 */
DR_EXPORT int32_t dr_mol_pattern_fingerprint(dr_mol* mol, int32_t n_bits, uint64_t** words, char** error);
DR_EXPORT int32_t dr_mol_morgan_fingerprint(dr_mol* mol, int32_t radius, int32_t n_bits, uint64_t** words,
                                            char** error);

/* ---- depiction ----
 * options (JSON): {"width":400,"height":300,"legend":"",
 *   "highlightAtoms":[0,1],"highlightBonds":[0],
 *   "atomColours":{"0":[1,0.5,0.5]},"bondColours":{"0":[1,0.5,0.5]},
 *   "atomNotes":{"3":"R1"},   atomNotes: small labels drawn beside atoms (slot names)
 *   "noteScale":0.5}          optional: the notes' size relative to atom labels (RDKit's annotationFontScale)
 */
DR_EXPORT int32_t dr_mol_to_svg(dr_mol* mol, const char* options, char** svg, char** error);
/* The same depiction (same options) as PNG bytes drawn by RDKit's Cairo drawer; *length bytes,
 * released with dr_free. For documents that take raster images (Word). */
DR_EXPORT int32_t dr_mol_to_png(dr_mol* mol, const char* options, uint8_t** png, size_t* length, char** error);

#ifdef __cplusplus
}
#endif

#endif /* DYEREG_CHEM_H */
