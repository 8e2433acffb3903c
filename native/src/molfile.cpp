// Molfile reading that owns its molecule.
//
// RDKit 2022.09's MolBlockToMol holds the molecule under construction in a raw pointer: when the
// connection table is malformed (a bad element, a short atom or bond line, a bad count), the
// exception leaves the partly built molecule and its conformer behind, about 600 bytes a record
// (valgrind: "definitely lost" under ParseV2000CTAB). Later RDKit releases fixed this with a
// unique_ptr. The bridge does what MolDataStreamToMol does at the top level (header lines,
// counts line, version) and calls RDKit's own exported CTAB parsers and finishMolProcessing for
// the rest, with the molecule and conformer owned here, so a failure frees them. Messages are
// RDKit's wording.
#include "internal.hpp"

#include <GraphMol/Conformer.h>
#include <GraphMol/FileParsers/FileParserUtils.h>
#include <GraphMol/FileParsers/FileParsers.h>
#include <RDGeneral/FileParseException.h>
#include <RDGeneral/LocaleSwitcher.h>

#include <sstream>

namespace dyereg {
namespace {

std::string next_line(std::istream& in) {
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

unsigned int counts_field(const std::string& counts, size_t pos, unsigned int line) {
  try {
    return RDKit::FileParserUtils::toUnsigned(counts.substr(pos, 3), true);
  } catch (const std::exception&) {
    std::ostringstream msg;
    msg << "Cannot convert '" << counts.substr(pos, 3) << "' to unsigned int on line " << line;
    throw RDKit::FileParseException(msg.str());
  }
}

// The CTAB parsers hand the conformer to the molecule, and do not always null the caller's
// pointer afterwards: delete it only when the molecule does not own it.
void release_unowned(RDKit::RWMol& mol, RDKit::Conformer* conf) {
  if (conf == nullptr) return;
  for (auto it = mol.beginConformers(); it != mol.endConformers(); ++it)
    if (it->get() == conf) return;
  delete conf;
}

}  // namespace

RDKit::RWMol* read_molblock(const std::string& block, bool sanitize, bool remove_hs, bool strict) {
  RDKit::Utils::LocaleSwitcher locale;  // molfile numbers use '.', whatever the process locale
  std::istringstream in(block);
  unsigned int line = 1;
  std::string text = next_line(in);
  if (in.eof() && text.empty()) return nullptr;  // as RDKit: an empty block is no molecule
  auto mol = std::make_unique<RDKit::RWMol>();
  mol->setProp(RDKit::common_properties::_Name, text);
  ++line;
  text = next_line(in);
  mol->setProp("_MolFileInfo", text);
  if (text.size() >= 22 && (text.substr(20, 2) == "3d" || text.substr(20, 2) == "3D"))
    mol->setProp(RDKit::common_properties::_3DConf, 1);
  ++line;
  mol->setProp("_MolFileComments", next_line(in));
  ++line;
  std::string counts = next_line(in);
  if (counts.size() < 6) {
    std::ostringstream msg;
    msg << "Counts line too short: '" << counts << "' on line" << line;
    throw RDKit::FileParseException(msg.str());
  }
  unsigned int n_atoms = counts_field(counts, 0, line);
  unsigned int n_bonds = counts_field(counts, 3, line);
  unsigned int chiral_flag = 0;
  if (counts.size() >= 15) {
    try {
      chiral_flag = RDKit::FileParserUtils::toUnsigned(counts.substr(12, 3), true);
    } catch (const std::exception&) {
      // Some SD files lack the optional counts fields; RDKit ignores them too.
    }
  }
  unsigned int version = 2000;
  if (counts.size() > 35) {
    if (counts.size() < 39 || counts[34] != 'V') {
      if (strict) throw RDKit::FileParseException("CTAB version string invalid at line " + std::to_string(line));
    } else if (counts.substr(34, 5) == "V3000") {
      version = 3000;
    } else if (counts.substr(34, 5) != "V2000" && strict) {
      throw RDKit::FileParseException("Unsupported CTAB version: '" + counts.substr(34, 5) + "' at line " +
                                      std::to_string(line));
    }
  }
  mol->setProp(RDKit::common_properties::_MolFileChiralFlag, chiral_flag);

  RDKit::Conformer* conf = nullptr;
  bool chirality_possible = false;
  bool complete = false;
  try {
    if (version == 2000) {
      complete = RDKit::FileParserUtils::ParseV2000CTAB(&in, line, mol.get(), conf, chirality_possible, n_atoms,
                                                        n_bonds, strict);
    } else {
      complete = RDKit::FileParserUtils::ParseV3000CTAB(&in, line, mol.get(), conf, chirality_possible, n_atoms,
                                                        n_bonds, strict);
    }
  } catch (...) {
    release_unowned(*mol, conf);
    throw;
  }
  release_unowned(*mol, conf);
  if (!complete) {
    throw RDKit::FileParseException("Problems encountered parsing Mol data, M  END missing around line " +
                                    std::to_string(line));
  }
  // finishMolProcessing deletes the molecule itself when sanitization throws (2022.09), so it
  // takes ownership here, as it does in RDKit's own reader.
  RDKit::RWMol* finished = mol.release();
  RDKit::FileParserUtils::finishMolProcessing(finished, chirality_possible, sanitize, remove_hs);
  return finished;
}

}  // namespace dyereg
