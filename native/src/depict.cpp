// SVG and PNG (Cairo) depictions with highlighted atoms and bonds and per-atom notes (slot labels).
#include "internal.hpp"

#include <GraphMol/Depictor/RDDepictor.h>
#include <GraphMol/MolDraw2D/MolDraw2DCairo.h>
#include <GraphMol/MolDraw2D/MolDraw2DSVG.h>
#include <GraphMol/MolDraw2D/MolDraw2DUtils.h>

#include <map>

namespace dyereg {
namespace {

std::map<int, RDKit::DrawColour> colour_map(const boost::property_tree::ptree& opts, const char* key) {
  std::map<int, RDKit::DrawColour> colours;
  auto node = opts.get_child_optional(key);
  if (!node) return colours;
  for (const auto& entry : *node) {
    std::vector<double> rgb;
    for (const auto& c : entry.second) rgb.push_back(c.second.get_value<double>());
    require(rgb.size() == 3, "a colour is [r, g, b] with components from 0 to 1");
    colours[std::stoi(entry.first)] = RDKit::DrawColour(rgb[0], rgb[1], rgb[2]);
  }
  return colours;
}

std::vector<int> index_list(const boost::property_tree::ptree& opts, const char* key) {
  std::vector<int> list;
  auto node = opts.get_child_optional(key);
  if (!node) return list;
  for (const auto& entry : *node) list.push_back(entry.second.get_value<int>());
  return list;
}


std::pair<int, int> size_of(const boost::property_tree::ptree& opts) {
  int width = opts.get("width", 400), height = opts.get("height", 300);
  require(width > 0 && height > 0 && width <= 10000 && height <= 10000, "width and height must be 1 to 10000");
  return {width, height};
}

// Draws a copy of the molecule with the options' highlights, colours, notes and legend; the
// same for every drawer, so the SVG and the PNG of one depiction show the same thing.
template <typename Drawer>
void draw(Drawer& drawer, dr_mol* mol, const boost::property_tree::ptree& opts) {
  RDKit::RWMol copy;
  {
    MolLock lock(mol);
    copy = *mol->mol;
  }
  int atom_count = static_cast<int>(copy.getNumAtoms());
  auto atoms = index_list(opts, "highlightAtoms");
  auto bonds = index_list(opts, "highlightBonds");
  auto atom_colours = colour_map(opts, "atomColours");
  auto bond_colours = colour_map(opts, "bondColours");
  for (int a : atoms) require(a >= 0 && a < atom_count, "highlightAtoms names an atom the molecule lacks");
  for (int b : bonds)
    require(b >= 0 && b < static_cast<int>(copy.getNumBonds()), "highlightBonds names a bond the molecule lacks");
  if (auto notes = opts.get_child_optional("atomNotes")) {
    for (const auto& entry : *notes) {
      int idx = std::stoi(entry.first);
      require(idx >= 0 && idx < atom_count, "atomNotes names an atom the molecule lacks");
      copy.getAtomWithIdx(idx)->setProp(RDKit::common_properties::atomNote, entry.second.get_value<std::string>());
    }
  }
  if (copy.getNumConformers() == 0) RDDepict::compute2DCoords(copy);
  if (auto scale = opts.get_optional<double>("noteScale")) {
    require(*scale > 0 && *scale <= 2, "noteScale must be above 0 and at most 2");
    drawer.drawOptions().annotationFontScale = *scale;
  }
  RDKit::MolDraw2DUtils::prepareAndDrawMolecule(drawer, copy, opts.get<std::string>("legend", ""), &atoms, &bonds,
                                                atom_colours.empty() ? nullptr : &atom_colours,
                                                bond_colours.empty() ? nullptr : &bond_colours);
  drawer.finishDrawing();
}

}  // namespace
}  // namespace dyereg

using namespace dyereg;

extern "C" {

int32_t dr_mol_to_svg(dr_mol* mol, const char* options, char** svg, char** error) {
  return guarded(error, [&] {
    require(svg != nullptr, "svg must not be null");
    auto opts = parse_options(options);
    auto [width, height] = size_of(opts);
    RDKit::MolDraw2DSVG drawer(width, height);
    draw(drawer, mol, opts);
    *svg = copy_string(drawer.getDrawingText());
  });
}

int32_t dr_mol_to_png(dr_mol* mol, const char* options, uint8_t** png, size_t* length, char** error) {
  return guarded(error, [&] {
    require(png != nullptr && length != nullptr, "png and length must not be null");
    auto opts = parse_options(options);
    auto [width, height] = size_of(opts);
    RDKit::MolDraw2DCairo drawer(width, height);
    draw(drawer, mol, opts);
    std::string bytes = drawer.getDrawingText();
    require(bytes.size() > 8, "Cairo produced no PNG data");
    auto* p = static_cast<uint8_t*>(std::malloc(bytes.size()));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, bytes.data(), bytes.size());
    *png = p;
    *length = bytes.size();
  });
}

}  // extern "C"
